import Foundation
import KinerjaCore
import KinerjaStore

/// A reminder about to be sent, as the log keeps it, with the name that makes its journal
/// fields readable.
struct FiredReminder: Sendable {
    let record: ReminderRecord
    let personName: String?
    let late: Bool
    /// KINERJA_DAYS (`ReminderOccurrence.days`): from the deadline to the day it fires.
    let days: Int

    var message: String { record.message }

    /// The journal fields of DESIGN.md, "Reminders", in a stable order.
    var journalFields: [(String, String)] {
        let r = record
        let plan = PlanID(r.planID)
        let kind = ReminderKind(rawValue: r.kind)
        return [
            ("MESSAGE", r.message),
            ("PRIORITY", "\(kind?.priority ?? 5)"),
            ("SYSLOG_IDENTIFIER", "kinerjad"),
            ("MESSAGE_ID", kind.map(ReminderMessageID.of) ?? ""),
            ("KINERJA_REMINDER_ID", r.id),
            ("KINERJA_KIND", r.kind),
            ("KINERJA_PERSON_ID", r.personID),
            ("KINERJA_NAME", personName ?? r.personID),
            ("KINERJA_ROLE", plan?.position.role.rawValue ?? ""),
            ("KINERJA_NPSN", plan?.position.npsn?.rawValue ?? ""),
            ("KINERJA_CYCLE", plan?.cycle.description ?? ""),
            ("KINERJA_STEP", r.step ?? ""),
            ("KINERJA_DUE", r.due),
            ("KINERJA_DAYS", "\(days)"),
            ("KINERJA_RECIPIENT", r.recipientID ?? r.recipientRole),
            ("KINERJA_RECIPIENT_ROLE", r.recipientRole),
            ("KINERJA_LATE", late ? "1" : "0"),
        ]
    }
}
