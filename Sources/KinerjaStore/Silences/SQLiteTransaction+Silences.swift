import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Refuses what the scheduler could not apply (`SilenceRequest`).
    func addSilence(personID: String?, npsn: String?, until: String, reason: String, actor: AuditActor, at: Date) throws -> Silence {
        let request = try SilenceRequest(personID: personID, npsn: npsn, until: until, reason: reason)
        var row = SilenceRow(
            id: nil, personID: request.personID, npsn: request.npsn, until: request.until, reason: request.reason, createdAt: at,
            createdUID: Int64(actor.uid), createdUser: actor.user, removedAt: nil)
        try row.insert(db)
        let silence = row.silence
        try appendAudit(
            action: "silence added", subject: silence.auditSubject, before: nil,
            after: try JSONText.encode(SilenceAuditForm(silence)), actor: actor, at: at)
        return silence
    }

    /// Active on a day: not ended before it (`until` is inclusive) and, unless
    /// `includeRemoved`, not removed. Without a day: all, ended ones too. Oldest first.
    func silences(activeOn date: String?, includeRemoved: Bool) throws -> [Silence] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let date {
            conditions.append("until >= ?")
            arguments += [date]
        }
        if !includeRemoved { conditions.append("removed_at IS NULL") }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try SilenceRow.fetchAll(db, sql: "SELECT * FROM silence \(clause) ORDER BY id", arguments: arguments)
            .map(\.silence)
    }

    /// Sets `removed_at` with an audit row. A silence already removed is returned as it is,
    /// without a second audit row; an unknown id gives nil.
    func removeSilence(id: Int64, actor: AuditActor, at: Date) throws -> Silence? {
        guard var row = try SilenceRow.fetchOne(db, key: id) else { return nil }
        guard row.removedAt == nil else { return row.silence }
        let before = row.silence
        row.removedAt = at
        try row.update(db)
        let after = row.silence
        try appendAudit(
            action: "silence removed", subject: after.auditSubject, before: try JSONText.encode(SilenceAuditForm(before)),
            after: try JSONText.encode(SilenceAuditForm(after)), actor: actor, at: at)
        return after
    }
}
