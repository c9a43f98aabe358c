import Foundation
import KinerjaCore

/// Roster calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func applyRoster(_ positions: [RosterEntry], actor: AuditActor, at: Date, markMissingInactive: Bool) throws -> RosterSummary {
        try writing { try $0.applyRoster(positions, actor: actor, at: at, markMissingInactive: markMissingInactive) }
    }

    public func person(_ id: PersonID) throws -> Person? {
        try reading { try $0.person(id) }
    }

    public func positions(of person: PersonID) throws -> [Position] {
        try reading { try $0.positions(of: person) }
    }

    public func position(_ key: PositionKey) throws -> Position? {
        try reading { try $0.position(key) }
    }

    public func positions(matching query: PositionQuery) throws -> [Position] {
        try reading { try $0.positions(matching: query) }
    }

    /// The name of each principal's school, by NPSN (the first a roster gave, active or not).
    /// Kept until the next write (see `KeptAnswers`).
    public func schoolNames() throws -> [String: String] {
        try reading(true, keptIn: keptSchoolNames) { try $0.schoolNames() }
    }

    /// Kept until the next write (see `KeptAnswers`).
    public func positionsWithPeople(matching query: PositionQuery) throws -> [(person: Person, position: Position)] {
        try reading(query, keptIn: keptPositions) { try $0.positionsWithPeople(matching: query) }
    }

    public func people(matching text: String?, activeOnly: Bool) throws -> [Person] {
        try reading { try $0.people(matching: text, activeOnly: activeOnly) }
    }
}
