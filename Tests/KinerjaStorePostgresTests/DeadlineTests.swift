import Foundation
import KinerjaStore
import KinerjaTestPostgres
import PostgresNIO
import Testing
@testable import KinerjaStorePostgres

/// No store call waits forever: not for an operation that ignores its cancellation, not for
/// a connection the server ended mid-query; and the store reconnects afterwards.
@Suite("PostgreSQL store: bounded calls", .serialized)
struct DeadlineTests {
    @Test("an operation that outlives its deadline fails the call at the deadline")
    func deadline() async throws {
        let started = ContinuousClock.now
        await #expect(throws: StoreError.unreachable(location: "here", reason: "no answer within 0.2 seconds")) {
            try await withDeadline(.milliseconds(200), location: "here") {
                // Deaf to cancellation, like a query on a connection nobody closes.
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 30) { done.resume() }
                }
            }
        }
        // Sooner than the operation's 30 s (a loaded machine delays the timer by seconds).
        #expect(ContinuousClock.now - started < .seconds(29))
        #expect(try await withDeadline(.seconds(5), location: "here") { 42 } == 42)
    }

    @Test("a write whose connection pg_terminate_backend ends fails as unreachable, and the next call reconnects")
    func terminatedBackend() async throws {
        let store = try await makePostgresStore()
        let server = try await ThrowawayPostgres.server()
        let database = store.url.database
        let sleeping = Task {
            try await store.writing(.scheduler) { connection, logger in
                for try await _ in try await connection.query("SELECT pg_sleep(60)", logger: logger) {}
            }
        }
        var ended = ""
        for _ in 0..<100 where ended.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            ended = try await server.psql("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '\(database)' AND query = 'SELECT pg_sleep(60)' AND pid <> pg_backend_pid()
                """)
        }
        #expect(ended == "t")
        let terminated = ContinuousClock.now
        await #expect {
            try await sleeping.value
        } throws: { error in
            if case StoreError.unreachable = error { return true }
            return false
        }
        // Failed when the connection ended, not at the call's deadline.
        #expect(ContinuousClock.now - terminated < PostgresStore.callLimit / 2)
        #expect(try await store.schemaVersion() == SQLiteStore.knownMigrations)
        try await store.close()
    }
}
