import Foundation
import GRDB
import KinerjaStore
import KinerjaTestPostgres
import Testing
@testable import KinerjaStorePostgres

/// Both adapters hold one schema: the same migrations by the same names, and after them the
/// same tables, columns and indexes, so that a store copied from one to the other, and any
/// reader of either, finds what it expects.
@Suite("PostgreSQL and SQLite stores: one schema")
struct SchemaParityTests {
    @Test("the two adapters know the same migrations, in the same order")
    func migrations() {
        #expect(PostgresStore.knownMigrations == SQLiteStore.knownMigrations)
    }

    @Test("a migrated PostgreSQL database has the tables, columns and indexes of a migrated SQLite file")
    func tablesAndColumns() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-parity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sqlite = try SQLiteStore(path: "\(directory)/kinerja.sqlite")
        try await sqlite.close()
        let file = try DatabaseQueue(path: "\(directory)/kinerja.sqlite")
        let (sqliteColumns, sqliteIndexes) = try await file.read { db in
            (
                Set(try String.fetchAll(db, sql: """
                    SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                    """)),
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
            )
        }
        try await file.close()

        let store = try await makePostgresStore()
        let database = store.url.database
        try await store.close()
        let server = try await ThrowawayPostgres.server()
        let postgresColumns = Set(try await server.psql(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'",
            database: database).split(separator: "\n").map(String.init))
        let postgresIndexes = Set(try await server.psql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'",
            database: database).split(separator: "\n").map(String.init))

        #expect(sqliteColumns.count > 100)
        #expect(postgresColumns.subtracting(sqliteColumns).sorted() == [], "only on PostgreSQL")
        #expect(sqliteColumns.subtracting(postgresColumns).sorted() == [], "only on SQLite")
        #expect(postgresIndexes.subtracting(sqliteIndexes).sorted() == [], "indexes only on PostgreSQL")
        #expect(sqliteIndexes.subtracting(postgresIndexes).sorted() == [], "indexes only on SQLite")
    }

    @Test("opening a migrated database again applies nothing, and two daemons migrating at once agree")
    func migratingTwice() async throws {
        let url = try #require(PostgresStoreURL(try await ThrowawayPostgres.server().makeDatabase()))
        async let a = PostgresStore.open(url: url)
        async let b = PostgresStore.open(url: url)
        let (first, second) = try await (a, b)
        #expect(try await first.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(try await second.schemaVersion() == SQLiteStore.knownMigrations)
        try await first.close()
        try await second.close()
        let again = try await PostgresStore.open(url: url)
        #expect(try await again.schemaVersion() == SQLiteStore.knownMigrations)
        try await again.close()
    }

    @Test("a database migrated by a newer Kinerja is refused, unchanged")
    func newerSchema() async throws {
        let url = try #require(PostgresStoreURL(try await ThrowawayPostgres.server().makeDatabase()))
        try await PostgresStore.open(url: url).close()
        try await ThrowawayPostgres.server().psql("INSERT INTO grdb_migrations VALUES ('v99-future')", database: url.database)
        await #expect(throws: StoreError.newerSchema(path: url.description, unknownMigrations: ["v99-future"])) {
            try await PostgresStore.open(url: url)
        }
    }
}
