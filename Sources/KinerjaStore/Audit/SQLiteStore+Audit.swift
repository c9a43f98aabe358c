import Foundation

/// Audit calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func history(subject: String, limit: Int?) async throws -> [AuditRecord] {
        try await reading { try $0.history(subject: subject, limit: limit) }
    }

    public func recentAudit(limit: Int) async throws -> [AuditRecord] {
        try await reading { try $0.recentAudit(limit: limit) }
    }
}
