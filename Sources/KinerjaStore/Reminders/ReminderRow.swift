import Foundation
import GRDB

/// The `reminder_log` table's row.
struct ReminderRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "reminder_log"

    var id: String
    var planID: String
    var personID: String
    var step: String?
    var kind: String
    var due: String
    var fireAt: Date
    var recipientRole: String
    var recipientID: String?
    var state: String
    var late: Bool
    var recordedAt: Date
    var message: String

    enum CodingKeys: String, CodingKey {
        case id
        case planID = "plan_id"
        case personID = "person_id"
        case step, kind, due
        case fireAt = "fire_at"
        case recipientRole = "recipient_role"
        case recipientID = "recipient_id"
        case state, late
        case recordedAt = "recorded_at"
        case message
    }

    init(_ record: ReminderRecord) {
        id = record.id
        planID = record.planID
        personID = record.personID
        step = record.step
        kind = record.kind
        due = record.due
        fireAt = record.fireAt
        recipientRole = record.recipientRole
        recipientID = record.recipientID
        state = record.state.rawValue
        late = record.late
        recordedAt = record.recordedAt
        message = record.message
    }

    func record() throws -> ReminderRecord {
        guard let state = ReminderState(rawValue: state) else {
            throw StoreError.damagedRow(table: "reminder_log", key: id, reason: "unknown state '\(self.state)'")
        }
        return ReminderRecord(
            id: id, planID: planID, personID: personID, step: step, kind: kind, due: due, fireAt: fireAt,
            recipientRole: recipientRole, recipientID: recipientID, state: state, late: late, recordedAt: recordedAt,
            message: message)
    }
}
