import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func person(_ id: PersonID) throws -> Person? {
        try PersonRow.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id.rawValue])?.person()
    }

    func positions(of person: PersonID) throws -> [Position] {
        try positions(of: [person])[person] ?? []
    }

    /// In batches of ids, each an index search of the position key's first column.
    func positions(of persons: Set<PersonID>) throws -> [PersonID: [Position]] {
        var result: [PersonID: [Position]] = [:]
        for batch in SQLChunks.batches(persons.map(\.rawValue)) {
            let sql = """
                SELECT \(PositionRow.listingColumns) FROM position WHERE person_id IN (\(batch.placeholders))
                ORDER BY person_id, role, npsn
                """
            try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(batch.values)).forEach { row in
                let position = try PositionRow(listingRow: row).position()
                result[position.key.personID, default: []].append(position)
            }
        }
        return result
    }

    func position(_ key: PositionKey) throws -> Position? {
        let statement = try db.cachedStatement(sql: """
            SELECT \(PositionRow.listingColumns) FROM position WHERE person_id = ? AND role = ? AND npsn = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)])
        else { return nil }
        return try PositionRow(listingRow: row).position()
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
