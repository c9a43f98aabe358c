import Foundation
import GRDB
import KinerjaCore

/// Migration 7: plans as rows and columns. Until migration 6 a plan was the Core `Plan` as
/// JSON in `plan.state`, and every listing, report and reminder pass decoded it; now:
///
/// - `plan`: one row per plan (an integer id the other plan tables refer to, its key
///   `cycle, person_id, role, npsn`), with what the plan records itself (the current step's
///   index, the first submission, its final standing when its cycle closed unfinished
///   (`closed_on`, `closed_step`, as migration 6 added them), a version that moves at every
///   save, so that two writers cannot overwrite each other) and the columns Core derives from it under the year's
///   rules (`PlanFacts`: current step and deadline, the open block, `overdue_from`,
///   `unsubmitted_from`, …; `facts_rules` names the rules they were derived under, NULL
///   until a daemon with rules derived them). The questions of an office are indexed
///   searches on these: "overdue on D" is `overdue_from <= D`.
/// - `plan_step`: one row per step that has anything recorded (a start, a completion, what
///   was chosen), with its deadline (derived) for the compliance report; the choices that are
///   lists are rows of their own: `plan_rhk` (items, quantity, points as the catalog gave
///   them), `plan_perilaku`, `plan_sekolah` (the three planned schools), `plan_refleksi`
///   (the three ratings). `details` is a bit set: bit 0 details recorded, bits 1–4 the RHK,
///   Perilaku Kerja, schools and Refleksi lists given (an empty list is not an absent one).
/// - `plan_block`, `plan_revision`: every block period and every return, in order.
/// - `reminder_log` takes the states `planned` and `firing` and who claimed a reminder
///   (`claimed_by`, `claimed_at`): firing is a claim in the database.
/// - Two indexes on `plan`: its key, person first (a person's plans, and one plan), and
///   `plan_by_cycle`, which covers the columns the counts and filters of a cycle read
///   (school, role, step, the rule columns): a country's cycle is one range of it. Every
///   other index would be written at every save of an import.
/// - The tables keyed by their parent (`plan_step` and its lists, blocks, revisions) are
///   `WITHOUT ROWID`: a plan's rows are one range of one B-tree.
///
/// Each stored plan is decoded one last time and written as rows; its derived columns are
/// filled from what the JSON alone says (its deadline as migration 2 stored it, none for a
/// closed plan), and the daemon derives the rest at start. Audit rows, reminders, deliveries, silences and
/// acknowledgements are kept as they are.
enum SchemaV7 {
    static let identifier = "v7-relational-plans"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE plan RENAME TO plan_v6;
            CREATE TABLE plan (
                id INTEGER PRIMARY KEY,
                cycle TEXT NOT NULL,
                person_id TEXT NOT NULL,
                role TEXT NOT NULL,
                npsn TEXT NOT NULL,
                current_index INTEGER NOT NULL,
                first_submitted_on TEXT,
                closed_on TEXT,
                closed_step TEXT,
                version INTEGER NOT NULL,
                updated_at DATETIME NOT NULL,
                current_step TEXT,
                current_started_on TEXT,
                current_due TEXT,
                block_cause TEXT,
                block_note TEXT,
                blocked_since TEXT,
                last_event_on TEXT NOT NULL,
                planning_due TEXT,
                overdue_from TEXT,
                unsubmitted_from TEXT,
                pendampingan_overran_from TEXT,
                pendampingan_too_short BOOLEAN NOT NULL DEFAULT 0,
                facts_rules TEXT,
                FOREIGN KEY (person_id, role, npsn) REFERENCES position(person_id, role, npsn)
            );
            CREATE TABLE plan_step (
                plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                step_index INTEGER NOT NULL,
                step TEXT NOT NULL,
                started_on TEXT,
                completed_on TEXT,
                due TEXT,
                details INTEGER NOT NULL DEFAULT 0,
                praktik_kinerja TEXT,
                kompetensi TEXT,
                sekolah_fokus TEXT,
                rating TEXT,
                catatan TEXT,
                PRIMARY KEY (plan_id, step_index)
            ) WITHOUT ROWID;
            CREATE TABLE plan_rhk (
                plan_id INTEGER NOT NULL, step_index INTEGER NOT NULL, ord INTEGER NOT NULL,
                rhk_id TEXT NOT NULL, jumlah INTEGER NOT NULL, poin INTEGER,
                PRIMARY KEY (plan_id, step_index, ord),
                FOREIGN KEY (plan_id, step_index) REFERENCES plan_step(plan_id, step_index) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE TABLE plan_perilaku (
                plan_id INTEGER NOT NULL, step_index INTEGER NOT NULL, ord INTEGER NOT NULL, aspect TEXT NOT NULL,
                PRIMARY KEY (plan_id, step_index, ord),
                FOREIGN KEY (plan_id, step_index) REFERENCES plan_step(plan_id, step_index) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE TABLE plan_sekolah (
                plan_id INTEGER NOT NULL, step_index INTEGER NOT NULL, ord INTEGER NOT NULL, npsn TEXT NOT NULL,
                PRIMARY KEY (plan_id, step_index, ord),
                FOREIGN KEY (plan_id, step_index) REFERENCES plan_step(plan_id, step_index) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE TABLE plan_refleksi (
                plan_id INTEGER NOT NULL, step_index INTEGER NOT NULL, aspect TEXT NOT NULL, rating TEXT NOT NULL,
                PRIMARY KEY (plan_id, step_index, aspect),
                FOREIGN KEY (plan_id, step_index) REFERENCES plan_step(plan_id, step_index) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE TABLE plan_block (
                plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                cause TEXT NOT NULL,
                note TEXT,
                since TEXT NOT NULL,
                until TEXT,
                PRIMARY KEY (plan_id, ord)
            ) WITHOUT ROWID;
            CREATE TABLE plan_revision (
                plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                by_step TEXT NOT NULL,
                on_date TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (plan_id, ord)
            ) WITHOUT ROWID;
            """)
        let decoder = JSONDecoder()
        var planRows = try PlanRows(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT plan_id, current_due, updated_at, state, closed_on, closed_step FROM plan_v6 ORDER BY plan_id")
        while let row = try rows.next() {
            let key: String = row["plan_id"]
            let plan: Plan
            do {
                plan = try decoder.decode(Plan.self, from: Data((row["state"] as String).utf8))
            } catch {
                throw StoreError.damagedRow(table: "plan", key: key, reason: "\(error)")
            }
            let due = (row["current_due"] as String?).flatMap { LocalDate($0) }
            let closure = PlanRows.closure(on: row["closed_on"], step: row["closed_step"])
            let id = try PlanRows.insertMigrated(plan, due: due, closure: closure, at: row["updated_at"], db)
            try planRows.writeRecords(plan, old: nil, from: 0, id: id, dues: nil, points: [:])
            if !plan.blocks.isEmpty { try planRows.writeBlocks(plan.blocks, from: 0, id: id) }
            if !plan.revisions.isEmpty { try planRows.writeRevisions(plan.revisions, from: 0, id: id) }
        }
        try db.execute(sql: """
            DROP TABLE plan_v6;
            CREATE UNIQUE INDEX plan_by_key ON plan(person_id, role, npsn, cycle);
            CREATE INDEX plan_by_cycle ON plan(cycle, npsn, role, current_step, overdue_from, block_cause, unsubmitted_from, closed_on);

            CREATE TABLE reminder_log_v6 (
                id TEXT NOT NULL PRIMARY KEY,
                plan_id TEXT NOT NULL,
                person_id TEXT NOT NULL,
                step TEXT,
                kind TEXT NOT NULL,
                due TEXT NOT NULL,
                fire_at DATETIME NOT NULL,
                recipient_role TEXT NOT NULL,
                recipient_id TEXT,
                state TEXT NOT NULL CHECK (state IN ('planned', 'firing', 'fired', 'missed', 'silenced')),
                late BOOLEAN NOT NULL DEFAULT 0,
                recorded_at DATETIME NOT NULL,
                message TEXT NOT NULL,
                claimed_by TEXT,
                claimed_at DATETIME
            ) WITHOUT ROWID;
            INSERT INTO reminder_log_v6 (id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state,
                                         late, recorded_at, message)
                SELECT id, plan_id, person_id, step, kind, due, fire_at, recipient_role, recipient_id, state, late, recorded_at, message
                FROM reminder_log;
            DROP TABLE reminder_log;
            ALTER TABLE reminder_log_v6 RENAME TO reminder_log;
            CREATE INDEX reminder_log_by_fire_at ON reminder_log(fire_at);
            CREATE INDEX reminder_log_by_state ON reminder_log(state, fire_at);
            CREATE INDEX reminder_log_by_plan ON reminder_log(plan_id, fire_at);
            CREATE INDEX reminder_log_by_person ON reminder_log(person_id, fire_at);
            CREATE INDEX reminder_log_by_claimant ON reminder_log(claimed_by) WHERE state = 'firing';

            """)
    }
}
