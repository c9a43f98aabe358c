import Foundation
import KinerjaCore

/// Acknowledgement calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func acknowledge(reminderID: String, actor: AuditActor, at: Date) throws -> Bool {
        try writing { try $0.acknowledge(reminderID: reminderID, actor: actor, at: at) }
    }

    public func acknowledgedKeys(planIDs: [String]?) throws -> Set<AcknowledgementKey> {
        try reading { try $0.acknowledgedKeys(planIDs: planIDs) }
    }
}
