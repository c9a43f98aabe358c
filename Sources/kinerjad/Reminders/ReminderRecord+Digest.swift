import KinerjaCore
import KinerjaStore

/// A recorded reminder seen through Core's rules: its days from the deadline, its urgency
/// and the digest it goes out in (`ReminderDigest`).
extension ReminderRecord {
    /// KINERJA_DAYS (`ReminderOccurrence.days`): from the deadline to the local day it fires.
    func days(calendar: OfficeCalendar) -> Int {
        LocalDate(due).map { ReminderOccurrence.days(due: $0, fireDate: calendar.date(of: fireAt)) } ?? 0
    }

    func urgency(calendar: OfficeCalendar) -> Int {
        ReminderDigest.urgency(kind: ReminderKind(rawValue: kind) ?? .lead, days: days(calendar: calendar))
    }

    func digestID(calendar: OfficeCalendar) -> String {
        ReminderDigest.id(fireDate: calendar.date(of: fireAt), recipientID: recipientID, recipientRole: recipientRole, itemID: id)
    }

    /// `records` grouped into digests, each most urgent first.
    static func digests(_ records: [ReminderRecord], calendar: OfficeCalendar) -> [[ReminderRecord]] {
        ReminderDigest.group(records, digest: { $0.digestID(calendar: calendar) }, urgency: { $0.urgency(calendar: calendar) }, id: \.id)
    }
}
