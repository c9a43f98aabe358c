import Foundation
import KinerjaStore
import PostgresNIO

/// The audit history: appended in the transaction of the change it records, never changed.
extension PostgresStore {
    static let auditColumns = "id, at, uid, \"user\", action, subject, before, after"

    /// Appends one audit row; returns its id.
    @discardableResult
    static func appendAudit(
        _ connection: PostgresConnection, _ logger: Logger, action: String, subject: String, before: String?, after: String?,
        actor: AuditActor, at: Date
    ) async throws -> Int64 {
        let rows = try await connection.query("""
            INSERT INTO audit (at, uid, "user", action, subject, before, after)
            VALUES (\(at), \(Int64(actor.uid)), \(actor.user), \(action), \(subject), \(before), \(after)) RETURNING id
            """, logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw StoreError.damagedRow(table: "audit", key: subject, reason: "the insert returned no id")
    }

    /// Appends an import's audit row (`AuditRows.importRow`); returns its id.
    static func appendImport(
        _ connection: PostgresConnection, _ logger: Logger, _ record: ImportRecord, changes: KeyValuePairs<String, Int>, actor: AuditActor, at: Date
    ) async throws -> Int64 {
        let row = AuditRows.importRow(record, changes: changes)
        return try await appendAudit(connection, logger, action: row.action, subject: row.subject, before: nil, after: row.after, actor: actor, at: at)
    }

    /// Rows about `subject` and everything under it (`ID` also covers `ID/ks@NPSN`), the
    /// newest `limit`, oldest first; a range rather than LIKE, since ids may hold `_`.
    public func history(subject: String, limit: Int?) async throws -> [AuditRecord] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresStore.auditColumns) FROM audit
                WHERE subject = \(subject) OR (subject >= \(subject + "/") AND subject < \(subject + "0"))
                ORDER BY id DESC LIMIT \(limit)
                """, logger: logger)
            return try await PostgresStore.decodeAudit(rows).reversed()
        }
    }

    public func recentAudit(limit: Int) async throws -> [AuditRecord] {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT \(unescaped: PostgresStore.auditColumns) FROM audit ORDER BY id DESC LIMIT \(limit)", logger: logger)
            return try await PostgresStore.decodeAudit(rows).reversed()
        }
    }

    static func decodeAudit(_ rows: PostgresRowSequence) async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        for try await (id, at, uid, user, action, subject, before, after) in rows.decode((Int64, Date, Int64, String, String, String, String?, String?).self) {
            records.append(AuditRecord(
                id: id, at: at, actor: AuditActor(uid: UInt32(truncatingIfNeeded: uid), user: user), action: action, subject: subject,
                before: before, after: after))
        }
        return records
    }
}
