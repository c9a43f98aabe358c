import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Compares each roster row with its stored row (one indexed read each: a country's
    /// roster is not held twice in memory), writes the import's audit row with the counts,
    /// then only what differs, each with an audit row (the fields that changed; an addition
    /// names its import only). A person listed twice (one row per position) is taken from
    /// their first row.
    func applyRoster(
        _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation], record: ImportRecord, actor: AuditActor, at: Date
    ) throws -> RosterSummary {
        var summary = RosterSummary()
        var personKeys = Set<PersonID>(), positionKeys = Set<PositionKey>()
        personKeys.reserveCapacity(entries.count)
        positionKeys.reserveCapacity(entries.count)
        var persons: [(new: Person, old: Person?, change: RosterChange)] = []
        var positions: [(new: Position, old: Position?, change: RosterChange)] = []
        let personByID = try RowStatement(db, "SELECT nama, kepegawaian, active, email, telepon FROM person WHERE id = ?")
        let positionByKey = try RowStatement(db, "SELECT \(PositionRow.listingColumns) FROM position WHERE person_id = ? AND role = ? AND npsn = ?")
        for entry in entries where personKeys.insert(entry.person.id).inserted {
            var old: Person? = nil
            try personByID.forEach({ $0.add(entry.person.id.rawValue) }) { c in
                old = try PersonRow(id: entry.person.id.rawValue, nama: c.text(0) ?? "", kepegawaian: c.text(1) ?? "", active: c.bool(2),
                                    email: c.text(3), telepon: c.text(4), updatedAt: .distantPast).person()
            }
            if let change = RosterChange(old: old?.active, new: entry.person.active, same: old == entry.person, counts: &summary.persons) {
                persons.append((entry.person, old, change))
            }
        }
        for entry in entries where positionKeys.insert(entry.position.key).inserted {
            let key = entry.position.key
            var old: Position? = nil
            try positionByKey.forEach({ v in
                v.add(key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn))
            }) { c in old = try PositionRow(columns: c).position() }
            if let change = RosterChange(old: old?.active, new: entry.position.active, same: old == entry.position, counts: &summary.positions) {
                positions.append((entry.position, old, change))
            }
        }
        try RowStatement(db, "SELECT id FROM person WHERE active").forEach({ _ in }) { c in
            if !personKeys.contains(PersonID(trusted: c.text(0) ?? "")) { summary.missing += 1 }
        }
        if markMissingInactive {
            try RowStatement(db, "SELECT \(PositionRow.listingColumns) FROM position WHERE position.active ORDER BY 1, 2, 3").forEach({ _ in }) { c in
                var stored = try PositionRow(columns: c).position()
                guard !positionKeys.contains(stored.key) else { return }
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.positions)
                positions.append((stored, old, .deactivated))
            }
            try RowStatement(db, "SELECT id, nama, kepegawaian, email, telepon FROM person WHERE active ORDER BY id").forEach({ _ in }) { c in
                let id = c.text(0) ?? ""
                guard !personKeys.contains(PersonID(trusted: id)) else { return }
                var stored = try PersonRow(
                    id: id, nama: c.text(1) ?? "", kepegawaian: c.text(2) ?? "", active: true, email: c.text(3), telepon: c.text(4),
                    updatedAt: .distantPast).person()
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.persons)
                persons.append((stored, old, .deactivated))
            }
        }
        var audit = try AuditRows(db, actor: actor, at: at)
        let importID = try audit.appendImport(record, changes: summary.auditCounts)
        var writer = try RosterWriter(db, at: at)
        // Persons first: positions refer to them.
        for (person, old, change) in persons {
            try writer.write(person)
            let fields = FieldChanges(person: person, from: old, importID: importID)
            try audit.append(action: "person \(change.rawValue)", subject: person.id.rawValue, before: fields.beforeJSON, after: fields.afterJSON)
        }
        for (position, old, change) in positions {
            try writer.write(position, replacingBinaan: old.map { $0.sekolahBinaan != position.sekolahBinaan } ?? !position.sekolahBinaan.isEmpty)
            let fields = FieldChanges(position: position, from: old, importID: importID)
            try audit.append(action: "position \(change.rawValue)", subject: position.key.description, before: fields.beforeJSON, after: fields.afterJSON)
        }
        for creation in plans { _ = try ensurePlans(creation, actor: actor, at: at) }
        return summary
    }
}

/// The person, position and `sekolah_binaan` rows a roster import writes, by prepared
/// statements.
private struct RosterWriter {
    private var upsertPerson, upsertPosition, deleteBinaan, insertBinaan: RowStatement
    private let at: String

