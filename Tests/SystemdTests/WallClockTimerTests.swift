import Testing

@testable import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The timerfd that tells a set of the wall clock, driven by a real `clock_settime`.
@Suite struct WallClockTimerTests {
    /// Sets CLOCK_REALTIME to the time it reads: a set for the kernel (the timer is
    /// cancelled), yet the clock goes back only by the nanoseconds between the two calls, so
    /// the other tests running beside this one see no jump. Needs CAP_SYS_TIME (root).
    static func setClockToItself() throws {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard clock_settime(CLOCK_REALTIME, &now) == 0 else {
            throw WallClockTimer.Failure(call: "clock_settime (this test needs root: CAP_SYS_TIME)", code: errno)
        }
    }

    /// Runs `body` holding the lock that KinerjadTests takes to set the clock, so that no set
    /// of another test lands between this test's own set and its checks.
    static func withoutOtherSets(_ body: () throws -> Void) throws {
        let lock = open("/tmp/kinerja-tests-clock-set.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw WallClockTimer.Failure(call: "open the clock-set lock", code: errno) }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        try body()
    }

    @Test func aSetOfTheClockIsToldOnceWithoutRearming() throws {
        try Self.withoutOtherSets {
            let timer = try WallClockTimer()
            #expect(try timer.wasSet() == false)

            try Self.setClockToItself()
            var poll = pollfd(fd: timer.fileDescriptor, events: Int16(POLLIN), revents: 0)
            #expect(Glibc.poll(&poll, 1, 0) == 1, "readable at once: the kernel cancels the timer inside clock_settime")
            #expect(try timer.wasSet())
            #expect(try timer.wasSet() == false, "the notice is consumed")

            try Self.setClockToItself()
            #expect(try timer.wasSet(), "a later set is told too, without arming the timer again")
        }
    }

    @Test func eachTimerIsToldOfTheSameSet() throws {
        try Self.withoutOtherSets {
            let first = try WallClockTimer()
            let second = try WallClockTimer()
            try Self.setClockToItself()
            #expect(try first.wasSet() && second.wasSet())
        }
    }
}
