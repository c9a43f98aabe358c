import Foundation
import GRDB

extension SQLiteTransaction {
    /// `INSERT OR IGNORE`: an occurrence already in the log, in any state and from any
    /// daemon, stays as it is.
    func planReminders(_ reminders: [ReminderRecord], at: Date) throws -> Int {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO reminder_log (id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state,
                                                late, recorded_at, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?, ?)
            """)
        var planned = 0
        for r in reminders {
            try insert.execute(arguments: [
                r.id, r.planID, r.personID, r.step, r.kind, r.due, StoreTime.text(r.fireAt), r.recipientRole, r.recipientID, StoreTime.text(at), r.message,
            ])
            planned += db.changesCount
        }
        return planned
    }

    /// One UPDATE: SQLite runs one writer at a time, and PostgreSQL's row locks do the same
    /// for the same statement, so a reminder moves to `firing` for exactly one claimant.
    func claimReminders(dueBy: Date, claimant: String, at: Date) throws -> [ReminderRecord] {
        try recordBeat(claimant: claimant)
        return try ReminderRow.fetchAll(db, sql: """
            UPDATE reminder_log SET state = 'firing', claimed_by = ?, claimed_at = ?
            WHERE state = 'planned' AND fire_at <= ?
            RETURNING *
            """, arguments: [claimant, at, dueBy])
            .map { try $0.record() }
            .sorted { $0.fireAt != $1.fireAt ? $0.fireAt < $1.fireAt : $0.id < $1.id }
    }

    func claimedReminders(claimant: String) throws -> [ReminderRecord] {
        try ReminderRow.fetchAll(db, sql: """
            SELECT * FROM reminder_log WHERE state = 'firing' AND claimed_by = ? ORDER BY fire_at, id
            """, arguments: [claimant]).map { try $0.record() }
    }

    /// A fired reminder gets its pending deliveries in the same transaction: one that is
    /// fired always has them.
    func settleReminder(id: String, claimant: String, state: ReminderState, late: Bool, hooks: [String], at: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE reminder_log SET state = ?, late = ?, recorded_at = ?
            WHERE id = ? AND state = 'firing' AND claimed_by = ?
            """, arguments: [state.rawValue, late, at, id, claimant])
        guard db.changesCount == 1 else { return false }
        guard state == .fired else { return true }
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO hook_delivery (reminder_id, hook, state, attempts, next_attempt_at, updated_at)
            VALUES (?, ?, 'pending', 0, ?, ?)
            """)
        for hook in hooks {
            try insert.execute(arguments: [id, hook, at, at])
        }
        return true
    }

    func reminders(matching query: ReminderQuery) throws -> [ReminderRecord] {
        let (sql, arguments) = query.sql()
        return try ReminderRow.fetchAll(db, sql: sql, arguments: arguments).map { try $0.record() }
    }

    func reminderCounts(since: Date?) throws -> [ReminderState: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ReminderState.allCases.map { ($0, 0) })
        let sql = since == nil
            ? "SELECT state, count(*) AS n FROM reminder_log GROUP BY state"
            : "SELECT state, count(*) AS n FROM reminder_log WHERE fire_at >= ? GROUP BY state"
        let arguments: StatementArguments = since.map { [$0] } ?? []
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let text: String = row["state"]
            guard let state = ReminderState(rawValue: text) else {
                throw StoreError.damagedRow(table: "reminder_log", key: "state", reason: "unknown state '\(text)'")
            }
            counts[state] = row["n"]
        }
        return counts
    }
}

extension ReminderQuery {
    /// The SELECT for this query, and its arguments (shared with the EXPLAIN check).
    /// Without a state, the handled ones.
    func sql() -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state {
            conditions.append("state = ?")
            arguments += [state.rawValue]
        } else {
            conditions.append("state IN (\(ReminderState.handled.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
        }
        if let planID {
            conditions.append("plan_id = ?")
            arguments += [planID]
        }
        if let personID {
            conditions.append("person_id = ?")
            arguments += [personID]
        }
        if let recipientID {
            conditions.append("recipient_id = ?")
            arguments += [recipientID]
        }
        if let since {
            conditions.append("fire_at >= ?")
            arguments += [since]
        }
        if let until {
            conditions.append("fire_at < ?")
            arguments += [until]
        }
        var sql = "SELECT * FROM reminder_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY fire_at DESC, id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return (sql, arguments)
    }
}
