/// Everything the year's rules say about one plan that a store keeps beside it: the plan's
/// `PlanFacts`, the deadline of each step (the compliance report counts a step done on time
/// when it was completed by its deadline), and the points of each chosen RHK item. Computed
/// by `TimelineSchedule.derivation(of:)` when a plan is saved, and again for every plan when
/// the rules change.
public struct PlanDerivation: Hashable, Sendable {
    public let facts: PlanFacts
    /// The deadline of each step, in workflow order.
    public let dues: [LocalDate]
    /// By step index, the points of each chosen RHK item in order, as the year's catalog
    /// lists them (nil: the catalog gives it no points); only steps with RHK items.
    public let rhkPoints: [Int: [Int?]]
}

extension TimelineSchedule {
    /// The derivation of `plan` under this schedule's rules, with the final standing its
    /// cycle's closing gave it, if any.
    /// `preconditions`: its person's stages 1–2, when the office tracks them.
    public func derivation(of plan: Plan, closure: PlanClosure? = nil, preconditions: PreconditionState? = nil) -> PlanDerivation {
        let timeline = entries(of: plan, preconditions: preconditions)
        var points: [Int: [Int?]] = [:]
        for (index, record) in plan.records.enumerated() {
            guard let choices = record.details?.rhk else { continue }
            points[index] = choices.map { choice in rhkCatalog.first { $0.id == choice.id }?.poin }
        }
        return PlanDerivation(facts: facts(of: plan, timeline: timeline, closure: closure, preconditions: preconditions), dues: timeline.map(\.due), rhkPoints: points)
    }
}
