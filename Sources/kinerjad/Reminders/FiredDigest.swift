import Foundation
import KinerjaCore

/// The fired reminders of one recipient on one day, sent as one message
/// (`ReminderDigest`): one journal entry whose fields are those of its most urgent item
/// (what a filter on kind, person or step written for single reminders finds), MESSAGE
/// the whole digest, KINERJA_COUNT its size and one KINERJA_REMINDER_ID per item, so that
/// `journalctl KINERJA_REMINDER_ID=…` finds the entry of any item.
struct FiredDigest: Sendable {
    /// Most urgent first.
    let items: [FiredReminder]
    let message: String
    let id: String

    /// The recipient by name and, for an official, jabatan (not a bare NIP).
    let recipientName: String?
    let recipientJabatan: String?

    init(items: [FiredReminder], recipientName: String?, recipientJabatan: String?, calendar: OfficeCalendar, language: OfficeLanguage) {
        self.items = items
        self.recipientName = recipientName
        self.recipientJabatan = recipientJabatan
        let lead = items[0].record
        id = lead.digestID(calendar: calendar)
        message = ReminderDigest.message(
            items: items.map(\.message), recipientName: recipientName, recipientJabatan: recipientJabatan,
            fireDate: calendar.date(of: lead.fireAt), language: language)
    }

    var journalFields: [(String, String)] {
        var fields = items[0].journalFields
        fields[0] = ("MESSAGE", message)
        fields.append(("KINERJA_RECIPIENT_NAME", recipientName ?? ""))
        fields.append(("KINERJA_RECIPIENT_JABATAN", recipientJabatan ?? ""))
        fields.append(("KINERJA_DIGEST_ID", id))
        fields.append(("KINERJA_COUNT", "\(items.count)"))
        fields += items.dropFirst().map { ("KINERJA_REMINDER_ID", $0.record.id) }
        return fields
    }
}
