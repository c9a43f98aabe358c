import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup is a database that opens and holds everything")
    func backupHoldsData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Fixture.seededStore(in: directory)
        let id = Fixture.planID(Fixture.budi, Fixture.school1)
        let read = try #require(try await store.plan(id))
        let plan = try Fixture.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: "d3-visi-misi")), to: read.plan, on: "2025-01-10")
        try await store.savePlans(
            [Fixture.save(plan, over: read, action: "selesai praktik-kinerja")],
            record: nil, actor: Fixture.admin, at: Fixture.now)

        let target = directory.file("backup.sqlite")
        try await store.backup(to: target)
        // The live store goes on.
        _ = try await store.addSilence(personID: Fixture.budi.rawValue, npsn: nil, until: "2025-02-01", reason: "after the backup", actor: Fixture.admin, at: Fixture.now)

        let copy = try SQLiteStore(path: target)
        #expect(try await copy.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(try await copy.plan(id)?.plan == plan)
        #expect(try await copy.listing(ListingQuery(cycle: Fixture.cycle)).compactMap(\.plan).count == 4)
        for entry in Fixture.roster {
            #expect(try await copy.person(entry.person.id) == entry.person)
            #expect(try await copy.position(entry.position.key) == entry.position)
        }
        let audit = try await copy.recentAudit(limit: 100)
        let live = try await store.recentAudit(limit: 100)
        #expect(audit == Array(live.dropLast()))
        #expect(try await copy.silences(activeOn: nil, includeRemoved: true).isEmpty)
        try await copy.close()
        try await store.close()
    }

    @Test("a backup never overwrites a file")
    func refusesExistingTarget() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Fixture.seededStore(in: directory)
        let target = directory.file("taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        await #expect(throws: StoreError.backupExists(path: target)) {
            try await store.backup(to: target)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        try await store.close()
    }
}
