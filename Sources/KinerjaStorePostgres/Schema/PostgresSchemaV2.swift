/// Migration 2 on PostgreSQL (see `SchemaV2`): plans as JSON, replaced by migration 7.
enum PostgresSchemaV2 {
    static let identifier = "v2-plans"

    static let sql = """
        CREATE TABLE plan (
            plan_id TEXT NOT NULL PRIMARY KEY,
            cycle TEXT NOT NULL,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            npsn TEXT NOT NULL,
            current_step TEXT,
            current_due TEXT,
            blocked BOOLEAN NOT NULL DEFAULT false,
            updated_at TIMESTAMPTZ(3) NOT NULL,
            state TEXT NOT NULL,
            FOREIGN KEY (person_id, role, npsn) REFERENCES position(person_id, role, npsn)
        );
        """
}
