import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// The roster: persons and their positions, with the searchable rows of sekolah binaan.
extension PostgresStore {
    static let personColumns = "id, nama, kepegawaian, active, email, telepon"

    public func applyRoster(
        _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation], dryRun: Bool, record: ImportRecord,
        actor: AuditActor, at: Date
    ) async throws -> RosterSummary {
        do {
            return try await writing([.roster, .plans, .audit]) { connection, logger in
                let summary = try await PostgresStore.applyRoster(
                    connection, logger, entries, markMissingInactive: markMissingInactive, plans: plans, record: record, actor: actor, at: at)
                if dryRun { throw DryRun(summary: summary) }
                return summary
            }
        } catch let dry as DryRun<RosterSummary> {
            return dry.summary
        }
    }

    /// Compares each roster row with its stored row (`RosterChange`), writes the import's
    /// audit row, then only what differs, each with its audit row; a person listed twice is
    /// taken from their first row. Then creates the plans of `plans`.
    private static func applyRoster(
        _ connection: PostgresConnection, _ logger: Logger, _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation],
        record: ImportRecord, actor: AuditActor, at: Date
    ) async throws -> RosterSummary {
        var summary = RosterSummary()
        var personKeys = Set<PersonID>(), positionKeys = Set<PositionKey>()
        let ids = Array(Set(entries.map(\.person.id.rawValue)))
        var storedPersons: [PersonID: Person] = [:]
        for person in try await readPersons(connection, logger, "WHERE id = ANY($1)", binds: .of(ids)) { storedPersons[person.id] = person }
        var storedPositions: [PositionKey: Position] = [:]
        for position in try await readPositions(connection, logger, "WHERE person_id = ANY($1)", binds: .of(ids)) { storedPositions[position.key] = position }
        var persons: [(new: Person, old: Person?, change: RosterChange)] = []
        var positions: [(new: Position, old: Position?, change: RosterChange)] = []
        for entry in entries where personKeys.insert(entry.person.id).inserted {
            let old = storedPersons[entry.person.id]
            if let change = RosterChange(old: old?.active, new: entry.person.active, same: old == entry.person, counts: &summary.persons) {
                persons.append((entry.person, old, change))
            }
        }
        for entry in entries where positionKeys.insert(entry.position.key).inserted {
            let old = storedPositions[entry.position.key]
            if let change = RosterChange(old: old?.active, new: entry.position.active, same: old == entry.position, counts: &summary.positions) {
                positions.append((entry.position, old, change))
            }
        }
        let activeIDs = try await connection.query("SELECT id FROM person WHERE active", logger: logger)
        for try await id in activeIDs.decode(String.self) where !personKeys.contains(PersonID(trusted: id)) { summary.missing += 1 }
        if markMissingInactive {
            for var stored in try await readPositions(connection, logger, "WHERE active ORDER BY person_id, role, npsn")
            where !positionKeys.contains(stored.key) {
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.positions)
                positions.append((stored, old, .deactivated))
            }
            for var stored in try await readPersons(connection, logger, "WHERE active ORDER BY id") where !personKeys.contains(stored.id) {
                let old = stored
                stored.active = false
                _ = RosterChange(old: true, new: false, same: false, counts: &summary.persons)
                persons.append((stored, old, .deactivated))
            }
        }
        let importID = try await appendImport(connection, logger, record, changes: summary.auditCounts, actor: actor, at: at)
        // Persons first: positions refer to them.
        for (person, old, change) in persons {
            try await connection.query("""
                INSERT INTO person (id, nama, kepegawaian, active, email, telepon, updated_at)
                VALUES (\(person.id.rawValue), \(person.nama), \(person.kepegawaian.rawValue), \(person.active), \(person.email),
                        \(person.telepon), \(at))
                ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, kepegawaian = excluded.kepegawaian, active = excluded.active,
                    email = excluded.email, telepon = excluded.telepon, updated_at = excluded.updated_at
                """, logger: logger)
            let fields = FieldChanges(person: person, from: old, importID: importID)
            try await appendAudit(
                connection, logger, action: "person \(change.rawValue)", subject: person.id.rawValue, before: fields.beforeJSON,
                after: fields.afterJSON, actor: actor, at: at)
        }
        for (position, old, change) in positions {
            let row = PositionRow(position, at: at)
            try await connection.query("""
                INSERT INTO position (person_id, role, npsn, jabatan, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id,
                                      sekolah_binaan, active, kecamatan, jenjang, updated_at)
                VALUES (\(row.personID), \(row.role), \(row.npsn), \(row.jabatan), \(row.namaSekolah), \(row.atasanID), \(row.timKinerja),
                        \(row.pejabatPenilaiID), \(row.sekolahBinaan), \(row.active), \(row.kecamatan), \(row.jenjang), \(at))
                ON CONFLICT (person_id, role, npsn) DO UPDATE SET jabatan = excluded.jabatan, nama_sekolah = excluded.nama_sekolah,
                    atasan_id = excluded.atasan_id, tim_kinerja = excluded.tim_kinerja, pejabat_penilai_id = excluded.pejabat_penilai_id,
                    sekolah_binaan = excluded.sekolah_binaan, active = excluded.active, kecamatan = excluded.kecamatan,
                    jenjang = excluded.jenjang, updated_at = excluded.updated_at
                """, logger: logger)
            if old.map({ $0.sekolahBinaan != position.sekolahBinaan }) ?? !position.sekolahBinaan.isEmpty {
                // Keeps the searchable `sekolah_binaan` rows equal to the position's list.
                try await connection.query(
                    "DELETE FROM sekolah_binaan WHERE person_id = \(row.personID) AND role = \(row.role) AND npsn = \(row.npsn)", logger: logger)
                let schools = Set(position.sekolahBinaan.map(\.rawValue)).sorted()
                try await connection.query("""
                    INSERT INTO sekolah_binaan (binaan_npsn, person_id, role, npsn)
                    SELECT school, \(row.personID), \(row.role), \(row.npsn) FROM unnest(\(schools)::text[]) AS school
                    """, logger: logger)
            }
            let fields = FieldChanges(position: position, from: old, importID: importID)
            try await appendAudit(
                connection, logger, action: "position \(change.rawValue)", subject: position.key.description, before: fields.beforeJSON,
                after: fields.afterJSON, actor: actor, at: at)
        }
        for creation in plans { _ = try await ensurePlans(connection, logger, creation, actor: actor, at: at) }
        return summary
    }

    public func person(_ id: PersonID) async throws -> Person? {
        try await reading { connection, logger in
            try await PostgresStore.readPersons(connection, logger, "WHERE id = $1", binds: .of(id.rawValue)).first
        }
    }

    public func positions(of person: PersonID) async throws -> [Position] {
        try await positions(of: [person])[person] ?? []
    }

    public func positions(of persons: Set<PersonID>) async throws -> [PersonID: [Position]] {
        let ids = persons.map(\.rawValue)
        return try await reading { connection, logger in
            var result: [PersonID: [Position]] = [:]
            for position in try await PostgresStore.readPositions(connection, logger, "WHERE person_id = ANY($1) ORDER BY person_id, role, npsn", binds: .of(ids)) {
                result[position.key.personID, default: []].append(position)
            }
            return result
        }
    }

    public func position(_ key: PositionKey) async throws -> Position? {
        try await reading { connection, logger in
            var binds = PostgresBindings()
            binds.append(key.personID.rawValue)
            binds.append(key.role.rawValue)
            binds.append(PositionRow.npsnColumn(key.npsn))
            return try await PostgresStore.readPositions(connection, logger, "WHERE person_id = $1 AND role = $2 AND npsn = $3", binds: binds).first
        }
    }

    /// People whose name (any case) or id contains `text`, by name.
    public func people(matching text: String?, activeOnly: Bool) async throws -> [Person] {
        let text = text.flatMap { $0.isEmpty ? nil : $0 }
        return try await reading { connection, logger in
            var binds = PostgresBindings()
            binds.append(text)
            binds.append(activeOnly)
            return try await PostgresStore.readPersons(connection, logger, """
                WHERE ($1::text IS NULL OR strpos(lower(nama), lower($1)) > 0 OR strpos(id, $1) > 0) AND (NOT $2 OR active)
                ORDER BY nama, id
                """, binds: binds)
        }
    }

    public func names(of persons: Set<PersonID>) async throws -> [PersonID: String] {
        let ids = persons.map(\.rawValue)
        return try await reading { connection, logger in
            let rows = try await connection.query("SELECT id, nama FROM person WHERE id = ANY(\(ids))", logger: logger)
            var names: [PersonID: String] = [:]
            for try await (id, nama) in rows.decode((String, String).self) { names[PersonID(trusted: id)] = nama }
            return names
        }
    }

    public func schoolNames(_ npsns: Set<NPSN>) async throws -> [NPSN: String] {
        let schools = npsns.map(\.rawValue)
        return try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT npsn, nama_sekolah FROM position WHERE npsn = ANY(\(schools)) AND nama_sekolah IS NOT NULL", logger: logger)
            var names: [NPSN: String] = [:]
            for try await (npsn, name) in rows.decode((String, String).self) { names[NPSN(trusted: npsn)] = name }
            return names
        }
    }

    public func atasanLinks() async throws -> [AtasanLink] {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT person_id, atasan_id FROM position WHERE active AND atasan_id IS NOT NULL", logger: logger)
            var links: [AtasanLink] = []
            for try await (person, atasan) in rows.decode((String, String).self) {
                links.append(AtasanLink(person: PersonID(trusted: person), atasan: PersonID(trusted: atasan)))
            }
            return links
        }
    }

    /// The persons `clause` selects, with its parameters `binds`.
    static func readPersons(
        _ connection: PostgresConnection, _ logger: Logger, _ clause: String, binds: PostgresBindings = PostgresBindings()
    ) async throws -> [Person] {
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT \(personColumns) FROM person \(clause)", binds: binds), logger: logger)
        var persons: [Person] = []
        for try await (id, nama, kepegawaian, active, email, telepon) in rows.decode((String, String, String, Bool, String?, String?).self) {
            persons.append(try PersonRow(
                id: id, nama: nama, kepegawaian: kepegawaian, active: active, email: email, telepon: telepon, updatedAt: .distantPast).person())
        }
        return persons
    }

    /// The positions `clause` selects, with its parameters `binds`.
    static func readPositions(
        _ connection: PostgresConnection, _ logger: Logger, _ clause: String, binds: PostgresBindings = PostgresBindings()
    ) async throws -> [Position] {
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT \(PositionRow.listingColumns) FROM position \(clause)", binds: binds), logger: logger)
        var positions: [Position] = []
        for try await row in rows {
            var c = RowCursor(row)
            positions.append(try decodePosition(&c))
        }
        return positions
    }

    /// The `PositionRow.listingColumns` at the cursor.
    static func decodePosition(_ c: inout RowCursor) throws -> Position {
        let row = PositionRow(
            personID: try c.next(), role: try c.next(), npsn: try c.next(), jabatan: try c.next(), namaSekolah: try c.next(),
            atasanID: try c.next(), timKinerja: try c.next(), pejabatPenilaiID: try c.next(), sekolahBinaan: try c.next(),
            active: try c.next(), kecamatan: try c.next(), jenjang: try c.next())
        return try row.position()
    }

    /// The person of `id` from `PersonRow.listingColumns` at the cursor.
    static func decodeListedPerson(_ c: inout RowCursor, id: String) throws -> Person {
        let nama: String = try c.next(), kepegawaian: String = try c.next(), active: Bool = try c.next()
        let email: String? = try c.next(), telepon: String? = try c.next()
        return try PersonRow(id: id, nama: nama, kepegawaian: kepegawaian, active: active, email: email, telepon: telepon, updatedAt: .distantPast)
            .person()
    }
}

extension PostgresBindings {
    /// The parameter `$1` of a query.
    static func of(_ value: some PostgresNonThrowingEncodable) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }
}
