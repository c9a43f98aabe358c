import Foundation

/// Audit calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    @discardableResult
    public func appendAudit(
        action: String, subject: String, before: String?, after: String?, actor: AuditActor, at: Date
    ) throws -> AuditRecord {
        try writing { try $0.appendAudit(action: action, subject: subject, before: before, after: after, actor: actor, at: at) }
    }

    public func history(subject: String, limit: Int?) throws -> [AuditRecord] {
        try reading { try $0.history(subject: subject, limit: limit) }
    }

    public func recentAudit(limit: Int) throws -> [AuditRecord] {
        try reading { try $0.recentAudit(limit: limit) }
    }
}
