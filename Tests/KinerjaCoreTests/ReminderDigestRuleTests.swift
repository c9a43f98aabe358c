import Foundation
import KinerjaCore
import Testing

/// The digest rule: one recipient's day together, most urgent first.
@Suite struct ReminderDigestRuleTests {
    @Test func urgencyOrdersEscalationsFirstThenTheLongestLate() {
        let order: [(ReminderKind, Int)] = [(.escalation, 30), (.escalation, 14), (.overdue, 105), (.overdue, 1), (.blocked, 40), (.due, 0), (.lead, -1), (.lead, -7)]
        let urgencies = order.map { ReminderDigest.urgency(kind: $0.0, days: $0.1) }
        #expect(urgencies == urgencies.sorted() && Set(urgencies).count == order.count)
    }

    @Test func groupKeepsEachDigestTogetherMostUrgentFirst() {
        struct Item { let id: String; let to: String; let urgency: Int }
        let items = [Item(id: "a", to: "x", urgency: 5), Item(id: "b", to: "y", urgency: 1), Item(id: "c", to: "x", urgency: 2), Item(id: "d", to: "x", urgency: 2)]
        let groups = ReminderDigest.group(items, digest: \.to, urgency: \.urgency, id: \.id)
        #expect(groups.map { $0.map(\.id) } == [["c", "d", "a"], ["b"]])
    }

    @Test func anUnnamedRecipientIsADigestOfItsOwn() {
        let day = LocalDate(year: 2026, month: 12, day: 14)!
        #expect(ReminderDigest.id(fireDate: day, recipientID: nil, recipientRole: "atasan", itemID: "p|s|d|due|0|atasan") == "2026-12-14|p|s|d|due|0|atasan")
        #expect(ReminderDigest.id(fireDate: day, recipientID: "196808141994031005", recipientRole: "atasan", itemID: "x") == "2026-12-14|196808141994031005")
        // The office's operator has no id: kinerja.toml names one person, whose items share a digest.
        #expect(ReminderDigest.id(fireDate: day, recipientID: nil, recipientRole: "operator", itemID: "x") == "2026-12-14|operator")
    }

    @Test func oneItemIsSentAsItIsSeveralUnderAHeading() {
        let day = LocalDate(year: 2026, month: 12, day: 14)!
        #expect(ReminderDigest.message(items: ["Pengingat: satu."], recipientName: "Budi", fireDate: day, language: .indonesian) == "Pengingat: satu.")
        let text = ReminderDigest.message(items: ["A.", "B."], recipientName: "Budi", fireDate: day, language: .english)
        #expect(text == "2 Kinerja reminders for Budi, 14 December 2026, most urgent first:\n1. A.\n2. B.")
    }
}
