/// What an acknowledgement covers: one deadline of one step of one plan, written
/// `plan|step|due`. Acknowledging one reminder (say the 7-day one) stops the later ones of
/// the same deadline (the 1-day one, the overdue repeats, the escalation), so the key is the
/// first three parts of the occurrence id `ReminderOccurrence.id` writes
/// (`plan|step|due|kind|offset|recipient`, `-` as the step of a reminder about the plan as a
/// whole): built from an occurrence by the scheduler and the preview, read from an id by the
/// store, here alone.
public struct AcknowledgementKey: Hashable, Sendable {
    public var planID: String
    public var step: String
    public var due: String

    /// The key of a reminder id (or of a bare `plan|step|due`, to acknowledge a deadline
    /// directly); nil without a plan and a due date in the first three parts.
    public init?(reminderID: String) {
        let parts = reminderID.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty, !parts[2].isEmpty else { return nil }
        planID = String(parts[0])
        step = String(parts[1])
        due = String(parts[2])
    }

    public init(planID: String, step: String, due: String) {
        self.planID = planID
        self.step = step
        self.due = due
    }

    /// The key of a deadline of a plan's step (nil: the plan as a whole).
    public init(plan: PlanID, step: Step?, due: LocalDate) {
        self.init(planID: plan.description, step: step?.rawValue ?? "-", due: due.description)
    }

    public var text: String { "\(planID)|\(step)|\(due)" }
}

extension ReminderOccurrence {
    /// The acknowledgement that covers this occurrence.
    public var acknowledgementKey: AcknowledgementKey {
        AcknowledgementKey(plan: plan, step: step, due: due)
    }
}
