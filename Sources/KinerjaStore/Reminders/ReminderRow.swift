import Foundation
import GRDB

/// The `reminder_log` table's row.
struct ReminderRow: Codable, FetchableRecord, Sendable {
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
