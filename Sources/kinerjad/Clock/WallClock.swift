import Foundation

/// What time it is for the daemon. Injected everywhere instead of calling `Date()`, so that
/// time-dependent code is tested with a fixed clock instead of sleeping.
protocol WallClock: Sendable {
    func now() -> Date
    /// True when the clock does not follow the system time (see `--clock-start`).
    var isOverridden: Bool { get }
    /// How many seconds of the daemon's time pass in one real second: 1, or more under
    /// `--clock-rate` (drills).
    var rate: Double { get }
}

extension WallClock {
    /// How long to sleep, in real time, for `seconds` of the daemon's time to pass: the
    /// timers (the scheduler's sleeps, the hook retries' backoff) follow the daemon's clock,
    /// so a drill at rate N sees a day's reminders at their instants, N times sooner.
    func realDuration(of seconds: TimeInterval) -> Duration {
        let real = max(0, seconds) / rate
        return .nanoseconds(Int64(min(real, 365 * 86_400) * 1_000_000_000))
    }

    /// The real time until the daemon's clock shows `instant`.
    func realDuration(until instant: Date) -> Duration { realDuration(of: instant.timeIntervalSince(now())) }
}
