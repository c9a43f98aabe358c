import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import Testing

@Suite("Schema migrations")
struct MigrationTests {
    @Test("a database left at migration 1 is migrated at open and keeps its data")
    func upgradeFromV1() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("old.sqlite")
        try SQLiteStore.createDatabase(at: path, upTo: "v1-roster-audit")
        // Rows as the first release wrote them.
        try SQLiteStore.executeRaw(at: path, sql: """
            INSERT INTO person (id, nama, kepegawaian, active, updated_at)
            VALUES ('197204041998031002', 'Agus Wijaya', 'pns', 1, '2024-07-01 01:00:00.000');
            INSERT INTO position (person_id, role, npsn, jabatan, atasan_id, tim_kinerja, pejabat_penilai_id,
                                  sekolah_binaan, active, updated_at)
            VALUES ('197204041998031002', 'pengawas_sekolah', '', 'definitif', '196905101995121001',
                    '["196905101995121001"]', '196905101995121001', '["20100001","20100002"]', 1,
                    '2024-07-01 01:00:00.000');
            INSERT INTO audit (at, uid, user, action, subject, before, after)
            VALUES ('2024-07-01 01:00:00.000', 0, 'root', 'person added', '197204041998031002', NULL, '{}');
            """)

        let store = try SQLiteStore(path: path)
        #expect(try await store.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(try await store.person(Fixture.agus) == Person(id: Fixture.agus, nama: "Agus Wijaya", kepegawaian: .pns))
        let position = try #require(try await store.position(PositionKey(personID: Fixture.agus, role: .pengawasSekolah, npsn: nil)))
        #expect(position.sekolahBinaan == [Fixture.school1, Fixture.school2])
        #expect(position.timKinerja == [Fixture.kadis])
        // Migration 3 filled the sekolah binaan rows from the JSON lists.
        #expect(try await store.listing(ListingQuery(cycle: Fixture.cycle, sekolahBinaan: Fixture.school2)).map(\.position.key) == [position.key])
        #expect(try await store.listing(ListingQuery(cycle: Fixture.cycle, sekolahBinaan: Fixture.school3)).isEmpty)
        let history = try await store.history(subject: Fixture.agus.rawValue, limit: nil)
        #expect(history.map(\.action) == ["person added"])
        #expect(history.first?.actor == AuditActor(uid: 0, user: "root"))
        // The plan tables work: plans can be created for the old roster.
        #expect(try await store.ensurePlans(Fixture.creation, actor: Fixture.daemon, at: Fixture.now) == 1)
        try await store.close()
    }

    @Test("a database with migrations this code does not know is refused, naming them")
    func newerSchemaRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("newer.sqlite")
        do {
            let store = try await Fixture.seededStore(in: directory)
            #expect(store.location == directory.file("kinerja.sqlite"))
            try await store.backup(to: path)
            try await store.close()
        }
        try SQLiteStore.executeRaw(at: path, sql: """
            INSERT INTO grdb_migrations (identifier) VALUES ('v4-reminder-log'), ('v5-hooks');
            """)
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v4-reminder-log", "v5-hooks"])) {
            _ = try SQLiteStore(path: path)
        }
        let error = StoreError.newerSchema(path: path, unknownMigrations: ["v4-reminder-log", "v5-hooks"])
        #expect(error.description == "the database at \(path) was written by a newer Kinerja (migrations v4-reminder-log, v5-hooks); use that version or restore a backup")
    }

    @Test("a file that is not a SQLite database is refused and left untouched")
    func garbageRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("garbage.sqlite")
        let garbage = Data(String(repeating: "this is not a database, it is a spreadsheet export\n", count: 100).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.unreadable(let reported, _)? = error as? StoreError else { return false }
            let text = "\(error)"
            return reported == path && text.contains("restore a backup made with kinerjactl backup")
                && text.contains("the damaged file was left untouched")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a database whose pages were overwritten is refused as unreadable")
    func corruptRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("corrupt.sqlite")
        do {
            let store = try await Fixture.seededStore(in: directory)
            try await store.backup(to: path)
            try await store.close()
        }
        // Keep the 100-byte header, destroy the schema on page 1 and what follows.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8_000))
        try handle.close()
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            if case StoreError.unreadable? = error as? StoreError { return true }
            return false
        }
    }
}
