import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Audit history")
struct AuditTests {
    @Test("audit rows cannot be updated or deleted, even with raw SQL")
    func appendOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let before = try store.recentAudit(limit: 100)
        #expect(!before.isEmpty)
        #expect { try store.executeRaw("UPDATE audit SET user = 'mallory'") } throws: { "\($0)".contains("append-only") }
        #expect { try store.executeRaw("DELETE FROM audit") } throws: { "\($0)".contains("append-only") }
        #expect { try store.executeRaw("DELETE FROM audit WHERE id = 1") } throws: { "\($0)".contains("append-only") }
        #expect(try store.recentAudit(limit: 100) == before)
    }

    @Test("history of a person covers their positions but not other people's")
    func historyPrefix() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let subjects = Set(try store.history(subject: Fixture.budi.rawValue, limit: nil).map(\.subject))
        #expect(subjects == [
            Fixture.budi.rawValue,
            "\(Fixture.budi)/ks@\(Fixture.school1)", "\(Fixture.budi)/ks@\(Fixture.school3)",
        ])
        #expect(try store.history(subject: "1986", limit: nil).isEmpty)
    }

    @Test("recentAudit returns the newest rows, oldest first")
    func recent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        for n in 1...5 {
            try store.appendAudit(action: "step \(n)", subject: "s", before: nil, after: "{\"n\":\(n)}", actor: Fixture.admin, at: Fixture.now)
        }
        #expect(try store.recentAudit(limit: 2).map(\.action) == ["step 4", "step 5"])
    }
}
