import Foundation
import GRDB

/// Migration 3: sekolah binaan as rows, so that "who mentors school X" is an index
/// search rather than a scan of every supervisor's JSON list. Filled from the lists that
/// migration 1 stored; the JSON list stays the record of the roster's order.
enum SchemaV3 {
    static let identifier = "v3-sekolah-binaan"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sekolah_binaan (
                binaan_npsn TEXT NOT NULL,
                person_id TEXT NOT NULL,
                role TEXT NOT NULL,
                npsn TEXT NOT NULL,
                PRIMARY KEY (binaan_npsn, person_id, role, npsn),
                FOREIGN KEY (person_id, role, npsn) REFERENCES position(person_id, role, npsn) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE INDEX sekolah_binaan_by_position ON sekolah_binaan(person_id, role, npsn);
            """)
        let rows = try Row.fetchAll(db, sql: "SELECT person_id, role, npsn, sekolah_binaan FROM position")
        for row in rows {
            let list: String = row["sekolah_binaan"]
            let key = "\(row["person_id"] ?? "")/\(row["role"] ?? "")/\(row["npsn"] ?? "")"
            let schools = try JSONText.decode([String].self, from: list, table: "position", key: key)
            for school in Set(schools) {
                try db.execute(
                    sql: "INSERT INTO sekolah_binaan (binaan_npsn, person_id, role, npsn) VALUES (?, ?, ?, ?)",
                    arguments: [school, row["person_id"], row["role"], row["npsn"]])
            }
        }
    }
}
