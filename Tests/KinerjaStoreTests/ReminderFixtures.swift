import Foundation
import KinerjaCore
import KinerjaStore

/// Reminder occurrences for the fixture district, with ids in Core's format
/// `plan|step|due|kind|offset|recipient`.
extension Fixture {
    static let budiPlan = planID(budi, school1).description
    static let sitiPlan = planID(siti, school2).description

    static func reminderID(
        plan: String = budiPlan, step: String = "praktik-kinerja", due: String = "2025-01-31", kind: String = "before",
        offset: Int = 7, recipient: String = "self"
    ) -> String {
        "\(plan)|\(step)|\(due)|\(kind)|\(offset)|\(recipient)"
    }

    /// An occurrence whose plan, step and due date are read back from `id`.
    static func reminder(
        _ id: String, state: ReminderState = .fired, fireAt: Date = now, personID: PersonID = budi, late: Bool = false
    ) -> ReminderRecord {
        let parts = id.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return ReminderRecord(
            id: id, planID: parts[0], personID: personID.rawValue, step: parts[1].isEmpty ? nil : parts[1],
            kind: parts[3], due: parts[2], fireAt: fireAt, recipientRole: "kepala-sekolah", recipientID: personID.rawValue,
            state: state, late: late, recordedAt: fireAt.addingTimeInterval(2),
            message: "Pengingat: praktik kinerja jatuh tempo \(parts[2])")
    }

    /// `now` plus whole minutes.
    static func minutes(_ count: Int) -> Date { now.addingTimeInterval(TimeInterval(count * 60)) }
}
