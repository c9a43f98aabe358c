import KinerjaCore

/// A plan as a store read it, with its version: the count of its saves, which a save
/// states it read so that a concurrent writer's save is not overwritten (see `PlanSave`).
public struct StoredPlan: Sendable, Hashable {
    public var plan: Plan
    public var version: Int64

    public init(plan: Plan, version: Int64) {
        self.plan = plan
        self.version = version
    }
}
