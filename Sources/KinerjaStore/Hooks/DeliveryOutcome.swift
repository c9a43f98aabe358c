import Foundation

/// How one run of a hook ended, as the daemon judged it (see DESIGN "Hooks"); each counts
/// as an attempt, but for a run that never started.
public enum DeliveryOutcome: Sendable, Hashable {
    /// Exit 0.
    case delivered
    /// Run again at `at` (exit 75, or a timeout while retries remain).
    case retry(at: Date, exitCode: Int?, error: String)
    /// Given up: another exit code, or the retry limit reached.
    case failed(exitCode: Int?, error: String)
    /// The hook could not be started (no descriptor or process left, its directory not
    /// readable): run it at `at`, the attempt not counted, so that a shortage of the daemon's
    /// never uses up a delivery's attempts.
    case postponed(at: Date, error: String)
}
