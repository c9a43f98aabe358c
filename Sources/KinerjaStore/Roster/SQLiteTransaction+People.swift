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
            try RowStatement(db, sql).forEach({ v in for id in batch.values { v.add(id) } }) { row in
                let position = try PositionRow(columns: row).position()
                result[position.key.personID, default: []].append(position)
            }
        }
        return result
    }

    func position(_ key: PositionKey) throws -> Position? {
        var position: Position? = nil
        try RowStatement(db, "SELECT \(PositionRow.listingColumns) FROM position WHERE person_id = ? AND role = ? AND npsn = ?")
            .forEach({ $0.add(key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)) }) { row in
                position = try PositionRow(columns: row).position()
            }
        return position
    }

    /// Two columns of the active positions, no roster row made: a country has 250,000.
    func atasanLinks() throws -> [AtasanLink] {
        var links: [AtasanLink] = []
        try RowStatement(db, "SELECT person_id, atasan_id FROM position WHERE active AND atasan_id IS NOT NULL").forEach({ _ in }) { row in
            guard let person = row.text(0), let atasan = row.text(1) else { return }
            links.append(AtasanLink(person: PersonID(trusted: person), atasan: PersonID(trusted: atasan)))
        }
        return links
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
