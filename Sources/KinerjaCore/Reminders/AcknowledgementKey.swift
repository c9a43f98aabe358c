/// What an acknowledgement covers: one deadline of one step of one plan, written
/// `plan|step|due`. Acknowledging any reminder of a deadline (say the 7-day one, fired or
/// only previewed) stops every later one of the same deadline: the 1-day one, the overdue
/// repeats, the escalation.
///
/// The only place that reads inside an occurrence id: it takes the first three parts of
/// `ReminderOccurrence.id`'s `plan|step|due|kind|offset|recipient`, and a change of that
/// format changes this with it (and needs a migration of stored keys).
public struct AcknowledgementKey: Hashable, Sendable, CustomStringConvertible {
    public let planID: String
    public let step: String
    public let due: String

    /// The key of an occurrence id, or of a bare `plan|step|due`; nil unless the first
    /// part is a plan id and the third a date.
    public init?(occurrenceID: String) {
        let parts = occurrenceID.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count >= 3, PlanID(String(parts[0])) != nil, LocalDate(parts[2]) != nil else { return nil }
        planID = String(parts[0])
        step = String(parts[1])
        due = String(parts[2])
    }

    public init(planID: String, step: String, due: String) {
        self.planID = planID
        self.step = step
        self.due = due
    }

    /// The key of a deadline of a plan's step (`-` for the plan as a whole), as an
    /// occurrence id begins.
    public init(plan: PlanID, step: Step?, due: LocalDate) {
        self.init(planID: plan.description, step: step?.rawValue ?? "-", due: due.description)
    }

    /// `plan|step|due`.
    public var description: String { "\(planID)|\(step)|\(due)" }

    /// The plan the key names.
    public var plan: PlanID? { PlanID(planID) }
}

extension ReminderOccurrence {
    /// The acknowledgement that stops this occurrence.
    public var acknowledgementKey: AcknowledgementKey { AcknowledgementKey(plan: plan, step: step, due: due) }
}
