/// One good row of a progress file: an action on the plan of a person (and school) in a cycle.
public struct ProgressLine: Hashable, Sendable {
    public let line: Int
    public let personID: PersonID
    /// Picks the position when the person holds more than one.
    public let npsn: NPSN?
    public let cycle: CycleID
    public let action: PlanAction
    public let date: LocalDate
}
