import Foundation
import KinerjaCore

/// Acknowledgement calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func acknowledge(reminderID: String, actor: AuditActor, at: Date) async throws -> Bool {
        try await writing { try $0.acknowledge(reminderID: reminderID, actor: actor, at: at) }
    }

    public func acknowledgedKeys(planIDs: [String]?) async throws -> Set<AcknowledgementKey> {
        try await reading { try $0.acknowledgedKeys(planIDs: planIDs) }
    }
}
