import Foundation

/// Silence calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func addSilence(personID: String?, npsn: String?, until: String, reason: String, actor: AuditActor, at: Date) async throws -> Silence {
        try await writing { try $0.addSilence(personID: personID, npsn: npsn, until: until, reason: reason, actor: actor, at: at) }
    }

    public func silences(activeOn date: String?, includeRemoved: Bool) async throws -> [Silence] {
        try await reading { try $0.silences(activeOn: date, includeRemoved: includeRemoved) }
    }

    public func removeSilence(id: Int64, actor: AuditActor, at: Date) async throws -> Silence? {
        try await writing { try $0.removeSilence(id: id, actor: actor, at: at) }
    }
}
