import Foundation
import KinerjaCore

/// Roster calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func applyRoster(
        _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation], dryRun: Bool, record: ImportRecord,
        actor: AuditActor, at: Date
    ) async throws -> RosterSummary {
        /// Rolls a dry run back, keeping what it found.
        struct DryRun: Error { let summary: RosterSummary }
        do {
            return try await writing { tx in
                let summary = try tx.applyRoster(
                    entries, markMissingInactive: markMissingInactive, plans: plans, record: record, actor: actor, at: at)
                if dryRun { throw DryRun(summary: summary) }
                return summary
            }
        } catch let dry as DryRun {
            return dry.summary
        }
    }

    public func person(_ id: PersonID) async throws -> Person? {
        try await reading { try $0.person(id) }
    }

    public func positions(of person: PersonID) async throws -> [Position] {
        try await reading { try $0.positions(of: person) }
    }

    public func positions(of persons: Set<PersonID>) async throws -> [PersonID: [Position]] {
        try await reading { try $0.positions(of: persons) }
    }

    public func position(_ key: PositionKey) async throws -> Position? {
        try await reading { try $0.position(key) }
    }

    public func people(matching text: String?, activeOnly: Bool) async throws -> [Person] {
        try await reading { try $0.people(matching: text, activeOnly: activeOnly) }
    }

    public func schoolNames(_ npsns: Set<NPSN>) async throws -> [NPSN: String] {
        try await reading { try $0.schoolNames(npsns) }
    }

    public func names(of persons: Set<PersonID>) async throws -> [PersonID: String] {
        try await reading { try $0.names(of: persons) }
    }

    public func atasanLinks() async throws -> [AtasanLink] {
        try await reading { try $0.atasanLinks() }
    }

    public func listing(_ query: ListingQuery) async throws -> [ListedPosition] {
        try await reading { try $0.listing(query) }
    }

    public func listingChunks(_ query: ListingQuery, size: Int) -> StoreChunks<ListedPosition> {
        chunks(size: size) { transaction, each in try transaction.listing(query, each: each) }
    }
}