    init(_ db: Database, at: Date) throws {
        self.at = StoreTime.text(at)
        upsertPerson = try RowStatement(db, """
            INSERT INTO person (id, nama, kepegawaian, active, email, telepon, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, kepegawaian = excluded.kepegawaian, active = excluded.active,
                email = excluded.email, telepon = excluded.telepon, updated_at = excluded.updated_at
            """)
        upsertPosition = try RowStatement(db, """
            INSERT INTO position (person_id, role, npsn, jabatan, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id,
                                  sekolah_binaan, active, kecamatan, jenjang, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (person_id, role, npsn) DO UPDATE SET jabatan = excluded.jabatan, nama_sekolah = excluded.nama_sekolah,
                atasan_id = excluded.atasan_id, tim_kinerja = excluded.tim_kinerja, pejabat_penilai_id = excluded.pejabat_penilai_id,
                sekolah_binaan = excluded.sekolah_binaan, active = excluded.active, kecamatan = excluded.kecamatan,
                jenjang = excluded.jenjang, updated_at = excluded.updated_at
            """)
        deleteBinaan = try RowStatement(db, "DELETE FROM sekolah_binaan WHERE person_id = ? AND role = ? AND npsn = ?")
        insertBinaan = try RowStatement(db, "INSERT INTO sekolah_binaan (binaan_npsn, person_id, role, npsn) VALUES (?, ?, ?, ?)")
    }

    mutating func write(_ person: Person) throws {
        let at = at
        try upsertPerson.execute { v in
            v.add(person.id.rawValue, person.nama, person.kepegawaian.rawValue, person.active, person.email, person.telepon, at)
        }
    }

    mutating func write(_ position: Position, replacingBinaan: Bool) throws {
        let row = PositionRow(position, at: .distantPast), at = at
        try upsertPosition.execute { v in
            v.add(row.personID, row.role, row.npsn, row.jabatan, row.namaSekolah, row.atasanID, row.timKinerja,
                  row.pejabatPenilaiID, row.sekolahBinaan, row.active, row.kecamatan, row.jenjang, at)
        }
        guard replacingBinaan else { return }
        // Keeps the searchable `sekolah_binaan` rows equal to the position's list.
        try deleteBinaan.execute { v in
            v.add(row.personID, row.role, row.npsn)
        }
        for school in Set(position.sekolahBinaan) {
            try insertBinaan.execute { v in
                v.add(school.rawValue, row.personID, row.role, row.npsn)
            }
        }
    }
}

extension FieldChanges {
    /// The audit fields of a person a roster import writes: those that changed (an addition
    /// names its import only: the row holds the values, and every later change keeps those
    /// it replaced).
    package init(person: Person, from old: Person?, importID: Int64) {
        self.init()
        if let old {
            compare("nama", old.nama, person.nama)
            compare("kepegawaian", old.kepegawaian.rawValue, person.kepegawaian.rawValue)
            compare("email", old.email, person.email)
            compare("telepon", old.telepon, person.telepon)
            compare("active", "\(old.active)", "\(person.active)")
        }
        note("import", "\(importID)")
    }

    /// The same for a position.
    package init(position: Position, from old: Position?, importID: Int64) {
        self.init()
        if let old {
            func ids(_ list: [PersonID]) -> String { list.map(\.rawValue).joined(separator: "|") }
            compare("jabatan", old.jabatan.rawValue, position.jabatan.rawValue)
            compare("namaSekolah", old.namaSekolah, position.namaSekolah)
            compare("kecamatan", old.kecamatan, position.kecamatan)
            compare("jenjang", old.jenjang, position.jenjang)
            compare("atasanID", old.atasanID?.rawValue, position.atasanID?.rawValue)
            compare("timKinerja", old.timKinerja, position.timKinerja, ids)
            compare("pejabatPenilaiID", old.pejabatPenilaiID?.rawValue, position.pejabatPenilaiID?.rawValue)
            compare("sekolahBinaan", old.sekolahBinaan, position.sekolahBinaan) { $0.map(\.rawValue).joined(separator: "|") }
            compare("active", "\(old.active)", "\(position.active)")
        }
        note("import", "\(importID)")
    }
}

/// How one roster row compares with what is stored; nil when it is unchanged.
package enum RosterChange: String {
    case added, updated, deactivated

    /// Classifies and counts the change.
    package init?(old: Bool?, new: Bool, same: Bool, counts: inout RosterSummary.Counts) {
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
