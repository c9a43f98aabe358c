import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Compares the roster with the whole stored roster in memory (two reads, however many
    /// rows), then writes only what differs, each with its audit row. A person listed twice
    /// (one row per position) is taken from their first row.
    func applyRoster(_ entries: [RosterEntry], actor: AuditActor, at: Date, markMissingInactive: Bool) throws -> RosterSummary {
        effects?.rosterChanged()
        var persons: [PersonID: Person] = [:]
        var personOrder: [PersonID] = []
        var positions: [PositionKey: Position] = [:]
        var positionOrder: [PositionKey] = []
        for entry in entries {
            if persons[entry.person.id] == nil {
                persons[entry.person.id] = entry.person
                personOrder.append(entry.person.id)
            }
            if positions[entry.position.key] == nil {
                positions[entry.position.key] = entry.position
                positionOrder.append(entry.position.key)
            }
        }

        var storedPersons: [PersonID: Person] = [:]
        for row in try PersonRow.fetchAll(db) { storedPersons[PersonID(trusted: row.id)] = try row.person() }
        var storedPositions: [PositionKey: Position] = [:]
        for row in try PositionRow.fetchAll(db) {
            let position = try row.position()
            storedPositions[position.key] = position
        }

        var summary = RosterSummary()
        // Persons first: positions refer to them.
        for id in personOrder {
            let person = persons[id]!
            try write(person, was: storedPersons[id], counts: &summary.persons, actor: actor, at: at)
        }
        for key in positionOrder {
            let position = positions[key]!
            try write(position, was: storedPositions[key], counts: &summary.positions, actor: actor, at: at)
        }
        guard markMissingInactive else { return summary }
        for key in storedPositions.keys.sorted() where positions[key] == nil && storedPositions[key]!.active {
            var position = storedPositions[key]!
            position.active = false
            try write(position, was: storedPositions[key], counts: &summary.positions, actor: actor, at: at)
        }
        for id in storedPersons.keys.sorted() where persons[id] == nil && storedPersons[id]!.active {
            var person = storedPersons[id]!
            person.active = false
            try write(person, was: storedPersons[id], counts: &summary.persons, actor: actor, at: at)
        }
        return summary
    }

    private func write(_ person: Person, was old: Person?, counts: inout RosterSummary.Counts, actor: AuditActor, at: Date) throws {
        guard let action = RosterChange(old: old?.active, new: person.active, same: old == person, counts: &counts) else { return }
        let row = PersonRow(person, at: at)
        if old == nil { try row.insert(db) } else { try row.update(db) }
        try appendAudit(
            action: "person \(action.rawValue)", subject: person.id.rawValue,
            before: try old.map(JSONText.encode), after: try JSONText.encode(person), actor: actor, at: at)
    }

    private func write(_ position: Position, was old: Position?, counts: inout RosterSummary.Counts, actor: AuditActor, at: Date) throws {
        guard let action = RosterChange(old: old?.active, new: position.active, same: old == position, counts: &counts) else { return }
        let row = try PositionRow(position, at: at)
        if old == nil { try row.insert(db) } else { try row.update(db) }
        if (old?.sekolahBinaan ?? []) != position.sekolahBinaan { try replaceSekolahBinaan(of: position) }
        try appendAudit(
            action: "position \(action.rawValue)", subject: position.key.description,
            before: try old.map(JSONText.encode), after: try JSONText.encode(position), actor: actor, at: at)
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
private enum RosterChange: String {
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
