import Foundation
import KinerjaTestPostgres
@testable import KinerjaStorePostgres

/// A store on a new database of the test process's own server (`ThrowawayPostgres`).
func makePostgresStore() async throws -> PostgresStore {
    let url = try await ThrowawayPostgres.server().makeDatabase()
    guard let parsed = PostgresStoreURL(url) else { throw FixtureError(description: "the server's url \(url) does not parse") }
    return try await PostgresStore.open(url: parsed)
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
