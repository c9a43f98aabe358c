import Foundation
import Testing
@testable import kinerjad

/// `--clock-start` and `--clock-rate`: the daemon's clock, and the real time its timers wait.
@Suite struct DaemonClockTests {
    @Test func anAcceleratedClockRunsRateTimesFasterAndItsTimersWaitThatMuchLess() {
        let start = Date(timeIntervalSince1970: 1_798_736_340)  // 2026-12-31T23:59:00+07:00
        let clock = DaemonClock(startingAt: start, rate: 1_000)
        #expect(clock.isOverridden && clock.rate == 1_000)
        // A day of the daemon's time is 86.4 s of real time; an hour, 3.6 s.
        #expect(clock.realDuration(of: 86_400) == .milliseconds(86_400))
        #expect(clock.realDuration(of: -5) == .zero)
        let first = clock.now()
        #expect(first >= start && first < start.addingTimeInterval(60), "starts where it was told: \(first)")
        // The clock itself, measured: 20 ms of real time are 20 s of the daemon's.
        let realBefore = Date()
        usleep(20_000)
        let elapsed = clock.now().timeIntervalSince(first), real = Date().timeIntervalSince(realBefore)
        #expect(elapsed >= 19 && elapsed <= (real + 0.002) * 1_000, "\(elapsed) s of daemon time in \(real) s")
    }

    @Test func theSystemClockAndAMovedOneRunAtRealSpeed() {
        let system = DaemonClock()
        #expect(!system.isOverridden && system.rate == 1)
        #expect(abs(system.now().timeIntervalSinceNow) < 1)
        let moved = DaemonClock(startingAt: Date(timeIntervalSince1970: 0))
        #expect(moved.isOverridden && moved.rate == 1 && moved.realDuration(of: 2) == .seconds(2))
        #expect(moved.now().timeIntervalSince1970 < 10)
    }
}
