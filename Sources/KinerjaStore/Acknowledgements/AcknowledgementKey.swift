/// What an acknowledgement covers: one deadline of one step of one plan, written
/// `plan|step|due`, each part copied verbatim from the reminder id (Core writes `-` as the
/// step of a reminder about the plan as a whole).
///
/// Coupling: this is the only place where the store reads inside a reminder id. It relies
/// on Core's occurrence id format `plan|step|due|kind|offset|recipient` and takes its
/// first three `|`-separated parts, so that acknowledging one reminder (say the 7-day
/// one) also stops the later ones of the same deadline (the 1-day one, the overdue
/// repeats, the escalation). If Core changes that format, change this with it (and add a
/// migration for stored keys).
struct AcknowledgementKey: Hashable {
    var planID: String
    var step: String
    var due: String

    /// The key of a reminder id (or of a bare `plan|step|due`, to acknowledge a deadline
    /// directly); nil without a plan and a due date in the first three parts.
    init?(reminderID: String) {
        let parts = reminderID.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty, !parts[2].isEmpty else { return nil }
        planID = String(parts[0])
        step = String(parts[1])
        due = String(parts[2])
    }

    init(planID: String, step: String, due: String) {
        self.planID = planID
        self.step = step
        self.due = due
    }

    var text: String { "\(planID)|\(step)|\(due)" }
}
