import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Upserts the officials, each added or changed one with its audit row (the fields that
    /// changed), after one audit row for the import; those the file leaves out stay
    /// (`OfficialChanges` decides).
    func applyOfficials(_ officials: [Official], record: ImportRecord, actor: AuditActor, at: Date) throws -> OfficialsSummary {
        let plan = OfficialChanges(officials, stored: try self.officials())
        var audit = try AuditRows(db, actor: actor, at: at)
        let importID = try audit.appendImport(record, changes: plan.counts)
        var upsert = try RowStatement(db, """
            INSERT INTO official (id, nama, jabatan, email, telepon, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, jabatan = excluded.jabatan, email = excluded.email,
                telepon = excluded.telepon, updated_at = excluded.updated_at
            """)
        let time = StoreTime.text(at)
        for (official, old) in plan.changes {
            try upsert.execute { v in
                v.add(official.id.rawValue, official.nama, official.jabatan, official.email, official.telepon, time)
            }
            let row = OfficialChanges.audit(official, old: old, importID: importID)
            try audit.append(action: row.action, subject: official.id.rawValue, before: row.fields.beforeJSON, after: row.fields.afterJSON)
        }
        return plan.summary
    }

    func officials() throws -> [Official] {
        try Row.fetchAll(db, sql: "SELECT id, nama, jabatan, email, telepon FROM official ORDER BY id").map(Self.official)
    }

    func officials(_ ids: Set<PersonID>) throws -> [PersonID: Official] {
        var found: [PersonID: Official] = [:]
        for batch in SQLChunks.batches(ids.map(\.rawValue)) {
            let sql = "SELECT id, nama, jabatan, email, telepon FROM official WHERE id IN (\(batch.placeholders))"
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(batch.values)) {
                let official = Self.official(row)
                found[official.id] = official
            }
        }
        return found
    }

    private static func official(_ row: Row) -> Official {
        Official(id: PersonID(trusted: row[0]), nama: row[1], jabatan: row[2], email: row[3], telepon: row[4])
    }
}
