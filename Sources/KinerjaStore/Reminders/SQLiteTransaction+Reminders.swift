import Foundation
import GRDB

extension SQLiteTransaction {
    func reminderExists(_ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reminder_log WHERE id = ?)", arguments: [id]) ?? false
    }

    func knownReminderIDs(_ ids: [String]) throws -> Set<String> {
        var known: Set<String> = []
        for batch in SQLChunks.batches(Array(Set(ids))) {
            let sql = "SELECT id FROM reminder_log WHERE id IN (\(batch.placeholders))"
            known.formUnion(try String.fetchAll(db, sql: sql, arguments: StatementArguments(batch.values)))
        }
        return known
    }

    /// `INSERT OR IGNORE`, then SQLite's count of changed rows says whether this call
    /// inserted it: two daemons (or a restart racing a reload) computing the same
    /// occurrence cannot both see `true`, because writes are serialised.
    func recordReminder(_ reminder: ReminderRecord, hooks: [String], at: Date) throws -> Bool {
        try ReminderRow(reminder).insert(db, onConflict: .ignore)
        guard db.changesCount > 0 else { return false }
        guard reminder.state == .fired else { return true }
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO hook_delivery (reminder_id, hook, state, attempts, next_attempt_at, updated_at)
            VALUES (?, ?, 'pending', 0, ?, ?)
            """)
        for hook in hooks {
            try insert.execute(arguments: [reminder.id, hook, at, at])
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
    func sql() -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state {
            conditions.append("state = ?")
            arguments += [state.rawValue]
        }
        if let planID {
            conditions.append("plan_id = ?")
            arguments += [planID]
        }
        if let personID {
            conditions.append("person_id = ?")
            arguments += [personID]
        }
        if let since {
            conditions.append("fire_at >= ?")
            arguments += [since]
        }
        if let until {
            conditions.append("fire_at < ?")
            arguments += [until]
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var sql = "SELECT * FROM reminder_log \(clause) ORDER BY fire_at DESC, id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return (sql, arguments)
    }
}
