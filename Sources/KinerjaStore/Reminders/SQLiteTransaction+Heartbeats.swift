import Foundation
import GRDB

/// Heartbeats at SQLite's time (`strftime(... 'now')`, the format `StoreTime` writes), so a
/// store shared by daemons on several hosts would compare one clock. One daemon serves a
/// SQLite file: its beats cost one small write every few seconds, none per reminder.
extension SQLiteTransaction {
    static let databaseNow = "strftime('%Y-%m-%d %H:%M:%f', 'now')"

    func recordBeat(claimant: String) throws {
        try db.execute(sql: """
            INSERT INTO daemon_heartbeat (claimant, beat_at) VALUES (?, \(SQLiteTransaction.databaseNow))
            ON CONFLICT (claimant) DO UPDATE SET beat_at = excluded.beat_at
            """, arguments: [claimant])
    }

    func beat(claimant: String, timeout: Duration, at: Date) throws -> Int {
        try recordBeat(claimant: claimant)
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let cutoff = "strftime('%Y-%m-%d %H:%M:%f', 'now', '-\(String(format: "%.3f", seconds)) seconds')"
        let alive = "SELECT claimant FROM daemon_heartbeat WHERE beat_at >= \(cutoff)"
        // Most beats find no one gone: they write the heartbeat only, and tell no listener.
        let stale = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM reminder_log WHERE state = 'firing' AND claimed_by NOT IN (\(alive)))
                OR EXISTS (SELECT 1 FROM hook_delivery WHERE claimed_by IS NOT NULL AND claimed_by NOT IN (\(alive)))
            """) ?? false
        var uncertain = 0
        if stale {
            uncertain = try settleSilent(alive: alive, at: at)
        }
        try db.execute(sql: "DELETE FROM daemon_heartbeat WHERE beat_at < \(cutoff)")
        return uncertain
    }

    private func settleSilent(alive: String, at: Date) throws -> Int {
        try db.execute(sql: """
            UPDATE reminder_log SET state = 'uncertain', recorded_at = ?
            WHERE state = 'firing' AND claimed_by NOT IN (\(alive))
            """, arguments: [StoreTime.text(at)])
        let uncertain = db.changesCount
        try db.execute(sql: """
            UPDATE hook_delivery
            SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, last_error = claimed_by || ?, updated_at = ?,
                claimed_by = NULL, claimed_at = NULL
            WHERE claimed_by IS NOT NULL AND claimed_by NOT IN (\(alive))
            """, arguments: [Heartbeats.lostRunReason, StoreTime.text(at)])
        return uncertain
    }
}
