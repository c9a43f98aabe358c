import KinerjaCore

/// A plan as a store read it, with its version: the count of its saves, which a save
/// states it read so that a concurrent writer's save is not overwritten (see `PlanSave`).
public struct StoredPlan: Sendable, Hashable {
    public var plan: Plan
    public var version: Int64
    /// The final standing written when the plan's cycle closed unfinished.
    public var closure: PlanClosure?

    public init(plan: Plan, version: Int64, closure: PlanClosure? = nil) {
        self.plan = plan
        self.version = version
        self.closure = closure
    }
}
