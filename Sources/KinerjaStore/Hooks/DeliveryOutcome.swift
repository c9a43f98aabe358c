import Foundation

/// How one run of a hook ended, as the daemon judged it (see DESIGN "Hooks"); each counts
/// as an attempt.
public enum DeliveryOutcome: Sendable, Hashable {
    /// Exit 0.
    case delivered
    /// Run again at `at` (exit 75, or a timeout while retries remain).
    case retry(at: Date, exitCode: Int?, error: String)
    /// Given up: another exit code, or the retry limit reached.
    case failed(exitCode: Int?, error: String)
}
