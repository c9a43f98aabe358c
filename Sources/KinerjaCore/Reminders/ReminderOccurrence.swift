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
public enum RecipientRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The principal or supervisor whose plan it is.
    case pegawai
    /// A member of the plan's Tim Kinerja.
    case timKinerja = "tim_kinerja"
    /// The Pejabat Penilai Kinerja (the Kepala Dinas).
    case pejabatPenilai = "pejabat_penilai"
    /// The atasan langsung: escalations and blocks.
    case atasan
    /// The office's operator (kinerja.toml's `[office]`): Pemutakhiran Data, stage 1.
    case officeOperator = "operator"
}

/// One reminder that will fire (or would have fired) for one recipient: planned from the
/// plan's state and the rules, never stored as a rule.
///
/// `id` and `nominalDate` are derived when read, not stored: `next(after:)` over a whole
/// office returns one occurrence per plan and the daemon reads only `fireAt` of most of
/// them, so the id string is built only for the ones that are used. JSON carries both.
public struct ReminderOccurrence: Sendable, Hashable, Codable {
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

    /// Deterministic: `plan|step|due|kind|offsetDays|recipient` (the step's id or `-`, the
    /// recipient's person id or, when the roster names nobody, the role). The same inputs
    /// give the same id across restarts; the store deduplicates on it.
    public var id: String {
        ReminderOccurrence.id(
            plan: plan, step: step, due: due, kind: kind, offsetDays: offsetDays, recipientRole: recipientRole,
            recipientID: recipientID)
    }

    /// `due` + `offsetDays`: the day before the working-day rule.
    public var nominalDate: LocalDate { due.adding(days: offsetDays) }

    /// KINERJA_DAYS: days from `due` to the day it fires (negative before the deadline,
    /// for `blocked` the days since the block began). The journal entry, the hook's JSON and
    /// environment and the message text all show this one number.
    public var days: Int { ReminderOccurrence.days(due: due, fireDate: fireDate) }

    /// The same for a recorded reminder, from its deadline and the local day it fired.
    public static func days(due: LocalDate, fireDate: LocalDate) -> Int { due.days(until: fireDate) }

    public init(
        plan: PlanID, step: Step?, due: LocalDate, kind: ReminderKind, offsetDays: Int, fireDate: LocalDate, fireAt: Date,
        recipientRole: RecipientRole, recipientID: PersonID?, blockCause: BlockCause? = nil, blockNote: String? = nil
    ) {
        self.plan = plan
        self.step = step
        self.due = due
        self.kind = kind
        self.offsetDays = offsetDays
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
        "\(AcknowledgementKey(plan: plan, step: step, due: due))|\(kind.rawValue)|\(offsetDays)|\(recipientID?.rawValue ?? recipientRole.rawValue)"
    }

    enum CodingKeys: String, CodingKey {
        case id, plan, step, due, kind, offsetDays, nominalDate, fireDate, fireAt, recipientRole, recipientID, blockCause, blockNote
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            plan: try c.decode(PlanID.self, forKey: .plan), step: try c.decodeIfPresent(Step.self, forKey: .step),
            due: try c.decode(LocalDate.self, forKey: .due), kind: try c.decode(ReminderKind.self, forKey: .kind),
            offsetDays: try c.decode(Int.self, forKey: .offsetDays), fireDate: try c.decode(LocalDate.self, forKey: .fireDate),
            fireAt: try c.decode(Date.self, forKey: .fireAt), recipientRole: try c.decode(RecipientRole.self, forKey: .recipientRole),
            recipientID: try c.decodeIfPresent(PersonID.self, forKey: .recipientID),
            blockCause: try c.decodeIfPresent(BlockCause.self, forKey: .blockCause),
            blockNote: try c.decodeIfPresent(String.self, forKey: .blockNote))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(plan, forKey: .plan)
        try c.encodeIfPresent(step, forKey: .step)
        try c.encode(due, forKey: .due)
        try c.encode(kind, forKey: .kind)
        try c.encode(offsetDays, forKey: .offsetDays)
        try c.encode(nominalDate, forKey: .nominalDate)
        try c.encode(fireDate, forKey: .fireDate)
        try c.encode(fireAt, forKey: .fireAt)
        try c.encode(recipientRole, forKey: .recipientRole)
        try c.encodeIfPresent(recipientID, forKey: .recipientID)
        try c.encodeIfPresent(blockCause, forKey: .blockCause)
        try c.encodeIfPresent(blockNote, forKey: .blockNote)
    }
}
