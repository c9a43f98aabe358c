import Foundation

/// One message a day per person: what fires for one recipient on one local day is sent as
/// one digest (one journal entry, one hook run), its items most urgent first, as
/// Alertmanager groups alerts by receiver. A busy Kepala Dinas reads one message listing
/// eleven escalations, not eleven messages (issue 16).
///
/// Items keep their own ids: acknowledging one, a silence and the store's exactly-once
/// work item by item; the digest is only how the fired items of a day are told. The
/// scheduler groups what it settles as fired in one pass; the preview labels each item with
/// the digest it will go out in, so both read this one rule.
public enum ReminderDigest {
    /// The digest an item goes out in: its fire day's and its recipient's,
    /// `YYYY-MM-DD|recipient`. The office's operator, one recipient kinerja.toml names
    /// without an id, has the digest of its role (`YYYY-MM-DD|operator`). An item whose
    /// recipient the roster does not name goes to no one in particular: it is its own digest
    /// (`YYYY-MM-DD|item id`).
    public static func id(fireDate: LocalDate, recipientID: String?, recipientRole: String, itemID: String) -> String {
        let officeOperator = recipientRole == RecipientRole.officeOperator.rawValue ? recipientRole : nil
        return "\(fireDate)|\(recipientID ?? officeOperator ?? itemID)"
    }

    /// The digest of an occurrence.
    public static func id(of o: ReminderOccurrence, itemID: String? = nil) -> String {
        id(fireDate: o.fireDate, recipientID: o.recipientID?.rawValue, recipientRole: o.recipientRole.rawValue, itemID: itemID ?? o.id)
    }

    /// How urgent an item is, smaller first: an escalation (the atasan must step in), then
    /// overdue, blocked, due today and reminders ahead of the deadline; within a kind the
    /// one with more days past its deadline (or nearer to it) first.
    public static func urgency(kind: ReminderKind, days: Int) -> Int {
        let rank: Int
        switch kind {
        case .escalation: rank = 0
        case .overdue: rank = 1
        case .blocked: rank = 2
        case .due: rank = 3
        case .lead: rank = 4
        }
        // Days stay within a cycle's length (±400): the kind's rank dominates.
        return rank * 100_000 + (50_000 - max(-49_999, min(49_999, days)))
    }

    /// The urgency of an occurrence.
    public static func urgency(of o: ReminderOccurrence) -> Int { urgency(kind: o.kind, days: o.days) }

    /// `items` grouped into digests, in the order each digest's first item comes, each
    /// digest's items most urgent first (then by id, so the order is stable).
    public static func group<Item>(
        _ items: [Item], digest: (Item) -> String, urgency: (Item) -> Int, id: (Item) -> String
    ) -> [[Item]] {
        var order: [String] = []
        var groups: [String: [Item]] = [:]
        for item in items {
            let key = digest(item)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        return order.map { key in
            groups[key]!.map { (item: $0, urgency: urgency($0), id: id($0)) }
                .sorted { $0.urgency != $1.urgency ? $0.urgency < $1.urgency : $0.id < $1.id }
                .map(\.item)
        }
    }

    /// The digest's message: a line naming the recipient (with an official's jabatan), the
    /// day and the count, then each item's own message, numbered, most urgent first. One item
    /// is sent as it is.
    public static func message(
        items messages: [String], recipientName: String?, recipientJabatan: String? = nil, fireDate: LocalDate, language: OfficeLanguage
    ) -> String {
        guard messages.count > 1 else { return messages.first ?? "" }
        let day = ReminderText.date(fireDate, language: language)
        let whom = recipientName.map { name in ReminderText.flatten(recipientJabatan.map { "\(name) (\($0))" } ?? name) }
        let head = language.text(
            id: "\(messages.count) pengingat Kinerja\(whom.map { " untuk \($0)" } ?? ""), \(day), yang paling mendesak dulu:",
            en: "\(messages.count) Kinerja reminders\(whom.map { " for \($0)" } ?? ""), \(day), most urgent first:")
        return ([head] + messages.enumerated().map { "\($0.offset + 1). \($0.element)" }).joined(separator: "\n")
    }
}

extension ReminderDigest {
    /// The order of a listing of reminders to come (the preview): by fire instant, each
    /// digest's items together, most urgent first. A digest's items share their instant
    /// (one day's reminders fire at the policy's time of day).
    public struct Order: Sendable, Hashable, Comparable {
        public let fireAt: Date
        public let digest: String
        public let urgency: Int
        public let id: String

        public init(_ o: ReminderOccurrence, id: String) {
            fireAt = o.fireAt
            digest = ReminderDigest.id(of: o, itemID: id)
            urgency = ReminderDigest.urgency(of: o)
            self.id = id
        }

        public static func < (a: Order, b: Order) -> Bool {
            if a.fireAt != b.fireAt { return a.fireAt < b.fireAt }
            if a.digest != b.digest { return a.digest < b.digest }
            if a.urgency != b.urgency { return a.urgency < b.urgency }
            return a.id < b.id
        }
    }
}
