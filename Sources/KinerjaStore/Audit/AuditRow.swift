import Foundation
import GRDB

/// The `audit` table's row. The table is append-only (triggers refuse UPDATE and DELETE,
/// see `SchemaV1`): rows are inserted by `appendAudit`'s cached statement and fetched here.
struct AuditRow: Codable, FetchableRecord, Sendable {
    var id: Int64?
    var at: Date
    var uid: Int64
    var user: String
    var action: String
    var subject: String
    var before: String?
    var after: String?

    init(_ actor: AuditActor, at: Date, action: String, subject: String, before: String?, after: String?) {
        id = nil
        self.at = at
        uid = Int64(actor.uid)
        user = actor.user
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }

    var record: AuditRecord {
        AuditRecord(
            id: id ?? 0, at: at, actor: AuditActor(uid: UInt32(truncatingIfNeeded: uid), user: user),
            action: action, subject: subject, before: before, after: after)
    }
}
