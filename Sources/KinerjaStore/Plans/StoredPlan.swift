import KinerjaCore

/// A plan as stored: the Core plan and the deadline of its current step, as computed by
/// the daemon from the year's rules when the plan was last saved (or the rules reloaded).
public struct StoredPlan: Sendable, Hashable {
    public var plan: Plan
    /// Nil when the plan is complete, closed, or its step has no deadline yet.
    public var due: LocalDate?
    /// The final standing written when the plan's cycle closed unfinished.
    public var closure: PlanClosure?

    public init(plan: Plan, due: LocalDate?, closure: PlanClosure? = nil) {
        self.plan = plan
        self.due = due
        self.closure = closure
    }
}
