import Foundation
import GRDB

extension SQLiteTransaction {
    func dueDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>) throws -> [DueDelivery] {
        let sql = HookDeliverySQL.due(ofHook: hook != nil, excluding: excluding.count)
        var arguments: StatementArguments = [at, limit]
        if hook != nil || !excluding.isEmpty { arguments += [hook ?? ""] }
        for id in excluding.sorted() { arguments += [id] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let delivery = HookDeliveryRow(
                reminderID: row["delivery_reminder_id"], hook: row["delivery_hook"], state: row["delivery_state"],
                attempts: row["delivery_attempts"], nextAttemptAt: row["delivery_next_attempt_at"],
                lastExitCode: row["delivery_last_exit_code"], lastError: row["delivery_last_error"],
                updatedAt: row["delivery_updated_at"])
            return DueDelivery(delivery: try delivery.delivery(), reminder: try ReminderRow(row: row).record())
        }
    }

    /// The due ones, each claimed in the same transaction (SQLite's one writer keeps a
    /// second claimant out until it commits), with the claimant's beat.
    func claimDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>, claimant: String) throws -> [DueDelivery] {
        let due = try dueDeliveries(at: at, limit: limit, hook: hook, excluding: excluding)
        guard !due.isEmpty else { return [] }
        try recordBeat(claimant: claimant)
        let claim = try db.cachedStatement(sql: "UPDATE hook_delivery SET claimed_by = ?, claimed_at = ? WHERE reminder_id = ? AND hook = ?")
        for d in due {
            try claim.execute(arguments: [claimant, StoreTime.text(at), d.delivery.reminderID, d.delivery.hook])
        }
        return due
    }

    /// A row someone reset by hand without a time (NULL, "now") counts as due since its
    /// last update, so that the daemon runs it at once.
    func nextDeliveryAttempt(hook: String?, excluding: Set<String>) throws -> Date? {
        var arguments: StatementArguments = []
        if let hook { arguments += [hook] }
        for id in excluding.sorted() { arguments += [id] }
        return try Date.fetchOne(db, sql: """
            SELECT min(coalesce(next_attempt_at, updated_at)) FROM hook_delivery
            WHERE state IN ('pending', 'retrying') AND claimed_by IS NULL\(hook == nil ? "" : " AND hook = ?")\(HookDeliverySQL.notIn(excluding.count))
            """, arguments: arguments)
    }

    func queuedHooks() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT hook FROM hook_delivery WHERE state IN ('pending', 'retrying') ORDER BY hook")
    }

    /// Only a pending or retrying delivery is changed: a final one (delivered or failed)
    /// stays as it is, so that a run finished twice (a bug, a race with a restart) cannot
    /// turn a delivered reminder back into one to send.
    func finishDelivery(reminderID: String, hook: String, outcome: DeliveryOutcome, at: Date) throws {
        let state: DeliveryState
        var next: Date?
        var exitCode: Int?
        var error: String?
        switch outcome {
        case .delivered:
            state = .delivered
            exitCode = 0
        case .retry(let when, let code, let message):
            state = .retrying
            next = when
            exitCode = code
            error = BoundedText.bounded(message, maxBytes: HookDelivery.errorLimit)
        case .failed(let code, let message):
            state = .failed
            exitCode = code
            error = BoundedText.bounded(message, maxBytes: HookDelivery.errorLimit)
        case .postponed(let when, let message):
            try db.execute(sql: """
                UPDATE hook_delivery SET next_attempt_at = ?, last_error = ?, updated_at = ?, claimed_by = NULL, claimed_at = NULL
                WHERE reminder_id = ? AND hook = ? AND state IN ('pending', 'retrying')
                """, arguments: [when, BoundedText.bounded(message, maxBytes: HookDelivery.errorLimit), at, reminderID, hook])
            return try requireDelivery(reminderID: reminderID, hook: hook)
        }
        try db.execute(sql: """
            UPDATE hook_delivery
            SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_exit_code = ?, last_error = ?, updated_at = ?,
                claimed_by = NULL, claimed_at = NULL
            WHERE reminder_id = ? AND hook = ? AND state IN ('pending', 'retrying')
            """, arguments: [state.rawValue, next, exitCode, error, at, reminderID, hook])
        try requireDelivery(reminderID: reminderID, hook: hook)
    }

    /// After an update that changed nothing: a final delivery stays as it is, an unknown one is an error.
    private func requireDelivery(reminderID: String, hook: String) throws {
        guard db.changesCount == 0 else { return }
        let exists = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM hook_delivery WHERE reminder_id = ? AND hook = ?)",
            arguments: [reminderID, hook]) ?? false
        if !exists { throw StoreError.noSuchDelivery(reminderID: reminderID, hook: hook) }
    }

    func deliveries(matching query: DeliveryQuery) throws -> [HookDelivery] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state = query.state {
            conditions.append("state = ?")
            arguments += [state.rawValue]
        }
        if let reminderID = query.reminderID {
            conditions.append("reminder_id = ?")
            arguments += [reminderID]
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var sql = "SELECT * FROM hook_delivery \(clause) ORDER BY updated_at DESC, reminder_id, hook"
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return try HookDeliveryRow.fetchAll(db, sql: sql, arguments: arguments).map { try $0.delivery() }
    }
}

/// The queue query, shared with the EXPLAIN check so that what is checked is what runs.
enum HookDeliverySQL {
    /// Pending and retrying deliveries due at `?` (NULL `next_attempt_at` means now), with
    /// their reminder, oldest first (then by reminder and hook name: hooks run in name
    /// order), at most `?`. Two branches, each a range of the `hook_delivery_due` index:
    /// one `(x IS NULL OR x <= ?)` condition would make SQLite read every queued row.
    /// The delivery's columns are renamed so that the reminder's (`r.*`) keep their names.
    static let due = due(ofHook: false, excluding: 0)

    /// The same, only to hook `?3` when `ofHook`, and without the reminders `?4`… (`excluding` of them).
    static func due(ofHook: Bool, excluding: Int) -> String {
        let filter = (ofHook ? " AND d.hook = ?3" : "") + notIn(excluding, from: 4, column: "d.reminder_id")
        return """
            SELECT \(columns), r.* FROM hook_delivery d JOIN reminder_log r ON r.id = d.reminder_id
            WHERE d.state IN ('pending', 'retrying') AND d.next_attempt_at <= ?1 AND d.claimed_by IS NULL\(filter)
            UNION ALL
            SELECT \(columns), r.* FROM hook_delivery d JOIN reminder_log r ON r.id = d.reminder_id
            WHERE d.state IN ('pending', 'retrying') AND d.next_attempt_at IS NULL AND d.claimed_by IS NULL\(filter)
            ORDER BY delivery_next_attempt_at, delivery_reminder_id, delivery_hook
            LIMIT ?2
            """
    }

    /// ` AND column NOT IN (…)` with `count` parameters (numbered from `first`, or plain `?`), or nothing.
    static func notIn(_ count: Int, from first: Int? = nil, column: String = "reminder_id") -> String {
        guard count > 0 else { return "" }
        let marks = (0..<count).map { index in first.map { "?\($0 + index)" } ?? "?" }
        return " AND \(column) NOT IN (\(marks.joined(separator: ", ")))"
    }

    private static let columns = [
        "reminder_id", "hook", "state", "attempts", "next_attempt_at", "last_exit_code", "last_error", "updated_at",
    ].map { "d.\($0) AS delivery_\($0)" }.joined(separator: ", ")
}
