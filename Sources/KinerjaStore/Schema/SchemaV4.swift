import GRDB

/// Migration 4: reminders. What the scheduler did is kept so that a restart, a reload or a
/// second look never does it twice:
///
/// - `reminder_log`: every occurrence that fired, was missed (found older than the catch-up
///   horizon) or was silenced, keyed by the occurrence id Core computes. The primary key
///   is what makes firing exactly-once: `INSERT OR IGNORE` tells a new occurrence from
///   one already handled. No foreign key to `plan`: the log is history, like `audit`, and
///   the store treats its ids as opaque.
/// - `hook_delivery`: one row per (reminder, hook), written in the same transaction as the
///   reminder, so that a delivery is never lost between "fired" and "handed to the hook",
///   and a restart resumes retries without repeating a delivered one.
/// - `silence` and `acknowledgement`: what stops reminders, kept (never deleted) and
///   audited.
/// - `scheduler_state`: small key/value facts of the scheduler (its checkpoint).
///
/// Instants (`fire_at`, `recorded_at`, `next_attempt_at`, …) use GRDB's `Date` storage
/// like the other tables: UTC text `YYYY-MM-DD HH:MM:SS.SSS`, which sorts and compares as
/// text, so ranges are index searches. Local dates (`due`, `until`) are `YYYY-MM-DD`.
enum SchemaV4 {
    static let identifier = "v4-reminders"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reminder_log (
                id TEXT NOT NULL PRIMARY KEY,
                plan_id TEXT NOT NULL,
                person_id TEXT NOT NULL,
                step TEXT,
                kind TEXT NOT NULL,
                due TEXT NOT NULL,
                fire_at DATETIME NOT NULL,
                recipient_role TEXT NOT NULL,
                recipient_id TEXT,
                state TEXT NOT NULL CHECK (state IN ('fired', 'missed', 'silenced')),
                late BOOLEAN NOT NULL DEFAULT 0,
                recorded_at DATETIME NOT NULL,
                message TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX reminder_log_by_fire_at ON reminder_log(fire_at);
            CREATE INDEX reminder_log_by_state ON reminder_log(state, fire_at);
            CREATE INDEX reminder_log_by_plan ON reminder_log(plan_id, fire_at);
            CREATE INDEX reminder_log_by_person ON reminder_log(person_id, fire_at);

            CREATE TABLE hook_delivery (
                reminder_id TEXT NOT NULL REFERENCES reminder_log(id),
                hook TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'retrying', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at DATETIME,
                last_exit_code INTEGER,
                last_error TEXT,
                updated_at DATETIME NOT NULL,
                PRIMARY KEY (reminder_id, hook)
            ) WITHOUT ROWID;
            CREATE INDEX hook_delivery_due ON hook_delivery(state, next_attempt_at);

            CREATE TABLE silence (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT,
                npsn TEXT,
                until TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_at DATETIME NOT NULL,
                created_uid INTEGER NOT NULL,
                created_user TEXT NOT NULL,
                removed_at DATETIME,
                CHECK ((person_id IS NULL) <> (npsn IS NULL))
            );
            CREATE INDEX silence_by_until ON silence(until);

            CREATE TABLE acknowledgement (
                reminder_id TEXT NOT NULL PRIMARY KEY,
                plan_id TEXT NOT NULL,
                step TEXT NOT NULL,
                due TEXT NOT NULL,
                acked_at DATETIME NOT NULL,
                uid INTEGER NOT NULL,
                user TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX acknowledgement_by_plan ON acknowledgement(plan_id);

            CREATE TABLE scheduler_state (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
