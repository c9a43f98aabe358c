import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import Testing

@Suite("Persistence")
struct PersistenceTests {
    @Test("everything written is found again after the store is closed and reopened")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        let id = Fixture.planID(Fixture.budi, Fixture.school1)
        var written: Plan
        var auditCount = 0
        do {
            let store = try await Fixture.seededStore(in: directory)
            let read = try #require(try await store.plan(id))
            written = try Fixture.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: "visi-misi")), to: read.plan, on: "2025-01-10")
            try await store.savePlans(
                [Fixture.save(written, over: read, action: "selesai praktik-kinerja")],
                record: nil, actor: Fixture.admin, at: Fixture.now)
            auditCount = try await store.recentAudit(limit: 1000).count
            try await store.close()
        }
        // Closing checkpointed the write-ahead log empty: the file alone is the whole store.
        #expect(((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0) == 0)

        let store = try SQLiteStore(path: path)
        #expect(try await store.schemaVersion() == SQLiteStore.knownMigrations)
        for entry in Fixture.roster {
            #expect(try await store.person(entry.person.id) == entry.person)
            #expect(try await store.position(entry.position.key) == entry.position)
        }
        #expect(try await store.plan(id) == StoredPlan(plan: written, version: 2))
        let audit = try await store.recentAudit(limit: 1000)
        // The import, 3 persons + 4 positions added, 1 "plans created", 1 transition.
        #expect(audit.count == auditCount && audit.count == 10)
        #expect(audit.last?.action == "selesai praktik-kinerja")
        #expect(audit.last?.at == Fixture.now)
        #expect(audit.last?.actor == Fixture.admin)
        #expect(try await store.size() > 0)
        try await store.close()
    }

    @Test("a missing file is created and migrated to the newest schema, WAL, synchronous FULL, foreign keys on")
    func createsFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("new.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(store.location == path)
        #expect(try await store.schemaVersion() == [
            "v1-roster-audit", "v2-plans", "v3-sekolah-binaan", "v4-reminders", "v5-status-indexes", "v6-plan-closure", "v7-relational-plans", "v8-contacts-officials-relief",
            "v9-penilaian-predikat", "v10-preconditions", "v11-claims-heartbeats",
        ])
        #expect(try await store.fetchTexts("PRAGMA journal_mode") == ["wal"])
        // 2 = FULL, on the reader connections too.
        #expect(try await store.fetchTexts("PRAGMA synchronous") == ["2"])
        #expect(try await store.fetchTexts("PRAGMA foreign_keys") == ["1"])
        try await store.close()
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
