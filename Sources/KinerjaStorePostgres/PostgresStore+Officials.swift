import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// The officials the roster names by id: added or updated, never removed.
extension PostgresStore {
    /// What a dry run found, carried out of its transaction, which it rolls back.
    struct DryRun<Summary: Sendable>: Error {
        let summary: Summary
    }

    public func applyOfficials(_ officials: [Official], dryRun: Bool, record: ImportRecord, actor: AuditActor, at: Date) async throws -> OfficialsSummary {
        do {
            return try await writing([.roster, .audit]) { connection, logger in
                let summary = try await PostgresStore.applyOfficials(connection, logger, officials, record: record, actor: actor, at: at)
                if dryRun { throw DryRun(summary: summary) }
                return summary
            }
        } catch let dry as DryRun<OfficialsSummary> {
            return dry.summary
        }
    }

    /// Upserts the added and changed officials (`OfficialChanges`), each with its audit row,
    /// after the import's; those the file leaves out stay.
    private static func applyOfficials(
        _ connection: PostgresConnection, _ logger: Logger, _ officials: [Official], record: ImportRecord, actor: AuditActor, at: Date
    ) async throws -> OfficialsSummary {
        let plan = OfficialChanges(officials, stored: try await readOfficials(connection, logger, ids: nil))
        let importID = try await appendImport(connection, logger, record, changes: plan.counts, actor: actor, at: at)
        for (official, old) in plan.changes {
            try await connection.query("""
                INSERT INTO official (id, nama, jabatan, email, telepon, updated_at)
                VALUES (\(official.id.rawValue), \(official.nama), \(official.jabatan), \(official.email), \(official.telepon), \(at))
                ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, jabatan = excluded.jabatan, email = excluded.email,
                    telepon = excluded.telepon, updated_at = excluded.updated_at
                """, logger: logger)
            let row = OfficialChanges.audit(official, old: old, importID: importID)
            try await appendAudit(
                connection, logger, action: row.action, subject: official.id.rawValue, before: row.fields.beforeJSON,
                after: row.fields.afterJSON, actor: actor, at: at)
        }
        return plan.summary
    }

    public func officials() async throws -> [Official] {
        try await reading { connection, logger in try await PostgresStore.readOfficials(connection, logger, ids: nil) }
    }

    public func officials(_ ids: Set<PersonID>) async throws -> [PersonID: Official] {
        let list = ids.map(\.rawValue)
        return try await reading { connection, logger in
            var found: [PersonID: Official] = [:]
            for official in try await PostgresStore.readOfficials(connection, logger, ids: list) { found[official.id] = official }
            return found
        }
    }

    /// The officials of `ids` (every one when nil), by id.
    private static func readOfficials(_ connection: PostgresConnection, _ logger: Logger, ids: [String]?) async throws -> [Official] {
        let rows = try await connection.query("""
            SELECT id, nama, jabatan, email, telepon FROM official WHERE \(ids == nil) OR id = ANY(\(ids ?? [])) ORDER BY id
            """, logger: logger)
        var officials: [Official] = []
        for try await (id, nama, jabatan, email, telepon) in rows.decode((String, String, String, String?, String?).self) {
            officials.append(Official(id: PersonID(trusted: id), nama: nama, jabatan: jabatan, email: email, telepon: telepon))
        }
        return officials
    }
}
