/// Where one (reminder, hook) delivery stands. Pending and retrying rows are the queue the
/// daemon works through (see `dueDeliveries`); delivered and failed ones are final and are
/// never run again, not even after a restart.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Not attempted yet.
    case pending
    /// Attempted, the hook asked for a retry (exit 75, EX_TEMPFAIL) or timed out; tried
    /// again at `nextAttemptAt`.
    case retrying
    /// The hook exited 0.
    case delivered
    /// The hook failed for good (another exit code, or retries exhausted).
    case failed
}
