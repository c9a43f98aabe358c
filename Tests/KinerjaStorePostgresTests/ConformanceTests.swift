import KinerjaStore
import KinerjaStoreConformance
import Testing

/// The PostgreSQL adapter passes the store port's conformance suite, each check on a new
/// database of the test process's own server.
@Suite("PostgreSQL store: the port's conformance checks")
struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func check(_ check: StoreCheck) async throws {
        try await check.run { try await makePostgresStore() }
    }
}
