import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells when the system's wall clock (CLOCK_REALTIME) is set: `date -s`, `timedatectl
/// set-time`, an NTP step, any `clock_settime`.
///
/// Why: a sleep is measured on the monotonic clock, which does not move when the wall clock
/// jumps, so a daemon sleeping until a wall-clock instant wakes too late (clock set forward)
/// or too early (set back) unless it is told. This is the Linux way, the one systemd's own
/// calendar timers use: a timerfd on CLOCK_REALTIME armed for the end of time with
/// `TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET`. It never expires; once the clock has been
/// set, the descriptor turns readable and `read(2)` fails with `ECANCELED`, one notice per
/// set however many sets happened, without re-arming. Any set counts, even to the time it
/// already was: the kernel compares the offset between the wall and the monotonic clock,
/// which a set always moves by the nanoseconds between reading and setting the time.
public final class WallClockTimer: Sendable {
    /// Why the timerfd could not be made.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let call: String
        /// The positive errno value.
        public let code: Int32
        public var description: String { "\(call): \(String(cString: strerror(code))) (errno \(code))" }
    }

    /// The timerfd, non-blocking and close-on-exec: poll it, or watch it with a read source,
    /// and call ``wasSet()`` when it is readable. Closed when the timer is released.
    public let fileDescriptor: Int32

    public init() throws(Failure) {
        let fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard fd >= 0 else { throw Failure(call: "timerfd_create(CLOCK_REALTIME)", code: errno) }
        var endOfTime = itimerspec()
        endOfTime.it_value.tv_sec = time_t.max
        guard timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET), &endOfTime, nil) == 0 else {
            let code = errno
            close(fd)
            throw Failure(call: "timerfd_settime(TFD_TIMER_CANCEL_ON_SET)", code: code)
        }
        fileDescriptor = fd
    }

    deinit { close(fileDescriptor) }

    /// True when the wall clock was set since the last call (the notice is consumed); false
    /// when it was not. Never blocks.
    public func wasSet() throws(Failure) -> Bool {
        var expirations: UInt64 = 0
        while true {
            if read(fileDescriptor, &expirations, MemoryLayout<UInt64>.size) >= 0 { return false }
            switch errno {
            case ECANCELED: return true
            case EAGAIN: return false
            case EINTR: continue
            case let code: throw Failure(call: "read(timerfd)", code: code)
            }
        }
    }
}
