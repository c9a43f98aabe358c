import KinerjaCore

/// A position with its holder and the facts of its plan in the listed cycle (nil: no plan).
public struct ListedPosition: Sendable, Hashable {
    public var person: Person
    public var position: Position
    public var plan: PlanFacts?

    public init(person: Person, position: Position, plan: PlanFacts?) {
        self.person = person
        self.position = position
        self.plan = plan
    }
}

/// An open plan with what planning its reminders needs: the position (atasan, Tim Kinerja,
/// Pejabat Penilai) and the holder's name.
public struct ReminderSubject: Sendable, Hashable {
    public var plan: PlanFacts
    public var position: Position
    public var personName: String

    public init(plan: PlanFacts, position: Position, personName: String) {
        self.plan = plan
        self.position = position
        self.personName = personName
    }
}
