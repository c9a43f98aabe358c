import Foundation
import KinerjaStore
import PostgresNIO

/// Heartbeats at the database server's time (`now()`): daemons on several hosts are judged
/// by one clock, never by each other's.
extension PostgresStore {
    static func recordBeat(claimant: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO daemon_heartbeat (claimant, beat_at) VALUES (\(claimant), now())
            ON CONFLICT (claimant) DO UPDATE SET beat_at = excluded.beat_at
            """, logger: logger)
    }

    /// Claimants heard from within `$1` seconds of the server's time.
    private static let alive = "SELECT claimant FROM daemon_heartbeat WHERE beat_at >= now() - make_interval(secs => $1)"

    /// Most beats find no one gone: they write the heartbeat only and notify no one; the
    /// rare one that does settles in a second transaction (its UPDATEs test again, so a
    /// claimant heard from meanwhile keeps its claims).
    public func beat(claimant: String, timeout: Duration, at: Date) async throws -> Int {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let stale = try await writing([]) { connection, logger in
            try await PostgresStore.recordBeat(claimant: claimant, connection, logger)
            try await connection.query(PostgresQuery(unsafeSQL: """
                DELETE FROM daemon_heartbeat WHERE beat_at < now() - make_interval(secs => $1)
                  AND claimant NOT IN (SELECT claimed_by FROM reminder_log WHERE state = 'firing')
                  AND claimant NOT IN (SELECT claimed_by FROM hook_delivery WHERE claimed_by IS NOT NULL)
                """, binds: try PostgresStore.binds(seconds)), logger: logger)
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT EXISTS (SELECT 1 FROM reminder_log WHERE state = 'firing' AND claimed_by NOT IN (\(PostgresStore.alive)))
                    OR EXISTS (SELECT 1 FROM hook_delivery WHERE claimed_by IS NOT NULL AND claimed_by NOT IN (\(PostgresStore.alive)))
                """, binds: try PostgresStore.binds(seconds)), logger: logger)
            for try await stale in rows.decode(Bool.self) { return stale }
            return false
        }
        guard stale else { return 0 }
        return try await writing([.reminders, .deliveries]) { connection, logger in
            let marked = try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE reminder_log SET state = 'uncertain', recorded_at = $2
                WHERE state = 'firing' AND claimed_by NOT IN (\(PostgresStore.alive)) RETURNING 1
                """, binds: try PostgresStore.binds(seconds, at)), logger: logger)
            var uncertain = 0
            for try await _ in marked { uncertain += 1 }
            try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE hook_delivery
                SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, last_error = claimed_by || $3, updated_at = $2,
                    claimed_by = NULL, claimed_at = NULL
                WHERE claimed_by IS NOT NULL AND claimed_by NOT IN (\(PostgresStore.alive))
                """, binds: try PostgresStore.binds(seconds, at, Heartbeats.lostRunReason)), logger: logger)
            return uncertain
        }
    }

    private static func binds(_ values: any PostgresEncodable & Sendable...) throws -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { try binds.append(value) }
        return binds
    }
}
