import Foundation
import GRDB
import KinerjaStore
import Logging
import PostgresNIO

/// Copies a whole store between a SQLite file and a PostgreSQL database, either way
/// (`kinerjad --copy-store FROM TO`, and a PostgreSQL store's `backup`): every table's rows
/// as they are, ids and history included, into a target that must be empty, then the rows
/// of each table counted on both sides. Both stores are migrated to this code's schema
/// first, which `SchemaParityTests` holds the same on both.
///
/// Rows travel as JSON, a batch per statement: each database turns its own types into JSON
/// and back (SQLite's 0/1 and UTC text instants, PostgreSQL's booleans and `timestamptz`).
public enum StoreCopy {
    /// Every table, parents before the tables that refer to them. A new table is added here
    /// (a test fails while one is missing).
    public static let tables = [
        "person", "position", "sekolah_binaan", "official", "precondition", "plan", "plan_step", "plan_rhk", "plan_perilaku", "plan_sekolah",
        "plan_refleksi", "plan_block", "plan_revision", "reminder_log", "hook_delivery", "silence", "acknowledgement",
        "scheduler_state", "audit", "daemon_heartbeat",
    ]

    /// Rows per statement.
    static let batch = 2000

    /// How many rows each table held, copied and counted on both sides.
    public typealias Counts = [(table: String, rows: Int)]

    /// Why a copy was refused or did not match.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case targetNotEmpty(target: String, table: String, rows: Int)
        case countsDiffer(table: String, source: Int, target: Int)

