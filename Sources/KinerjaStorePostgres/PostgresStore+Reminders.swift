import Foundation
import KinerjaStore
import PostgresNIO

/// The reminder log: planned once, claimed by one daemon, settled by the one that holds it.
extension PostgresStore {
    /// The columns of a `ReminderRecord`, in `decodeReminders`'s order.
    static let reminderColumns = """
        id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state, late, recorded_at, message
        """

    /// `ON CONFLICT DO NOTHING`: an occurrence already in the log, in any state and from any
    /// daemon, stays as it is.
    public func planReminders(_ reminders: [ReminderRecord], at: Date) async throws -> Int {
        guard !reminders.isEmpty else { return 0 }
        return try await writing(.reminders) { connection, logger in
            var planned = 0
            for r in reminders {
                let rows = try await connection.query("""
                    INSERT INTO reminder_log (id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state,
                                              late, recorded_at, message)
                    VALUES (\(r.id), \(r.planID), \(r.personID), \(r.step), \(r.kind), \(r.due), \(r.fireAt), \(r.recipientRole),
                            \(r.recipientID), 'planned', false, \(at), \(r.message))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, logger: logger)
                for try await _ in rows { planned += 1 }
            }
            return planned
        }
    }

    /// One statement claims a morning's due occurrences: the rows are locked `FOR UPDATE
    /// SKIP LOCKED`, so two daemons claiming at once each get the rows the other has not
    /// locked, and never wait for each other; each row moves to `firing` for one claimant.
    public func claimReminders(dueBy: Date, claimant: String, at: Date) async throws -> [ReminderRecord] {
        try await writing(.reminders) { connection, logger in
            try await PostgresStore.recordBeat(claimant: claimant, connection, logger)
            let rows = try await connection.query("""
                UPDATE reminder_log SET state = 'firing', claimed_by = \(claimant), claimed_at = \(at)
                WHERE id IN (
                    SELECT id FROM reminder_log WHERE state = 'planned' AND fire_at <= \(dueBy)
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: PostgresStore.reminderColumns)
                """, logger: logger)
            return try await PostgresStore.decodeReminders(rows)
                .sorted { $0.fireAt != $1.fireAt ? $0.fireAt < $1.fireAt : $0.id < $1.id }
        }
    }

    public func claimedReminders(claimant: String) async throws -> [ReminderRecord] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresStore.reminderColumns) FROM reminder_log
                WHERE state = 'firing' AND claimed_by = \(claimant) ORDER BY fire_at, id
                """, logger: logger)
            return try await PostgresStore.decodeReminders(rows)
        }
    }

    /// A fired reminder gets its pending deliveries in the same transaction.
    public func settleReminder(id: String, claimant: String, state: ReminderState, late: Bool, hooks: [String], at: Date) async throws -> Bool {
        try await writing(state == .fired ? [.reminders, .deliveries] : .reminders) { connection, logger in
            let updated = try await connection.query("""
                UPDATE reminder_log SET state = \(state.rawValue), late = \(late), recorded_at = \(at)
                WHERE id = \(id) AND state = 'firing' AND claimed_by = \(claimant) RETURNING 1
                """, logger: logger)
            var held = false
            for try await _ in updated { held = true }
            guard held, state == .fired else { return held }
            for hook in hooks {
                try await connection.query("""
                    INSERT INTO hook_delivery (reminder_id, hook, state, attempts, next_attempt_at, updated_at)
                    VALUES (\(id), \(hook), 'pending', 0, \(at), \(at)) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            return true
        }
    }

    /// Handled reminders (or those of the query's state), newest fire time first.
    public func reminders(matching query: ReminderQuery) async throws -> [ReminderRecord] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        func condition(_ text: String, _ value: some PostgresEncodable & Sendable) throws {
            try binds.append(value)
            conditions.append(text.replacingOccurrences(of: "?", with: "$\(binds.count)"))
        }
        if let state = query.state {
            try condition("state = ?", state.rawValue)
        } else {
            conditions.append("state IN (\(ReminderState.handled.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
        }
        if let planID = query.planID { try condition("plan_id = ?", planID) }
        if let personID = query.personID { try condition("person_id = ?", personID) }
        if let recipientID = query.recipientID { try condition("recipient_id = ?", recipientID) }
        if let since = query.since { try condition("fire_at >= ?", since) }
        if let until = query.until { try condition("fire_at < ?", until) }
        var sql = "SELECT \(PostgresStore.reminderColumns) FROM reminder_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY fire_at DESC, id DESC"
        if let limit = query.limit {
            binds.append(limit)
            sql += " LIMIT $\(binds.count)"
        }
        let select = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await reading { connection, logger in
            try await PostgresStore.decodeReminders(try await connection.query(select, logger: logger))
        }
    }

    static func decodeReminders(_ rows: PostgresRowSequence) async throws -> [ReminderRecord] {
        var records: [ReminderRecord] = []
        for try await row in rows { records.append(try decodeReminder(row)) }
        return records
    }

    /// The `reminderColumns` of `row` from column `first`.
    static func decodeReminder(_ row: PostgresRow, from first: Int = 0) throws -> ReminderRecord {
        var c = RowCursor(row, from: first)
        let id: String = try c.next()
        let planID: String = try c.next(), personID: String = try c.next(), step: String? = try c.next()
        let kind: String = try c.next(), due: String = try c.next(), fireAt: Date = try c.next()
        let recipientRole: String = try c.next(), recipientID: String? = try c.next(), stateText: String = try c.next()
        let late: Bool = try c.next(), recordedAt: Date = try c.next(), message: String = try c.next()
        guard let state = ReminderState(rawValue: stateText) else {
            throw StoreError.damagedRow(table: "reminder_log", key: id, reason: "unknown state '\(stateText)'")
        }
        return ReminderRecord(
            id: id, planID: planID, personID: personID, step: step, kind: kind, due: due, fireAt: fireAt, recipientRole: recipientRole,
            recipientID: recipientID, state: state, late: late, recordedAt: recordedAt, message: message)
    }
}
