import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Upserts the officials, each added or changed one with its audit row (the fields that
    /// changed), after one audit row for the import; those the file leaves out stay.
    func applyOfficials(_ officials: [Official], record: ImportRecord, actor: AuditActor, at: Date) throws -> OfficialsSummary {
        var stored: [PersonID: Official] = [:]
        for official in try self.officials() { stored[official.id] = official }
        var summary = OfficialsSummary()
        var changes: [(new: Official, old: Official?)] = []
        for official in officials {
            switch stored[official.id] {
            case nil: summary.added += 1
            case official?: summary.unchanged += 1; continue
            default: summary.updated += 1
            }
            changes.append((official, stored[official.id]))
        }
        let named = Set(officials.map(\.id))
        summary.missing = stored.keys.filter { !named.contains($0) }.count
        var audit = try AuditRows(db, actor: actor, at: at)
        let importID = try audit.appendImport(record, changes: [
            "added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged, "missing": summary.missing,
        ])
        var upsert = try RowStatement(db, """
            INSERT INTO official (id, nama, jabatan, email, telepon, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, jabatan = excluded.jabatan, email = excluded.email,
                telepon = excluded.telepon, updated_at = excluded.updated_at
            """)
        let time = StoreTime.text(at)
        for (official, old) in changes {
            try upsert.execute { v in
                v.add(official.id.rawValue, official.nama, official.jabatan, official.email, official.telepon, time)
            }
            var fields = FieldChanges()
            if let old {
                fields.compare("nama", old.nama, official.nama)
                fields.compare("jabatan", old.jabatan, official.jabatan)
                fields.compare("email", old.email, official.email)
                fields.compare("telepon", old.telepon, official.telepon)
            }
            fields.note("import", "\(importID)")
            try audit.append(
                action: old == nil ? "official added" : "official updated", subject: official.id.rawValue, before: fields.beforeJSON,
                after: fields.afterJSON)
        }
        return summary
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
