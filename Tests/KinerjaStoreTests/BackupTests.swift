import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup is a database that opens and holds everything")
    func backupHoldsData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let id = Fixture.planID(Fixture.budi, Fixture.school1)
        let plan = try Fixture.apply(.complete(.praktikKinerja, .none), to: #require(try store.plan(id)), on: LocalDate("2025-01-10")!)
        try store.savePlan(plan, due: Fixture.due(plan), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)

        let target = directory.file("backup.sqlite")
        try store.backup(to: target)
        // The live store goes on.
        _ = try store.appendAudit(action: "after backup", subject: "test", before: nil, after: nil, actor: Fixture.admin, at: Fixture.now)

        let copy = try SQLiteStore(path: target)
        #expect(copy.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(try copy.plan(id) == plan)
        #expect(try copy.plans(matching: PlanQuery(cycle: Fixture.cycle)).count == 4)
        for entry in Fixture.roster {
            #expect(try copy.person(entry.person.id) == entry.person)
            #expect(try copy.position(entry.position.key) == entry.position)
        }
        let audit = try copy.recentAudit(limit: 100)
        let live = try store.recentAudit(limit: 100)
        #expect(audit == Array(live.dropLast()))
        #expect(!audit.contains { $0.action == "after backup" })
    }

    @Test("a backup never overwrites a file")
    func refusesExistingTarget() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let target = directory.file("taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: StoreError.backupExists(path: target)) {
            try store.backup(to: target)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }
}
