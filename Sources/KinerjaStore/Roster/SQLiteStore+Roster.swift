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
    /// Kept until the roster changes (see `KeptAnswers`).
    public func schoolNames() throws -> [String: String] {
        try reading(true, keptIn: keptSchoolNames, generation: rosterGeneration) { try $0.schoolNames() }
    }

    /// Kept until the roster changes (see `KeptAnswers`). Positions chosen by their plans
    /// are the kept positions filtered by the kept (patched) plans when the roster is kept,
    /// as an office's is, so that a transition does not make the next overdue list read the
    /// roster again; else (a country's roster, or none kept yet) read through the plans'
    /// index and kept until the roster or a plan changes.
    public func positionsWithPeople(matching query: PositionQuery) throws -> [(person: Person, position: Position)] {
        guard var plans = query.havingPlan else {
            return try reading(query, keptIn: keptPositions, generation: rosterGeneration) { try $0.positionsWithPeople(matching: query) }
        }
        var everyPlan = query
        everyPlan.havingPlan = nil
        if let positions = keptPositions.kept(everyPlan, generation: rosterGeneration.load(ordering: .acquiring)) {
            plans.limit = nil
            let keys = Set(try self.plans(matching: plans).map(\.plan.id.position))
            return positions.filter { keys.contains($0.position.key) }
        }
        return try reading(query, keptIn: keptPositionsByPlan, generation: listingGeneration) { try $0.positionsWithPeople(matching: query) }
    }

    public func people(matching text: String?, activeOnly: Bool) throws -> [Person] {
        try reading { try $0.people(matching: text, activeOnly: activeOnly) }
    }
}
