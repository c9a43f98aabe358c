/// The final standing of a plan whose cycle closed before it was complete: the step it
/// had reached, "tidak selesai" (see `CycleLifecycle`). Kept in the store with the plan.
public struct PlanClosure: Hashable, Sendable, Codable {
    /// The day the cycle closed.
    public let closedOn: LocalDate
    /// The step the plan was at.
    public let step: Step

    public init(closedOn: LocalDate, step: Step) {
        self.closedOn = closedOn
        self.step = step
    }
}
