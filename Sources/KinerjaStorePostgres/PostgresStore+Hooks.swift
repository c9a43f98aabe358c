import Foundation
import KinerjaStore
import PostgresNIO

/// Hook deliveries: created with their fired reminder (`settleReminder`), run by the daemon,
/// finished with their outcome.
extension PostgresStore {
    static let deliveryColumns = "reminder_id, hook, state, attempts, next_attempt_at, last_exit_code, last_error, updated_at"

    /// A NULL next attempt (a row reset by hand) counts as now.
    public func dueDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>) async throws -> [DueDelivery] {
        let excluded = excluding.sorted()
        return try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresStore.qualifiedDeliveryColumns), \(unescaped: PostgresStore.qualifiedReminderColumns)
                FROM hook_delivery d JOIN reminder_log r ON r.id = d.reminder_id
                WHERE d.state IN ('pending', 'retrying') AND d.claimed_by IS NULL AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= \(at))
                  AND (\(hook)::text IS NULL OR d.hook = \(hook)) AND NOT (d.reminder_id = ANY(\(excluded)))
                ORDER BY d.next_attempt_at NULLS FIRST, d.reminder_id, d.hook
                LIMIT \(limit)
                """, logger: logger)
            return try await PostgresStore.decodeDue(rows)
        }
    }

    /// The delivery's and its reminder's columns, `d.` and `r.` before each.
    static let qualifiedDeliveryColumns = qualified(deliveryColumns, "d")
    static let qualifiedReminderColumns = qualified(reminderColumns, "r")

    private static func qualified(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }

    /// Rows of `qualifiedDeliveryColumns` then `qualifiedReminderColumns`.
    static func decodeDue(_ rows: PostgresRowSequence) async throws -> [DueDelivery] {
        var due: [DueDelivery] = []
        for try await row in rows {
            due.append(DueDelivery(delivery: try decodeDelivery(row), reminder: try decodeReminder(row, from: 8)))
        }
        return due
    }

    /// One statement: the due rows are locked `FOR UPDATE SKIP LOCKED` and claimed, so two
    /// daemons asking at once each get deliveries the other did not. The claimant's beat is
    /// recorded with its claims, as `claimReminders` does.
    public func claimDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>, claimant: String) async throws -> [DueDelivery] {
        let excluded = excluding.sorted()
        return try await writing(.deliveries) { connection, logger in
            try await PostgresStore.recordBeat(claimant: claimant, connection, logger)
            let rows = try await connection.query("""
                WITH due AS (
                    SELECT reminder_id, hook FROM hook_delivery
                    WHERE state IN ('pending', 'retrying') AND claimed_by IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= \(at))
                      AND (\(hook)::text IS NULL OR hook = \(hook)) AND NOT (reminder_id = ANY(\(excluded)))
                    ORDER BY next_attempt_at NULLS FIRST, reminder_id, hook
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                UPDATE hook_delivery d SET claimed_by = \(claimant), claimed_at = \(at)
                FROM due, reminder_log r
                WHERE d.reminder_id = due.reminder_id AND d.hook = due.hook AND r.id = d.reminder_id
                RETURNING \(unescaped: PostgresStore.qualifiedDeliveryColumns), \(unescaped: PostgresStore.qualifiedReminderColumns)
                """, logger: logger)
            return try await PostgresStore.decodeDue(rows).sorted {
                let (a, b) = ($0.delivery, $1.delivery)
                if a.nextAttemptAt != b.nextAttemptAt { return (a.nextAttemptAt ?? .distantPast) < (b.nextAttemptAt ?? .distantPast) }
                return a.reminderID != b.reminderID ? a.reminderID < b.reminderID : a.hook < b.hook
            }
        }
    }

    public func nextDeliveryAttempt(hook: String?, excluding: Set<String>) async throws -> Date? {
        let excluded = excluding.sorted()
        return try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT min(coalesce(next_attempt_at, updated_at)) FROM hook_delivery
                WHERE state IN ('pending', 'retrying') AND claimed_by IS NULL AND (\(hook)::text IS NULL OR hook = \(hook))
                  AND NOT (reminder_id = ANY(\(excluded)))
                """, logger: logger)
            for try await date in rows.decode(Date?.self) { return date }
            return nil
        }
    }

    public func queuedHooks() async throws -> [String] {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT DISTINCT hook FROM hook_delivery WHERE state IN ('pending', 'retrying') ORDER BY hook", logger: logger)
            var hooks: [String] = []
            for try await hook in rows.decode(String.self) { hooks.append(hook) }
            return hooks
        }
    }

    /// Only a pending or retrying delivery changes: a final one stays as it is.
    public func finishDelivery(reminderID: String, hook: String, outcome: DeliveryOutcome, at: Date) async throws {
        try await writing(.deliveries) { connection, logger in
            let rows: PostgresRowSequence
            func bounded(_ text: String) -> String { BoundedText.bounded(text, maxBytes: HookDelivery.errorLimit) }
            switch outcome {
            case .postponed(let when, let message):
                rows = try await connection.query("""
                    UPDATE hook_delivery SET next_attempt_at = \(when), last_error = \(bounded(message)), updated_at = \(at),
                                             claimed_by = NULL, claimed_at = NULL
                    WHERE reminder_id = \(reminderID) AND hook = \(hook) AND state IN ('pending', 'retrying') RETURNING 1
                    """, logger: logger)
            case .delivered, .retry, .failed:
                let (state, next, exitCode, error): (DeliveryState, Date?, Int?, String?) =
                    switch outcome {
                    case .retry(let when, let code, let message): (.retrying, when, code, bounded(message))
                    case .failed(let code, let message): (.failed, nil, code, bounded(message))
                    default: (.delivered, nil, 0, nil)
                    }
                rows = try await connection.query("""
                    UPDATE hook_delivery
                    SET state = \(state.rawValue), attempts = attempts + 1, next_attempt_at = \(next), last_exit_code = \(exitCode),
                        last_error = \(error), updated_at = \(at), claimed_by = NULL, claimed_at = NULL
                    WHERE reminder_id = \(reminderID) AND hook = \(hook) AND state IN ('pending', 'retrying') RETURNING 1
                    """, logger: logger)
            }
            for try await _ in rows { return }
            let exists = try await connection.query(
                "SELECT 1 FROM hook_delivery WHERE reminder_id = \(reminderID) AND hook = \(hook)", logger: logger)
            for try await _ in exists { return }
            throw StoreError.noSuchDelivery(reminderID: reminderID, hook: hook)
        }
    }

    public func deliveries(matching query: DeliveryQuery) async throws -> [HookDelivery] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresStore.deliveryColumns) FROM hook_delivery
                WHERE (\(query.state?.rawValue)::text IS NULL OR state = \(query.state?.rawValue))
                  AND (\(query.reminderID)::text IS NULL OR reminder_id = \(query.reminderID))
                ORDER BY updated_at DESC, reminder_id, hook
                LIMIT \(query.limit)
                """, logger: logger)
            var deliveries: [HookDelivery] = []
            for try await row in rows { deliveries.append(try PostgresStore.decodeDelivery(row)) }
            return deliveries
        }
    }

    /// The `deliveryColumns` at the start of `row`.
    static func decodeDelivery(_ row: PostgresRow) throws -> HookDelivery {
        var c = RowCursor(row)
        let reminderID: String = try c.next(), hook: String = try c.next(), stateText: String = try c.next()
        let attempts: Int = try c.next(), next: Date? = try c.next(), exitCode: Int? = try c.next()
        let error: String? = try c.next(), updatedAt: Date = try c.next()
        guard let state = DeliveryState(rawValue: stateText) else {
            throw StoreError.damagedRow(table: "hook_delivery", key: "\(reminderID)/\(hook)", reason: "unknown state '\(stateText)'")
        }
        return HookDelivery(
            reminderID: reminderID, hook: hook, state: state, attempts: attempts, nextAttemptAt: next, lastExitCode: exitCode,
            lastError: error, updatedAt: updatedAt)
    }
}
