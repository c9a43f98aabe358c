import GRDB

/// Migration 11: several daemons on one store fire each occurrence at most once.
///
/// - `reminder_log.state` may be `uncertain`: an occurrence whose claimant stopped
///   beating (`daemon_heartbeat`) between its claim and its settle. It may have been
///   journaled, so no one fires it again; `status` and `reminders list` show it. SQLite
///   cannot change a CHECK in place, so the table is made again, as migration 7 did.
/// - `daemon_heartbeat`: each daemon's last sign of life, written with the database's own
///   clock, so that hosts' clocks are never compared.
/// - `hook_delivery.claimed_by`, `claimed_at`: a delivery is run by the daemon whose claim
///   took it, as a reminder is fired by the one whose claim took it.
enum SchemaV11 {
    static let identifier = "v11-claims-heartbeats"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reminder_log_v11 (
                id TEXT NOT NULL PRIMARY KEY,
                plan_id TEXT NOT NULL,
                person_id TEXT NOT NULL,
                step TEXT,
                kind TEXT NOT NULL,
                due TEXT NOT NULL,
                fire_at DATETIME NOT NULL,
                recipient_role TEXT NOT NULL,
                recipient_id TEXT,
                state TEXT NOT NULL CHECK (state IN ('planned', 'firing', 'fired', 'missed', 'silenced', 'uncertain')),
                late BOOLEAN NOT NULL DEFAULT 0,
                recorded_at DATETIME NOT NULL,
                message TEXT NOT NULL,
                claimed_by TEXT,
                claimed_at DATETIME
            ) WITHOUT ROWID;
            INSERT INTO reminder_log_v11 SELECT id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state,
                                               late, recorded_at, message, claimed_by, claimed_at FROM reminder_log;
            DROP TABLE reminder_log;
            ALTER TABLE reminder_log_v11 RENAME TO reminder_log;
            CREATE INDEX reminder_log_by_fire_at ON reminder_log(fire_at);
            CREATE INDEX reminder_log_by_state ON reminder_log(state, fire_at);
            CREATE INDEX reminder_log_by_plan ON reminder_log(plan_id, fire_at);
            CREATE INDEX reminder_log_by_person ON reminder_log(person_id, fire_at);
            CREATE INDEX reminder_log_by_claimant ON reminder_log(claimed_by) WHERE state = 'firing';

            CREATE TABLE daemon_heartbeat (
                claimant TEXT NOT NULL PRIMARY KEY,
                beat_at DATETIME NOT NULL
            );
            ALTER TABLE hook_delivery ADD COLUMN claimed_by TEXT;
            ALTER TABLE hook_delivery ADD COLUMN claimed_at DATETIME;
            CREATE INDEX hook_delivery_by_claimant ON hook_delivery(claimed_by) WHERE claimed_by IS NOT NULL;
            """)
    }
}
