import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Persistence")
struct PersistenceTests {
    @Test("everything written is found again after the store is closed and reopened")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        let started = LocalDate(year: 2025, month: 1, day: 10)!
        var written: Plan
        var auditCount = 0
        do {
            let store = try Fixture.seededStore(in: directory)
            let id = Fixture.planID(Fixture.budi, Fixture.school1)
            written = try Fixture.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: "visi-misi")), to: #require(try store.plan(id)), on: started)
            try store.savePlan(written, due: Fixture.due(written), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
            auditCount = try store.recentAudit(limit: 1000).count
            try store.close()
        }

        let store = try SQLiteStore(path: path)
        #expect(store.schemaVersion() == SQLiteStore.knownMigrations)
        for entry in Fixture.roster {
            #expect(try store.person(entry.person.id) == entry.person)
            #expect(try store.position(entry.position.key) == entry.position)
        }
        #expect(try store.positions(of: Fixture.budi).map(\.key.npsn) == [Fixture.school1, Fixture.school3])
        let plans = try store.plans(matching: PlanQuery(cycle: Fixture.cycle))
        #expect(plans.count == 4)
        let reread = try #require(try store.storedPlan(written.id))
        #expect(reread.plan == written)
        #expect(reread.due == Fixture.due(written))
        let audit = try store.recentAudit(limit: 1000)
        #expect(audit.count == auditCount)
        // 3 persons + 4 positions added, 1 "plans created", 1 transition.
        #expect(audit.count == 9)
        #expect(audit.last?.action == "selesai praktik-kinerja")
        #expect(audit.last?.at == Fixture.now)
        #expect(audit.last?.actor == Fixture.admin)
        #expect(try store.fileSize() > 0)
    }

    @Test("a missing file is created and migrated to the newest schema")
    func createsFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("new.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(store.path == path)
        #expect(store.schemaVersion() == ["v1-roster-audit", "v2-plans", "v3-sekolah-binaan", "v4-reminders", "v5-status-indexes"])
        #expect(try store.fetchTexts("PRAGMA journal_mode") == ["wal"])
        // 2 = FULL, on the reader connections too.
        #expect(try store.fetchTexts("PRAGMA synchronous") == ["2"])
        #expect(try store.fetchTexts("PRAGMA foreign_keys") == ["1"])
    }

    @Test("a directory that does not exist is a clear error")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("no/such/dir/kinerja.sqlite")
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(let reported, _)? = error as? StoreError else { return false }
            return reported == path && "\(error)".contains("directory exists")
        }
    }
}
