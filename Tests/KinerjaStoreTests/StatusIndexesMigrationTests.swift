import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Schema migration 5: the status indexes")
struct StatusIndexesMigrationTests {
    @Test("a database left at migration 4 gains the indexes, keeps its data, and counts the same")
    func upgradeFromV4() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("v4.sqlite")
        try SQLiteStore.createDatabase(at: path, upTo: "v4-reminders")
        // A roster written at migration 4.
        try SQLiteStore.executeRaw(at: path, sql: Fixture.principalAtMigration3)
        var store = try SQLiteStore(path: path)
        #expect(try store.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.daemon, at: Fixture.now) == 1)
        try store.close()
        // Back to migration 4 (its tables are unchanged by 5), so that 5 runs over real rows.
        try SQLiteStore.executeRaw(at: path, sql: """
            DELETE FROM grdb_migrations WHERE identifier = 'v5-status-indexes';
            DROP INDEX plan_by_cycle_blocked_due; DROP INDEX position_by_active_role; DROP INDEX person_by_active;
            """)

        store = try SQLiteStore(path: path)
        #expect(store.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(SQLiteStore.knownMigrations.contains("v5-status-indexes"))
        let indexes = try store.fetchTexts("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").compactMap { $0 }
        #expect(Set(["plan_by_cycle_blocked_due", "position_by_active_role", "person_by_active"]).isSubset(of: indexes))
        let counts = try store.counts(cycle: Fixture.cycle, overdueOn: Fixture.today)
        #expect(counts.activePeople == 1)
        #expect(counts.plans == 1)
        #expect(counts.overdue == 1)
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle)).count == 1)
        try store.close()
    }

    @Test("the overdue count reads the covering index, not the plan rows")
    func overdueCountUsesCoveringIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let plan = try store.explainOverdueCount(cycle: Fixture.cycle, overdueOn: Fixture.today)
        #expect(plan.contains("USING COVERING INDEX plan_by_cycle_blocked_due"), "\(plan)")
    }
}
