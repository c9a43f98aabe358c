import Foundation
import GRDB

extension SQLiteTransaction {
    @discardableResult
    func appendAudit(
        action: String, subject: String, before: String?, after: String?, actor: AuditActor, at: Date
    ) throws -> AuditRecord {
        var row = AuditRow(actor, at: at, action: action, subject: subject, before: before, after: after)
        // A cached statement, not the record's Codable insert: an import appends a row per change.
        try db.cachedStatement(sql: "INSERT INTO audit (at, uid, user, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [row.at, row.uid, row.user, row.action, row.subject, row.before, row.after])
        row.id = db.lastInsertedRowID
        return row.record
    }

    /// Rows about `subject` and everything under it (`ID` also covers `ID/ks@NPSN`), newest
    /// `limit` of them, oldest first. The prefix is a range on the subject index, not a
    /// LIKE, because ids may contain `_`, which LIKE would treat as a wildcard.
    func history(subject: String, limit: Int?) throws -> [AuditRecord] {
        // '0' is the character after '/', so [subject + "/", subject + "0") is the prefix range.
        let sql = """
            SELECT * FROM audit
            WHERE subject = ? OR (subject >= ? AND subject < ?)
            ORDER BY id DESC LIMIT ?
            """
        let rows = try AuditRow.fetchAll(db, sql: sql, arguments: [subject, subject + "/", subject + "0", limit ?? -1])
        return rows.reversed().map(\.record)
    }

    func recentAudit(limit: Int) throws -> [AuditRecord] {
        let rows = try AuditRow.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
        return rows.reversed().map(\.record)
    }
}
