import Foundation
import KinerjaCore

/// A reminder about to be sent: the occurrence and the names that make its message and
/// its journal fields readable.
struct FiredReminder: Sendable {
    let occurrence: ReminderOccurrence
    let person: Person?
    let position: Position
    let recipientName: String?
    let late: Bool
    let message: String

    /// The journal fields of DESIGN.md, "Reminders", in a stable order.
    var journalFields: [(String, String)] {
        let o = occurrence
        return [
            ("MESSAGE", message),
            ("PRIORITY", "\(o.kind.priority)"),
            ("SYSLOG_IDENTIFIER", "kinerjad"),
            ("MESSAGE_ID", ReminderMessageID.of(o.kind)),
            ("KINERJA_REMINDER_ID", o.id),
            ("KINERJA_KIND", o.kind.rawValue),
            ("KINERJA_PERSON_ID", o.plan.position.personID.rawValue),
            ("KINERJA_NAME", person?.nama ?? o.plan.position.personID.rawValue),
            ("KINERJA_ROLE", o.plan.position.role.rawValue),
            ("KINERJA_NPSN", o.plan.position.npsn?.rawValue ?? ""),
            ("KINERJA_CYCLE", o.plan.cycle.description),
            ("KINERJA_STEP", o.step?.rawValue ?? ""),
            ("KINERJA_DUE", o.due.description),
            ("KINERJA_DAYS", "\(o.days)"),
            ("KINERJA_RECIPIENT", o.recipientID?.rawValue ?? o.recipientRole.rawValue),
            ("KINERJA_RECIPIENT_ROLE", o.recipientRole.rawValue),
            ("KINERJA_LATE", late ? "1" : "0"),
        ]
    }
}
