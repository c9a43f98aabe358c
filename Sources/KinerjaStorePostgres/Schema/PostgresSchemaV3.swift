/// Migration 3 on PostgreSQL (see `SchemaV3`): sekolah binaan as rows.
enum PostgresSchemaV3 {
    static let identifier = "v3-sekolah-binaan"

    static let sql = """
        CREATE TABLE sekolah_binaan (
            binaan_npsn TEXT NOT NULL,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            npsn TEXT NOT NULL,
            PRIMARY KEY (binaan_npsn, person_id, role, npsn),
            FOREIGN KEY (person_id, role, npsn) REFERENCES position(person_id, role, npsn) ON DELETE CASCADE
        );
        CREATE INDEX sekolah_binaan_by_position ON sekolah_binaan(person_id, role, npsn);
        """
}
