import Foundation
import GRDB

extension SQLiteTransaction {
    /// The key of the checkpoint in `scheduler_state`.
    static let checkpointKey = "checkpoint"

    func schedulerCheckpoint() throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT value FROM scheduler_state WHERE key = ?", arguments: [Self.checkpointKey])
    }

    /// Never moves back: with two daemons on one store, the one behind must not make the
    /// other catch up again (which the claims would keep from firing twice, at a cost).
    func advanceSchedulerCheckpoint(to date: Date) throws {
        if let current = try schedulerCheckpoint(), current >= date { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO scheduler_state (key, value) VALUES (?, ?)", arguments: [Self.checkpointKey, date])
    }
}
