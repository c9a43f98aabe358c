import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Compares each roster row with its stored row (one indexed read each: a country's
    /// roster is not held twice in memory), writes the import's audit row with the counts,
    /// then only what differs, each with an audit row of the fields that changed. A person
    /// listed twice (one row per position) is taken from their first row.
    func applyRoster(
        _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation], record: ImportRecord, actor: AuditActor, at: Date
    ) throws -> RosterSummary {
        var summary = RosterSummary()
        var personKeys = Set<PersonID>(), positionKeys = Set<PositionKey>()
        var persons: [(new: Person, old: Person?, change: RosterChange)] = []
        var positions: [(new: Position, old: Position?, change: RosterChange)] = []
        for entry in entries where personKeys.insert(entry.person.id).inserted {
            let old = try storedPerson(entry.person.id)
            if let change = RosterChange(old: old?.active, new: entry.person.active, same: old == entry.person, counts: &summary.persons) {
                persons.append((entry.person, old, change))
            }
        }
        for entry in entries where positionKeys.insert(entry.position.key).inserted {
            let old = try position(entry.position.key)
            if let change = RosterChange(old: old?.active, new: entry.position.active, same: old == entry.position, counts: &summary.positions) {
                positions.append((entry.position, old, change))
            }
        }
        if markMissingInactive {
            try Row.fetchCursor(db, sql: "SELECT \(PositionRow.listingColumns) FROM position WHERE position.active ORDER BY 1, 2, 3").forEach { row in
                var stored = try PositionRow(listingRow: row).position()
                guard !positionKeys.contains(stored.key) else { return }
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.positions)
                positions.append((stored, old, .deactivated))
            }
            try Row.fetchCursor(db, sql: "SELECT id, nama, kepegawaian, active FROM person WHERE active ORDER BY id").forEach { row in
                var stored = try PersonRow(id: row[0], nama: row[1], kepegawaian: row[2], active: row[3], updatedAt: .distantPast).person()
                guard !personKeys.contains(stored.id) else { return }
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.persons)
                persons.append((stored, old, .deactivated))
            }
        }
        var counts = record.counts
        counts["added"] = summary.added
        counts["updated"] = summary.updated
        counts["unchanged"] = summary.unchanged
        counts["deactivated"] = summary.deactivated
        let importID = try appendImport(ImportRecord(kind: record.kind, sha256: record.sha256, counts: counts), actor: actor, at: at).id
        // Persons first: positions refer to them.
        for (person, old, change) in persons {
            try write(person, at: at)
            var fields = FieldChanges()
            fields.compare("nama", old?.nama, person.nama)
            fields.compare("kepegawaian", old?.kepegawaian.rawValue, person.kepegawaian.rawValue)
            fields.compare("active", old.map { "\($0.active)" }, "\(person.active)")
            fields.compare("import", nil, "\(importID)")
            try appendAudit(
                action: "person \(change.rawValue)", subject: person.id.rawValue, before: fields.beforeJSON, after: fields.afterJSON,
                actor: actor, at: at)
        }
        for (position, old, change) in positions {
            try write(position, replacingBinaan: old.map { $0.sekolahBinaan != position.sekolahBinaan } ?? !position.sekolahBinaan.isEmpty, at: at)
            var fields = FieldChanges()
            func ids(_ list: [PersonID]?) -> String? { list.map { $0.map(\.rawValue).joined(separator: "|") } }
            fields.compare("jabatan", old?.jabatan.rawValue, position.jabatan.rawValue)
            fields.compare("namaSekolah", old?.namaSekolah, position.namaSekolah)
            fields.compare("atasanID", old?.atasanID?.rawValue, position.atasanID?.rawValue)
            fields.compare("timKinerja", ids(old?.timKinerja), ids(position.timKinerja))
            fields.compare("pejabatPenilaiID", old?.pejabatPenilaiID?.rawValue, position.pejabatPenilaiID?.rawValue)
            fields.compare("sekolahBinaan", old.map { $0.sekolahBinaan.map(\.rawValue).joined(separator: "|") },
                           position.sekolahBinaan.map(\.rawValue).joined(separator: "|"))
            fields.compare("active", old.map { "\($0.active)" }, "\(position.active)")
            fields.compare("import", nil, "\(importID)")
            try appendAudit(
                action: "position \(change.rawValue)", subject: position.key.description, before: fields.beforeJSON,
                after: fields.afterJSON, actor: actor, at: at)
        }
        for creation in plans { _ = try ensurePlans(creation, actor: actor, at: at) }
        return summary
    }

    private func storedPerson(_ id: PersonID) throws -> Person? {
        let statement = try db.cachedStatement(sql: "SELECT nama, kepegawaian, active FROM person WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id.rawValue]) else { return nil }
        return try PersonRow(id: id.rawValue, nama: row[0], kepegawaian: row[1], active: row[2], updatedAt: .distantPast).person()
    }

    private func write(_ person: Person, at: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO person (id, nama, kepegawaian, active, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, kepegawaian = excluded.kepegawaian, active = excluded.active,
                updated_at = excluded.updated_at
            """).execute(arguments: [person.id.rawValue, person.nama, person.kepegawaian.rawValue, person.active, at])
    }

    private func write(_ position: Position, replacingBinaan: Bool, at: Date) throws {
        let row = PositionRow(position, at: at)
        try db.cachedStatement(sql: """
            INSERT INTO position (person_id, role, npsn, jabatan, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id,
                                  sekolah_binaan, active, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (person_id, role, npsn) DO UPDATE SET jabatan = excluded.jabatan, nama_sekolah = excluded.nama_sekolah,
                atasan_id = excluded.atasan_id, tim_kinerja = excluded.tim_kinerja, pejabat_penilai_id = excluded.pejabat_penilai_id,
                sekolah_binaan = excluded.sekolah_binaan, active = excluded.active, updated_at = excluded.updated_at
            """).execute(arguments: [
                row.personID, row.role, row.npsn, row.jabatan, row.namaSekolah, row.atasanID, row.timKinerja,
                row.pejabatPenilaiID, row.sekolahBinaan, row.active, at,
            ])
        if replacingBinaan { try replaceSekolahBinaan(of: position) }
    }

    /// Keeps the searchable `sekolah_binaan` rows equal to the position's list.
    private func replaceSekolahBinaan(of position: Position) throws {
        let key = position.key
        let arguments: StatementArguments = [key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)]
        try db.cachedStatement(sql: "DELETE FROM sekolah_binaan WHERE person_id = ? AND role = ? AND npsn = ?")
            .execute(arguments: arguments)
        let insert = try db.cachedStatement(sql: "INSERT INTO sekolah_binaan (binaan_npsn, person_id, role, npsn) VALUES (?, ?, ?, ?)")
        for school in Set(position.sekolahBinaan) {
            try insert.execute(arguments: [school.rawValue] + arguments)
        }
    }
}

/// How one roster row compares with what is stored; nil when it is unchanged.
enum RosterChange: String {
    case added, updated, deactivated

    /// Classifies and counts the change.
    init?(old: Bool?, new: Bool, same: Bool, counts: inout RosterSummary.Counts) {
        switch (old, same) {
        case (nil, _):
            self = .added
            counts.added += 1
        case (_, true):
            counts.unchanged += 1
            return nil
        case (true?, false) where !new:
            self = .deactivated
            counts.deactivated += 1
        default:
            self = .updated
            counts.updated += 1
        }
    }
}
