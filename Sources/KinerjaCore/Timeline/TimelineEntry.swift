/// One step of a plan's timeline: its recommended deadline and what happened.
public struct TimelineEntry: Hashable, Sendable, Codable {
    public let step: Step
    /// The deadline (end of that local day), after any extension of the rules.
    public let due: LocalDate
    public let startedOn: LocalDate?
    public let completedOn: LocalDate?
}
