import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func person(_ id: PersonID) throws -> Person? {
        try PersonRow.fetchOne(db, key: id.rawValue)?.person()
    }

    func positions(of person: PersonID) throws -> [Position] {
        try positions(matching: PositionQuery(activeOnly: false, personID: person))
    }

    func position(_ key: PositionKey) throws -> Position? {
        try PositionRow.fetchOne(
            db, sql: "SELECT * FROM position WHERE person_id = ? AND role = ? AND npsn = ?",
            arguments: [key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)]
        )?.position()
    }

    func positions(matching query: PositionQuery) throws -> [Position] {
        let (conditions, arguments) = query.sqlConditions()
        let sql = "SELECT \(PositionRow.listingColumns) FROM position \(conditions) ORDER BY position.person_id, position.role, position.npsn"
        var positions: [Position] = []
        try Row.fetchCursor(db, sql: sql, arguments: arguments).forEach { positions.append(try PositionRow(listingRow: $0).position()) }
        return positions
    }

    func positionsWithPeople(matching query: PositionQuery) throws -> [(person: Person, position: Position)] {
        let (conditions, arguments) = query.sqlConditions()
        let sql = """
            SELECT \(PositionRow.listingColumns), person.nama, person.kepegawaian, person.active
            FROM position JOIN person ON person.id = position.person_id
            \(conditions)
            ORDER BY position.npsn, person.nama, position.person_id, position.role
            """
        var result: [(person: Person, position: Position)] = []
        try Row.fetchCursor(db, sql: sql, arguments: arguments).forEach { row in
            let position = PositionRow(listingRow: row)
            let person = PersonRow(id: position.personID, nama: row[10], kepegawaian: row[11], active: row[12], updatedAt: .distantPast)
            result.append((try person.person(), try position.position()))
        }
        return result
    }

    func schoolNames() throws -> [String: String] {
        var names: [String: String] = [:]
        let sql = """
            SELECT npsn, nama_sekolah FROM position
            WHERE role = ? AND npsn != '' AND nama_sekolah IS NOT NULL ORDER BY person_id, role, npsn
            """
        try Row.fetchCursor(db, sql: sql, arguments: [Role.kepalaSekolah.rawValue]).forEach { row in
            let npsn: String = row[0]
            if names[npsn] == nil { names[npsn] = row[1] }
        }
        return names
    }

    func people(matching text: String?, activeOnly: Bool) throws -> [Person] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let text, !text.isEmpty {
            conditions.append("(instr(lower(nama), lower(?)) > 0 OR instr(id, ?) > 0)")
            arguments += [text, text]
        }
        if activeOnly { conditions.append("active") }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try PersonRow.fetchAll(db, sql: "SELECT * FROM person \(clause) ORDER BY nama, id", arguments: arguments)
            .map { try $0.person() }
    }
}

extension PersonRow {
    init(id: String, nama: String, kepegawaian: String, active: Bool, updatedAt: Date) {
        self.id = id
        self.nama = nama
        self.kepegawaian = kepegawaian
        self.active = active
        self.updatedAt = updatedAt
    }
}

extension PositionQuery {
    /// The WHERE clause over the `position` table, and its arguments.
    func sqlConditions() -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let personID {
            conditions.append("position.person_id = ?")
            arguments += [personID.rawValue]
        }
        if let role {
            conditions.append("position.role = ?")
            arguments += [role.rawValue]
        }
        if let npsn {
            conditions.append("position.npsn = ?")
            arguments += [npsn.rawValue]
        }
        if let sekolahBinaan {
            conditions.append("""
                EXISTS (SELECT 1 FROM sekolah_binaan b WHERE b.binaan_npsn = ? AND b.person_id = position.person_id
                        AND b.role = position.role AND b.npsn = position.npsn)
                """)
            arguments += [sekolahBinaan.rawValue]
        }
        if let havingPlan {
            let (planConditions, planArguments) = havingPlan.sqlConditions()
            // IN, not a correlated EXISTS: the plans are searched once (on their own index)
            // into a temporary set that each position probes.
            conditions.append("""
                (position.person_id, position.role, position.npsn)
                    IN (SELECT plan.person_id, plan.role, plan.npsn FROM plan WHERE \(planConditions))
                """)
            arguments += planArguments
        }
        if activeOnly { conditions.append("position.active") }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}
