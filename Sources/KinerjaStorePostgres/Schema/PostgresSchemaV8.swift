/// Migration 8 on PostgreSQL (see `SchemaV8`): contacts, officials, a newcomer's opening day.
enum PostgresSchemaV8 {
    static let identifier = "v8-contacts-officials-relief"

    static let sql = """
        ALTER TABLE person ADD COLUMN email TEXT;
        ALTER TABLE person ADD COLUMN telepon TEXT;
        ALTER TABLE position ADD COLUMN kecamatan TEXT;
        ALTER TABLE position ADD COLUMN jenjang TEXT;
        ALTER TABLE plan ADD COLUMN opened_on TEXT;
        ALTER TABLE plan ADD COLUMN advised BOOLEAN NOT NULL DEFAULT false;
        UPDATE plan SET facts_rules = NULL;
        CREATE TABLE official (
            id TEXT NOT NULL PRIMARY KEY,
            nama TEXT NOT NULL,
            jabatan TEXT NOT NULL,
            email TEXT,
            telepon TEXT,
            updated_at TIMESTAMPTZ(3) NOT NULL
        );
        """
}
