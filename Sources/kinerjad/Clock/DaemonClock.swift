import Foundation

/// The daemon's wall clock: the system time, or, with `--clock-start`, a clock that starts
/// at a chosen instant and ticks in real time from there (drills and tests move the
/// daemon's time through the daemon itself; libfaketime hangs Swift's timers).
struct DaemonClock: WallClock {
    private let offset: TimeInterval
    /// True when the clock was moved; `status` shows it and the daemon warns at start.
    let isOverridden: Bool

    init(startingAt start: Date? = nil) {
        if let start {
            offset = start.timeIntervalSinceNow
            isOverridden = true
        } else {
            offset = 0
            isOverridden = false
        }
    }

    func now() -> Date { Date().addingTimeInterval(offset) }
}
