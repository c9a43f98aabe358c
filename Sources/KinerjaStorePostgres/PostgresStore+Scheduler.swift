import Foundation
import KinerjaStore
import PostgresNIO

/// The scheduler's checkpoint, kept as the SQLite store keeps it (UTC text
/// `YYYY-MM-DD HH:MM:SS.SSS` in `scheduler_state`), so that a copied store reads the same.
extension PostgresStore {
    public func schedulerCheckpoint() async throws -> Date? {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT (value || '+00')::timestamptz FROM scheduler_state WHERE key = 'checkpoint'", logger: logger)
            for try await date in rows.decode(Date.self) { return date }
            return nil
        }
    }

    /// Never moves back, in one statement: two daemons advancing at once keep the later.
    public func advanceSchedulerCheckpoint(to date: Date) async throws {
        try await writing(.scheduler) { connection, logger in
            try await connection.query("""
                INSERT INTO scheduler_state (key, value)
                VALUES ('checkpoint', to_char(\(date)::timestamptz(3) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                WHERE (scheduler_state.value || '+00')::timestamptz < (excluded.value || '+00')::timestamptz
                """, logger: logger)
        }
    }
}
