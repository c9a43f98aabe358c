import Foundation

/// Why a reminder is sent.
public enum ReminderKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Days before the deadline.
    case lead
    /// On the day of the deadline.
    case due
    /// Repeated after the deadline has passed.
    case overdue
    /// Once, to the atasan, some days after the deadline.
    case escalation
    /// Repeated to the atasan while the plan is blocked by a cause someone else owns.
    case blocked

    /// Syslog priority of the journal entry: lead 5 (notice), due 4 (warning), overdue,
    /// escalation and blocked 3 (err).
    public var priority: Int {
        switch self {
        case .lead: return 5
        case .due: return 4
        case .overdue, .escalation, .blocked: return 3
        }
    }
}

/// In what capacity the recipient gets a reminder.
public enum RecipientRole: String, Sendable, Hashable, Codable {
    /// The principal or supervisor whose plan it is.
    case pegawai
    /// A member of the plan's Tim Kinerja.
    case timKinerja = "tim_kinerja"
    /// The Pejabat Penilai Kinerja (the Kepala Dinas).
    case pejabatPenilai = "pejabat_penilai"
    /// The atasan langsung: escalations and blocks.
    case atasan
}

/// One reminder that will fire (or would have fired) for one recipient: planned from the
/// plan's state and the rules, never stored as a rule.
public struct ReminderOccurrence: Sendable, Hashable, Codable {
    /// Deterministic: `plan|step|due|kind|offsetDays|recipient` (the step's id or `-`, the
    /// recipient's person id or, when the roster names nobody, the role). The same inputs
    /// give the same id across restarts; the store deduplicates on it.
    public let id: String
    public let plan: PlanID
    /// The step reminded about: the plan's current step. Every planned occurrence has one
    /// (blocked reminders carry the step the plan is stuck at); nil is kept for reminders
    /// not tied to a step.
    public let step: Step?
    /// The deadline; for `blocked`, the day the block started.
    public let due: LocalDate
    public let kind: ReminderKind
    /// Days from `due` to the nominal day: -14 … 0 … +N.
    public let offsetDays: Int
    /// `due` + `offsetDays`.
    public let nominalDate: LocalDate
    /// The day it fires, after the working-day rule.
    public let fireDate: LocalDate
    /// `fireDate` at the policy's time of day, in the office's zone.
    public let fireAt: Date
    public let recipientRole: RecipientRole
    /// Nil when the roster does not name that person (no atasan, no Tim Kinerja yet).
    public let recipientID: PersonID?
    /// For `blocked`: what blocks the plan, and the administrator's note.
    public let blockCause: BlockCause?
    public let blockNote: String?

    public init(
        plan: PlanID, step: Step?, due: LocalDate, kind: ReminderKind, offsetDays: Int, fireDate: LocalDate, fireAt: Date,
        recipientRole: RecipientRole, recipientID: PersonID?, blockCause: BlockCause? = nil, blockNote: String? = nil
    ) {
        self.id = ReminderOccurrence.id(
            plan: plan, step: step, due: due, kind: kind, offsetDays: offsetDays, recipientRole: recipientRole,
            recipientID: recipientID)
        self.plan = plan
        self.step = step
        self.due = due
        self.kind = kind
        self.offsetDays = offsetDays
        self.nominalDate = due.adding(days: offsetDays)
        self.fireDate = fireDate
        self.fireAt = fireAt
        self.recipientRole = recipientRole
        self.recipientID = recipientID
        self.blockCause = blockCause
        self.blockNote = blockNote
    }

    /// The id an occurrence with these properties has.
    public static func id(
        plan: PlanID, step: Step?, due: LocalDate, kind: ReminderKind, offsetDays: Int, recipientRole: RecipientRole,
        recipientID: PersonID?
    ) -> String {
        "\(plan)|\(step?.rawValue ?? "-")|\(due)|\(kind.rawValue)|\(offsetDays)|\(recipientID?.rawValue ?? recipientRole.rawValue)"
    }
}
