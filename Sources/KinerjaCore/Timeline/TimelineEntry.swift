/// One step of a plan's timeline: its recommended deadline and what happened.
public struct TimelineEntry: Hashable, Sendable, Codable {
    public let step: Step
    /// The deadline (end of that local day), after any extension of the rules.
    public let due: LocalDate
    public let startedOn: LocalDate?
    public let completedOn: LocalDate?
    /// Why the deadline moved from the cycle's, or how long the plan was blocked at the step.
    public let note: DeadlineNote?

    public init(step: Step, due: LocalDate, startedOn: LocalDate?, completedOn: LocalDate?, note: DeadlineNote? = nil) {
        self.step = step
        self.due = due
        self.startedOn = startedOn
        self.completedOn = completedOn
        self.note = note
    }
}
