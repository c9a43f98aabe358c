import Foundation
import GRDB

/// The `hook_delivery` table's row.
struct HookDeliveryRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "hook_delivery"

    var reminderID: String
    var hook: String
    var state: String
    var attempts: Int
    var nextAttemptAt: Date?
    var lastExitCode: Int?
    var lastError: String?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case reminderID = "reminder_id"
        case hook, state, attempts
        case nextAttemptAt = "next_attempt_at"
        case lastExitCode = "last_exit_code"
        case lastError = "last_error"
        case updatedAt = "updated_at"
    }

    func delivery() throws -> HookDelivery {
        guard let state = DeliveryState(rawValue: state) else {
            throw StoreError.damagedRow(table: "hook_delivery", key: "\(reminderID)/\(hook)", reason: "unknown state '\(self.state)'")
        }
        return HookDelivery(
            reminderID: reminderID, hook: hook, state: state, attempts: attempts, nextAttemptAt: nextAttemptAt,
            lastExitCode: lastExitCode, lastError: lastError, updatedAt: updatedAt)
    }
}
