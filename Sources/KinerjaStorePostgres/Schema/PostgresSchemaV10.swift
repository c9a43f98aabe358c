/// Migration 10 on PostgreSQL (see `SchemaV10`): stages 1–2 recorded per person and cycle.
enum PostgresSchemaV10 {
    static let identifier = "v10-preconditions"

    static let sql = """
        CREATE TABLE precondition (
            cycle TEXT NOT NULL,
            person_id TEXT NOT NULL,
            precondition TEXT NOT NULL,
            done_on TEXT NOT NULL,
            decree_number TEXT,
            decree_date TEXT,
            updated_at TIMESTAMPTZ(3) NOT NULL,
            PRIMARY KEY (cycle, person_id, precondition)
        );
        ALTER TABLE plan ADD COLUMN precondition_due TEXT;
        UPDATE plan SET facts_rules = NULL;
        """
}