        public var description: String {
            switch self {
            case .targetNotEmpty(let target, let table, let rows):
                return "\(target) is not empty (\(table) has \(rows) rows): a copy goes into an empty store only; create a new database or file"
            case .countsDiffer(let table, let source, let target):
                return "the copy of \(table) has \(target) rows, the source \(source): the target is incomplete, drop it and copy again"
            }
        }
    }

    /// SQLite file → PostgreSQL database (`postgres` open on an empty, migrated database).
    public static func copy(sqlite path: String, to postgres: PostgresStore) async throws -> Counts {
        try await SQLiteStore(path: path).close()
        let source = try DatabaseQueue(path: path, configuration: readOnly())
        defer { try? source.close() }
        let columns = try await postgres.columnTypes()
        try await postgres.requireEmpty()
        var counts: Counts = []
        try await postgres.writing(.everything, limit: PostgresStore.copyLimit) { connection, logger in
            try await connection.query("SET LOCAL TimeZone = 'UTC'", logger: logger)
            for table in tables {
                let names = columns[table] ?? []
                let key = try await source.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table])
                }.map { "\"\($0)\"" }.joined(separator: ", ")
                var offset = 0
                while true {
                    let start = offset
                    let rows = try await source.read { db in
                        try String.fetchAll(db, sql: """
                            SELECT json_object(\(names.map { "'\($0.name)', \"\($0.name)\"" }.joined(separator: ", "))) FROM "\(table)"
                            ORDER BY \(key) LIMIT \(batch) OFFSET \(start)
                            """)
                    }
                    guard !rows.isEmpty else { break }
                    offset += rows.count
                    let values = names.map { PostgresStore.fromJSON($0.name, type: $0.type) }.joined(separator: ", ")
                    var binds = PostgresBindings()
                    binds.append("[" + rows.joined(separator: ",") + "]")
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        INSERT INTO "\(table)" (\(names.map { "\"\($0.name)\"" }.joined(separator: ", ")))
                        SELECT \(values) FROM json_array_elements($1::json) AS r
                        """, binds: binds), logger: logger)
                }
            }
            // Identities continue after the copied ids.
            for (table, column) in [("audit", "id"), ("silence", "id"), ("plan", "id")] {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max(\(column)), 0) + 1, false) FROM \(table)
                    """), logger: logger)
            }
        }
        for table in tables {
            let source = try await source.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
            let target = try await postgres.rowCount(table)
            guard source == target else { throw Failure.countsDiffer(table: table, source: source, target: target) }
            counts.append((table, source))
        }
        return counts
    }

    /// PostgreSQL database → a new SQLite file at `path` (which must not exist or be empty).
    public static func copy(_ postgres: PostgresStore, toSQLite path: String) async throws -> Counts {
        try await SQLiteStore(path: path).close()
        let target = try DatabaseQueue(path: path)
        defer { try? target.close() }
        for table in tables {
            let rows = try await target.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
            if rows > 0 { throw Failure.targetNotEmpty(target: path, table: table, rows: rows) }
        }
        let columns = try await postgres.columnTypes()
        // One snapshot of the source for every table.
        try await postgres.snapshot(limit: PostgresStore.copyLimit) { connection, logger in
            for table in tables {
                let names = columns[table] ?? []
                let json = names.map { "'\($0.name)', \(PostgresStore.toJSON($0.name, type: $0.type))" }.joined(separator: ", ")
                var offset = 0
                while true {
                    let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT json_build_object(\(json))::text FROM "\(table)" t ORDER BY ctid LIMIT \(batch) OFFSET \(offset)
                        """), logger: logger)
                    var texts: [String] = []
                    for try await text in rows.decode(String.self) { texts.append(text) }
                    guard !texts.isEmpty else { break }
                    offset += texts.count
                    let array = "[" + texts.joined(separator: ",") + "]"
                    try await target.write { db in
                        try db.execute(sql: """
                            INSERT INTO "\(table)" (\(names.map { "\"\($0.name)\"" }.joined(separator: ", ")))
                            SELECT \(names.map { "json_extract(value, '$.\($0.name)')" }.joined(separator: ", ")) FROM json_each(?)
                            """, arguments: [array])
                    }
                }
            }
        }
        var counts: Counts = []
        for table in tables {
            let source = try await postgres.rowCount(table)
            let copied = try await target.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
            guard source == copied else { throw Failure.countsDiffer(table: table, source: source, target: copied) }
            counts.append((table, source))
        }
        return counts
    }

    private static func readOnly() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}

extension PostgresStore {
    /// Each table's columns and their PostgreSQL types, in table order.
    func columnTypes() async throws -> [String: [(name: String, type: String)]] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
                """, logger: logger)
            var columns: [String: [(name: String, type: String)]] = [:]
            for try await (table, column, type) in rows.decode((String, String, String).self) { columns[table, default: []].append((column, type)) }
            return columns
        }
    }

    func rowCount(_ table: String) async throws -> Int {
        try await reading { connection, logger in
            for try await n in try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(table)\""), logger: logger).decode(Int.self) {
                return n
            }
            return 0
        }
    }

    /// `StoreCopy.Failure.targetNotEmpty` unless every table is empty.
    func requireEmpty() async throws {
        for table in StoreCopy.tables {
            let rows = try await rowCount(table)
            if rows > 0 { throw StoreCopy.Failure.targetNotEmpty(target: location, table: table, rows: rows) }
        }
    }

    /// A column's value from a SQLite row's JSON `r` (SQLite's booleans are 0/1, its
    /// instants UTC text).
    static func fromJSON(_ column: String, type: String) -> String {
        let text = "(r->>'\(column)')"
        switch type {
        case "boolean": return "\(text)::int <> 0"
        case "bigint": return "\(text)::bigint"
        case "timestamp with time zone": return "(\(text) || '+00')::timestamptz"
        default: return text
        }
    }

    /// A column as SQLite keeps it, for JSON (booleans 0/1, instants UTC text to the millisecond).
    static func toJSON(_ column: String, type: String) -> String {
        switch type {
        case "boolean": return "t.\"\(column)\"::int"
        case "timestamp with time zone": return "to_char(t.\"\(column)\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')"
        default: return "t.\"\(column)\""
        }
    }

    /// Writes the whole store into a new SQLite file at `path` (`StoreCopy`), from one
    /// snapshot: a backup an office can open with any SQLite store, or copy back.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupExists(path: path) }
        do {
            _ = try await StoreCopy.copy(self, toSQLite: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
