import GRDB

/// Migration 1: the roster (persons and their positions) and the append-only audit
/// history.
///
/// A principal's position is keyed by school; a supervisor's has the empty string as
/// `npsn` (not NULL: SQLite lets NULLs repeat in a primary key). Lists (Tim Kinerja,
/// sekolah binaan) are JSON arrays: they are read with their position, never searched
/// (migration 3 adds a searchable copy of sekolah binaan).
enum SchemaV1 {
    static let identifier = "v1-roster-audit"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE person (
                id TEXT NOT NULL PRIMARY KEY,
                nama TEXT NOT NULL,
                kepegawaian TEXT NOT NULL,
                active BOOLEAN NOT NULL DEFAULT 1,
                updated_at DATETIME NOT NULL
            );

            CREATE TABLE position (
                person_id TEXT NOT NULL REFERENCES person(id),
                role TEXT NOT NULL,
                npsn TEXT NOT NULL,
                jabatan TEXT NOT NULL,
                nama_sekolah TEXT,
                atasan_id TEXT,
                tim_kinerja TEXT NOT NULL DEFAULT '[]',
                pejabat_penilai_id TEXT,
                sekolah_binaan TEXT NOT NULL DEFAULT '[]',
                active BOOLEAN NOT NULL DEFAULT 1,
                updated_at DATETIME NOT NULL,
                PRIMARY KEY (person_id, role, npsn)
            );
            CREATE INDEX position_by_school ON position(npsn);
            CREATE INDEX position_by_role_school ON position(role, npsn);

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                uid INTEGER NOT NULL,
                user TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                before TEXT,
                after TEXT
            );
            CREATE INDEX audit_by_subject ON audit(subject, id);

            -- The history is evidence: nothing may rewrite or remove it, not even a bug.
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: UPDATE refused'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: DELETE refused'); END;
            """)
    }
}
