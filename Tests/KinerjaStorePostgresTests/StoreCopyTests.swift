import Foundation
import GRDB
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import KinerjaTestPostgres
import Testing
@testable import KinerjaStorePostgres

/// A store moves between SQLite and PostgreSQL whole, and only into an empty target.
@Suite("Copying a store between SQLite and PostgreSQL")
struct StoreCopyTests {
    @Test("every table is in the copy list, in an order the foreign keys accept")
    func everyTable() async throws {
        let store = try await makePostgresStore()
        let tables = Set(try await store.columnTypes().keys)
        try await store.close()
        #expect(tables.subtracting(["grdb_migrations"]) == Set(StoreCopy.tables))
    }

    @Test("SQLite → PostgreSQL → SQLite keeps every row, the counts verified; a non-empty target is refused")
    func roundTrip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-copy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = "\(directory)/source.sqlite"
        let sqlite = try SQLiteStore(path: source)
        try await District.seed(sqlite)
        _ = try await sqlite.addSilence(personID: District.budi.rawValue, npsn: nil, until: "2025-03-01", reason: "cuti", actor: District.admin, at: District.now)
        _ = try await sqlite.acknowledge(reminderID: "\(District.planID(District.budi, District.school1))|praktik-kinerja|2025-01-31|due|0|x", actor: District.admin, at: District.now)
        try await sqlite.advanceSchedulerCheckpoint(to: District.now)
        let before = try await sqlite.listing(ListingQuery(cycle: District.cycle, activeOnly: false))
        let history = try await sqlite.recentAudit(limit: 1000)
        try await sqlite.close()

        let postgres = try await makePostgresStore()
        let counts = try await StoreCopy.copy(sqlite: source, to: postgres)
        #expect(counts.map(\.table) == StoreCopy.tables)
        #expect(counts.first { $0.table == "plan" }?.rows == before.compactMap(\.plan).count)
        #expect(try await postgres.listing(ListingQuery(cycle: District.cycle, activeOnly: false)) == before)
        #expect(try await postgres.recentAudit(limit: 1000) == history)
        #expect(try await postgres.schedulerCheckpoint() == District.now)
        await #expect(throws: StoreCopy.Failure.self) { try await StoreCopy.copy(sqlite: source, to: postgres) }
        // Ids go on after the copied ones.
        let silence = try await postgres.addSilence(personID: nil, npsn: District.school2.rawValue, until: "2025-03-01", reason: "banjir", actor: District.admin, at: District.now)
        #expect(silence.id == 2)

        let back = "\(directory)/back.sqlite"
        let returned = try await StoreCopy.copy(postgres, toSQLite: back)
        #expect(returned.first { $0.table == "silence" }?.rows == 2)
        let copy = try SQLiteStore(path: back)
        #expect(try await copy.listing(ListingQuery(cycle: District.cycle, activeOnly: false)) == before)
        #expect(Array(try await copy.recentAudit(limit: 1000).prefix(history.count)) == history)
        #expect(try await copy.schedulerCheckpoint() == District.now)
        try await copy.close()
        await #expect(throws: StoreCopy.Failure.self) { try await StoreCopy.copy(postgres, toSQLite: back) }
        try await postgres.close()
    }
}
