import Foundation

/// One handled reminder occurrence, as the reminder log keeps it. Core computes every
/// field; the store keeps them as given and treats the id as opaque (its format matters
/// only to acknowledgements, see `AcknowledgementKey`).
public struct ReminderRecord: Sendable, Hashable, Codable {
    /// The occurrence's deterministic id (`plan|step|due|kind|offset|recipient`): the same
    /// occurrence computed again after a restart has the same id, which is what makes
    /// firing exactly-once.
    public var id: String
    public var planID: String
    /// Whose plan it is.
    public var personID: String
    /// The step the reminder is about; nil for reminders about the plan as a whole.
    public var step: String?
    /// The kind (before, on the day, overdue, escalation), as Core names it.
    public var kind: String
    /// The deadline, a local date `YYYY-MM-DD`.
    public var due: String
    /// When it was due to fire (an instant, stored in UTC to the millisecond).
    public var fireAt: Date
    /// To whom: the role of the recipient (the person themselves, the atasan, …).
    public var recipientRole: String
    /// The recipient's person id, when the role has one.
    public var recipientID: String?
    public var state: ReminderState
    /// Fired at start-up for an occurrence missed while the daemon was down.
    public var late: Bool
    /// When the daemon handled it.
    public var recordedAt: Date
    /// The text sent (or that would have been sent), in the configured language.
    public var message: String

    public init(
        id: String, planID: String, personID: String, step: String?, kind: String, due: String, fireAt: Date,
        recipientRole: String, recipientID: String?, state: ReminderState, late: Bool, recordedAt: Date, message: String
    ) {
        self.id = id
        self.planID = planID
        self.personID = personID
        self.step = step
        self.kind = kind
        self.due = due
        self.fireAt = fireAt
        self.recipientRole = recipientRole
        self.recipientID = recipientID
        self.state = state
        self.late = late
        self.recordedAt = recordedAt
        self.message = message
    }
}
