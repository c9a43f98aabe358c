import Foundation
import GRDB
import KinerjaCore

/// Package-internal doors for the tests (which do not link GRDB themselves): build a
/// database at an older schema, run raw SQL, and see how SQLite runs a query.
extension SQLiteStore {
    /// Creates a database at `path` migrated only up to `migration` (one of
    /// `knownMigrations`), as an older Kinerja would have left it.
    package static func createDatabase(at path: String, upTo migration: String) throws {
        let pool = try openPool(path: path)
        try SchemaMigrations.migrator.migrate(pool, upTo: migration)
        try pool.close()
    }

    /// Runs SQL on the file at `path` without migrating it (to shape old or odd databases).
    package static func executeRaw(at path: String, sql: String) throws {
        let pool = try openPool(path: path)
        try pool.writeWithoutTransaction { try $0.execute(sql: sql) }
        try pool.close()
    }

    /// The first column of every row `sql` returns, as text, from the file at `path`, without
    /// migrating it.
    package static func fetchTexts(at path: String, _ sql: String) throws -> [String?] {
        let pool = try openPool(path: path)
        defer { try? pool.close() }
        return try pool.read { try String?.fetchAll($0, sql: sql) }
    }

    /// Runs SQL in a write transaction of this store.
    package func executeRaw(_ sql: String) async throws {
        try await writing { try $0.db.execute(sql: sql) }
    }

    /// The first column of every row `sql` returns, as text.
    package func fetchTexts(_ sql: String) async throws -> [String?] {
        try await pool.read { try String?.fetchAll($0, sql: sql) }
    }

    /// SQLite's EXPLAIN QUERY PLAN of the listing `listing(_:)` runs, one step a line.
    package func explainListing(_ query: ListingQuery) async throws -> String {
        try await pool.read { db in try SQLiteTransaction(db: db).explainListing(query) }
    }

    /// The EXPLAIN QUERY PLAN of the query `dueDeliveries(at:limit:)` runs.
    package func explainDueDeliveries(at: Date, limit: Int) async throws -> String {
        try await explain(HookDeliverySQL.due, arguments: [at, limit])
    }

    /// The EXPLAIN QUERY PLAN of the query `reminders(matching:)` runs.
    package func explainReminders(matching query: ReminderQuery) async throws -> String {
        let (sql, arguments) = query.sql()
        return try await explain(sql, arguments: arguments)
    }

    /// The EXPLAIN QUERY PLAN of the plan counts of `statusFigures(cycle:on:)`.
    package func explainPlanCounts(cycle: CycleID, on today: LocalDate) async throws -> String {
        try await explain(SQLiteTransaction.planCounts, arguments: [today.description, cycle.description])
    }

    private func explain(_ sql: String, arguments: StatementArguments) async throws -> String {
        try await pool.read { db in try SQLiteTransaction.explain(sql, arguments: arguments, db) }
    }
}

extension SQLiteTransaction {
    static func explain(_ sql: String, arguments: StatementArguments, _ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
            .map { $0["detail"] as String }
            .joined(separator: "\n")
    }
}
