import Foundation

/// What time it is for the daemon. Injected everywhere instead of calling `Date()`, so that
/// time-dependent code is tested with a fixed clock instead of sleeping.
protocol WallClock: Sendable {
    func now() -> Date
    /// True when the clock does not follow the system time (see `--clock-start`).
    var isOverridden: Bool { get }
}
