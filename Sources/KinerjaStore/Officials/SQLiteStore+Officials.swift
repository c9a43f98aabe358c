import Foundation
import KinerjaCore

/// Officials calls, each in its own transaction.
extension SQLiteStore {
    public func applyOfficials(_ officials: [Official], dryRun: Bool, record: ImportRecord, actor: AuditActor, at: Date) async throws -> OfficialsSummary {
        /// Rolls a dry run back, keeping what it found.
        struct DryRun: Error { let summary: OfficialsSummary }
        do {
            return try await writing { tx in
                let summary = try tx.applyOfficials(officials, record: record, actor: actor, at: at)
                if dryRun { throw DryRun(summary: summary) }
                return summary
            }
        } catch let dry as DryRun {
            return dry.summary
        }
    }

    public func officials() async throws -> [Official] {
        try await reading { try $0.officials() }
    }

    public func officials(_ ids: Set<PersonID>) async throws -> [PersonID: Official] {
        try await reading { try $0.officials(ids) }
    }
}
