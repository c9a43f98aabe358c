import Foundation
import GRDB

extension SQLiteTransaction {
    @discardableResult
    func appendAudit(
        action: String, subject: String, before: String?, after: String?, actor: AuditActor, at: Date
    ) throws -> AuditRecord {
        var rows = try AuditRows(db, actor: actor, at: at)
        let id = try rows.append(action: action, subject: subject, before: before, after: after)
        return AuditRecord(id: id, at: at, actor: actor, action: action, subject: subject, before: before, after: after)
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

/// The audit rows one transaction appends for one actor at one instant, by one prepared
/// statement: an import appends one per person, position or plan it changed.
package struct AuditRows {
    private let db: Database
    private var insert: RowStatement
    private let at: String, uid: Int64, user: String

    init(_ db: Database, actor: AuditActor, at: Date) throws {
        self.db = db
        insert = try RowStatement(db, "INSERT INTO audit (at, uid, user, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
        self.at = StoreTime.text(at)
        uid = Int64(actor.uid)
        user = actor.user
    }

    /// Appends a row; returns its id.
    @discardableResult
    mutating func append(action: String, subject: String, before: String?, after: String?) throws -> Int64 {
        let (at, uid, user) = (at, uid, user)
        try insert.execute { v in
            v.add(at, uid, user, action, subject, before, after)
        }
        return db.lastInsertedRowID
    }

    /// Appends the row of an import: its kind, its file's SHA-256, the file's counts and
    /// what applying it changed (`changes`, beside them); returns its id, which each row the
    /// import adds or changes names.
    mutating func appendImport(_ record: ImportRecord, changes: KeyValuePairs<String, Int>) throws -> Int64 {
        let row = AuditRows.importRow(record, changes: changes)
        return try append(action: row.action, subject: row.subject, before: nil, after: row.after)
    }

    /// The action, subject and `after` of an import's audit row (every adapter writes it so).
    package static func importRow(_ record: ImportRecord, changes: KeyValuePairs<String, Int>) -> (action: String, subject: String, after: String) {
        var counts = record.counts
        for (key, value) in changes { counts[key] = value }
        return ("\(record.kind) import", "import/\(record.kind)", AuditJSON.counts(counts, extra: [("sha256", record.sha256)]))
    }
}
