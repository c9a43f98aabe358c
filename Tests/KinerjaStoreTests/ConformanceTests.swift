import KinerjaStore
import KinerjaStoreConformance
import Testing

/// The SQLite adapter passes the store port's conformance suite, each check on a new file.
@Suite("SQLite store: the port's conformance checks")
struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func check(_ check: StoreCheck) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path
        try await check.run { try SQLiteStore(path: "\(path)/kinerja-\(UInt64.random(in: 0...UInt64.max)).sqlite") }
    }
}
