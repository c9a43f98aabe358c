import Foundation
import GRDB
import KinerjaCore

/// Package-internal doors for the tests (which do not link GRDB themselves): build a
/// database at an older schema, run raw SQL, and see how SQLite runs a plan query.
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

    /// Runs SQL in a write transaction of this store.
    package func executeRaw(_ sql: String) throws {
        try writing { tx in
            tx.effects?.everythingChanged()
            try tx.db.execute(sql: sql)
        }
    }

    /// The first column of every row `sql` returns, as text.
    package func fetchTexts(_ sql: String) throws -> [String?] {
        try pool.read { try String?.fetchAll($0, sql: sql) }
    }

    /// SQLite's EXPLAIN QUERY PLAN of the query `plans(matching:)` runs, one step a line.
    package func explainPlans(matching query: PlanQuery) throws -> String {
        let (sql, arguments) = query.sql()
        return try pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                .map { $0["detail"] as String }
                .joined(separator: "\n")
        }
    }

    /// The EXPLAIN QUERY PLAN of the query `dueDeliveries(at:limit:)` runs.
    package func explainDueDeliveries(at: Date, limit: Int) throws -> String {
        try explain(HookDeliverySQL.due, arguments: [at, limit])
    }

    /// The EXPLAIN QUERY PLAN of the query `reminders(matching:)` runs.
    package func explainReminders(matching query: ReminderQuery) throws -> String {
        let (sql, arguments) = query.sql()
        return try explain(sql, arguments: arguments)
    }

    /// The EXPLAIN QUERY PLAN of the overdue count of `counts(cycle:overdueOn:)`.
    package func explainOverdueCount(cycle: CycleID, overdueOn: LocalDate) throws -> String {
        try explain(SQLiteTransaction.overdueCount, arguments: [cycle.description, overdueOn.description])
    }

    private func explain(_ sql: String, arguments: StatementArguments) throws -> String {
        try pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                .map { $0["detail"] as String }
                .joined(separator: "\n")
        }
    }
}
