import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import Testing

@Suite("Audit history")
struct AuditTests {
    @Test("audit rows cannot be updated or deleted, even with raw SQL")
    func appendOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Fixture.seededStore(in: directory)
        let before = try await store.recentAudit(limit: 100)
        #expect(!before.isEmpty)
        for sql in ["UPDATE audit SET user = 'mallory'", "DELETE FROM audit", "DELETE FROM audit WHERE id = 1"] {
            await #expect { try await store.executeRaw(sql) } throws: { "\($0)".contains("append-only") }
        }
        #expect(try await store.recentAudit(limit: 100) == before)
    }

    @Test("history of a person covers their positions but not other people's; recentAudit is the newest rows, oldest first")
    func historyPrefix() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Fixture.seededStore(in: directory)
        let subjects = Set(try await store.history(subject: Fixture.budi.rawValue, limit: nil).map(\.subject))
        #expect(subjects == [
            Fixture.budi.rawValue,
            "\(Fixture.budi)/ks@\(Fixture.school1)", "\(Fixture.budi)/ks@\(Fixture.school3)",
        ])
        #expect(try await store.history(subject: "1986", limit: nil).isEmpty)
        let all = try await store.recentAudit(limit: 1_000)
        #expect(try await store.recentAudit(limit: 2) == Array(all.suffix(2)))
        #expect(all.map(\.id) == all.map(\.id).sorted())
    }
}
