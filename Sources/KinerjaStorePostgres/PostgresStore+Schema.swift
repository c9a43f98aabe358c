import KinerjaStore
import PostgresNIO

extension PostgresStore {
    /// The identifiers of this code's migrations (the same as `SQLiteStore.knownMigrations`).
    public static var knownMigrations: [String] { PostgresMigrations.identifiers }

    public func schemaVersion() async throws -> [String] {
        try await reading { connection, logger in
            try await PostgresStore.applied(connection, logger)
        }
    }

    /// Bytes the database takes on the server.
    public func size() async throws -> Int64 {
        try await reading { connection, logger in
            let rows = try await connection.query("SELECT pg_database_size(current_database())", logger: logger)
            for try await size in rows.decode(Int64.self) { return size }
            return 0
        }
    }

    /// Applies the migrations the database lacks, each in its own transaction, all under one
    /// advisory lock; refuses a database with migrations this code does not know.
    func migrate() async throws {
        let location = location
        try await bounded(limit: PostgresStore.migrationLimit) { [client, logger] in
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(\(PostgresMigrations.lockKey))", logger: logger)
                do {
                    try await PostgresStore.migrate(connection, logger, location: location)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(\(PostgresMigrations.lockKey))", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(\(PostgresMigrations.lockKey))", logger: logger)
            }
        }
    }

    private static func migrate(_ connection: PostgresConnection, _ logger: Logger, location: String) async throws {
        // Text sorts and compares byte by byte, as in SQLite: the order of every list, and
        // the audit's subject ranges, depend on it.
        let collation = try await connection.query(
            "SELECT datcollate::text FROM pg_database WHERE datname = current_database()", logger: logger)
        for try await name in collation.decode(String.self) where !["C", "POSIX", "C.UTF-8", "C.utf8"].contains(name) {
            throw StoreError.cannotOpen(
                path: location,
                reason: "its collation is \(name), not C: create the database with createdb --locale=C.UTF-8 --template=template0, then copy the store into it with kinerjad --copy-store")
        }
        try await connection.query(PostgresQuery(unsafeSQL: PostgresMigrations.trackingTable), logger: logger)
        let applied = try await applied(connection, logger)
        let unknown = Set(applied).subtracting(PostgresMigrations.identifiers)
        if !unknown.isEmpty { throw StoreError.newerSchema(path: location, unknownMigrations: unknown.sorted()) }
        for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
            try await transaction(connection, logger) {
                // One statement of PL/pgSQL: the extended protocol runs one statement a query.
                try await connection.query(
                    PostgresQuery(unsafeSQL: "DO $migration$ BEGIN \(migration.sql) END $migration$"), logger: logger)
                try await connection.query("INSERT INTO grdb_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
            }
        }
    }

    /// The applied migrations, in the order they were applied (this code's order).
    private static func applied(_ connection: PostgresConnection, _ logger: Logger) async throws -> [String] {
        let rows = try await connection.query("SELECT identifier FROM grdb_migrations", logger: logger)
        var identifiers: Set<String> = []
        for try await identifier in rows.decode(String.self) { identifiers.insert(identifier) }
        let known = PostgresMigrations.identifiers.filter(identifiers.contains)
        return known + identifiers.subtracting(known).sorted()
    }
}
