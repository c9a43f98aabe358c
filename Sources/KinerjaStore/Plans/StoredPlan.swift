import KinerjaCore

/// A plan as stored: the Core plan and the deadline of its current step, as computed by
/// the daemon from the year's rules when the plan was last saved (or the rules reloaded).
public struct StoredPlan: Sendable, Hashable {
    public var plan: Plan
    /// Nil when the plan is complete or its step has no deadline yet.
    public var due: LocalDate?

    public init(plan: Plan, due: LocalDate?) {
        self.plan = plan
        self.due = due
    }
}
