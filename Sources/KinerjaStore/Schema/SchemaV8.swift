import GRDB

/// Migration 8: what issue 15 adds to the office's data.
///
/// - `person.email`, `person.telepon`: contacts from the roster, for hooks.
/// - `position.kecamatan`, `position.jenjang`: a principal's school, as the roster gives it.
/// - `official`: the officials the roster names by id (`kinerjactl import officials`): name,
///   jabatan, contacts. Added or updated, never removed.
/// - `plan.opened_on`: a newcomer's plan's opening day (`Plan.openedOn`), what the plan says
///   of itself; `plan.advised`: derived (`PlanFacts.advised`), filled when the daemon derives
///   the plans under its rules at start (their name changed with the rules' requirements).
enum SchemaV8 {
    static let identifier = "v8-contacts-officials-relief"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE person ADD COLUMN email TEXT;
            ALTER TABLE person ADD COLUMN telepon TEXT;
            ALTER TABLE position ADD COLUMN kecamatan TEXT;
            ALTER TABLE position ADD COLUMN jenjang TEXT;
            ALTER TABLE plan ADD COLUMN opened_on TEXT;
            ALTER TABLE plan ADD COLUMN advised BOOLEAN NOT NULL DEFAULT 0;
            UPDATE plan SET facts_rules = NULL;
            CREATE TABLE official (
                id TEXT NOT NULL PRIMARY KEY,
                nama TEXT NOT NULL,
                jabatan TEXT NOT NULL,
                email TEXT,
                telepon TEXT,
                updated_at DATETIME NOT NULL
            );
            """)
    }
}
