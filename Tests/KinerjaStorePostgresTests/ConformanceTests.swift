import KinerjaStore
import KinerjaStoreConformance
import Testing

/// The PostgreSQL adapter passes the store port's conformance suite, each check on a new
/// database of the test process's own server. One check at a time: each creates a database
/// and runs a server's backends, which beside the other suites' timing checks on a 2-core
/// machine would be the load that fails them.
@Suite("PostgreSQL store: the port's conformance checks", .serialized)
struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func check(_ check: StoreCheck) async throws {
        try await check.run { try await makePostgresStore() }
    }
}
