import GRDB

/// Migration 10: stages 1–2 of a cycle (issue 16, point 1).
///
/// - `precondition`: Pemutakhiran Data and Plotting Tim Kinerja recorded as done, per person
///   and cycle, with the decree's number and date when given. Recorded again, a row is
///   replaced (the audit keeps the old one).
/// - `plan.precondition_due`: derived (`PlanFacts.preconditionDue`); every plan is derived
///   again at the next start (`facts_rules` cleared).
enum SchemaV10 {
    static let identifier = "v10-preconditions"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE precondition (
                cycle TEXT NOT NULL,
                person_id TEXT NOT NULL,
                precondition TEXT NOT NULL,
                done_on TEXT NOT NULL,
                decree_number TEXT,
                decree_date TEXT,
                updated_at DATETIME NOT NULL,
                PRIMARY KEY (cycle, person_id, precondition)
            );
            ALTER TABLE plan ADD COLUMN precondition_due TEXT;
            UPDATE plan SET facts_rules = NULL;
            """)
    }
}
