import GRDB

/// Migration 2: plans. The whole Core `Plan` is kept as JSON in `state` (the workflow
/// owns its shape); the columns beside it are derived from it at every save so that the
/// daily questions (overdue on a date, plans of a school, plans at a step, a person's
/// plans) are index searches, not a decode of every plan of a country.
///
/// `current_step` is NULL once the plan is complete; `current_due` is the local date
/// (`YYYY-MM-DD`, which sorts as text) of the current step's deadline.
enum SchemaV2 {
    static let identifier = "v2-plans"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE plan (
                plan_id TEXT NOT NULL PRIMARY KEY,
                cycle TEXT NOT NULL,
                person_id TEXT NOT NULL,
                role TEXT NOT NULL,
                npsn TEXT NOT NULL,
                current_step TEXT,
                current_due TEXT,
                blocked BOOLEAN NOT NULL DEFAULT 0,
                updated_at DATETIME NOT NULL,
                state TEXT NOT NULL,
                FOREIGN KEY (person_id, role, npsn) REFERENCES position(person_id, role, npsn)
            );
            CREATE INDEX plan_by_cycle_due ON plan(cycle, current_due);
            CREATE INDEX plan_by_cycle_school ON plan(cycle, npsn);
            CREATE INDEX plan_by_cycle_role_step ON plan(cycle, role, current_step);
            CREATE INDEX plan_by_person ON plan(person_id);
            """)
    }
}
