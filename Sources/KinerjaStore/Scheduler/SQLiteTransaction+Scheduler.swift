import Foundation
import GRDB

extension SQLiteTransaction {
    /// The key of the checkpoint in `scheduler_state`.
    static let checkpointKey = "checkpoint"

    func schedulerCheckpoint() throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT value FROM scheduler_state WHERE key = ?", arguments: [Self.checkpointKey])
    }

    func setSchedulerCheckpoint(_ date: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO scheduler_state (key, value) VALUES (?, ?)", arguments: [Self.checkpointKey, date])
    }
}
