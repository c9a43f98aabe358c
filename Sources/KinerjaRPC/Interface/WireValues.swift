/// Ids the interface defines only in its comments, which no domain enum holds: the daemon
/// writes them from here and clients read them from here, so that a new one is added in one
/// place (and kinerjactl's words for it are checked against it).

/// Where a step of a plan's timeline stands (TimelineItem `state`).
public enum TimelineState: String, Sendable, CaseIterable {
    case done, current, pending
}

/// How one run of a hook with a sample reminder ended (HookTestResult `outcome`).
public enum HookTestOutcome: String, Sendable, CaseIterable {
    /// Exit 0.
    case delivered
    /// Exit 75 (EX_TEMPFAIL): a real delivery would be retried.
    case retry
    /// Any other exit, or the hook could not run.
    case failed
    /// Killed at `timeout_seconds`.
    case timeout
}

extension ReminderItem {
    /// A previewed occurrence that will be sent (ReminderItem `state`; a held-back one has its
    /// suppression's name, `silenced` or `acknowledged`).
    public static let plannedState = "planned"
}
