import Foundation

/// The daemon's wall clock: the system time, or, with `--clock-start`, a clock that starts
/// at a chosen instant and ticks from there; with `--clock-rate N`, N times faster than
/// real time (drills run a year through one daemon in minutes). Drills and tests move the
/// daemon's time through the daemon itself: libfaketime hangs Swift's timers.
///
/// An accelerated clock counts on the monotonic clock from its start, so that a set of the
/// system clock does not jump it by N times as much; a clock at rate 1 follows the system
/// time plus a fixed offset, and jumps with it (`WallClockWatcher` re-plans then).
struct DaemonClock: WallClock {
    private let start: Date?
    private let startedAt: ContinuousClock.Instant
    private let offset: TimeInterval
    /// True when the clock was moved; `status` shows it and the daemon warns at start.
    let isOverridden: Bool
    let rate: Double

    init(startingAt start: Date? = nil, rate: Double = 1) {
        self.rate = rate
        startedAt = ContinuousClock.now
        isOverridden = start != nil || rate != 1
        if rate != 1 {
            self.start = start ?? Date()
            offset = 0
        } else {
            self.start = nil
            offset = start?.timeIntervalSinceNow ?? 0
        }
    }

    func now() -> Date {
        guard let start else { return Date().addingTimeInterval(offset) }
        let elapsed = ContinuousClock.now - startedAt
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds * rate)
    }
}
