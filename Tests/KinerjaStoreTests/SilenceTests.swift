import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Silences")
struct SilenceTests {
    @Test("silences are added, listed by the day they cover (inclusive), removed but kept, each with an audit row")
    func lifecycle() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let person = try store.addSilence(
            personID: Fixture.budi.rawValue, npsn: nil, until: "2025-02-14", reason: "cuti sakit", actor: Fixture.admin, at: Fixture.now)
        let school = try store.addSilence(
            personID: nil, npsn: Fixture.school2.rawValue, until: "2025-03-01", reason: "  akreditasi sekolah ",
            actor: Fixture.admin, at: Fixture.minutes(1))
        #expect(person == Silence(
            id: person.id, personID: Fixture.budi.rawValue, npsn: nil, until: "2025-02-14", reason: "cuti sakit",
            createdAt: Fixture.now, createdBy: Fixture.admin, removedAt: nil))
        #expect(school.reason == "akreditasi sekolah")
        #expect(school.id > person.id)

        #expect(try store.silences(activeOn: "2025-02-14", includeRemoved: false) == [person, school])
        #expect(try store.silences(activeOn: "2025-02-15", includeRemoved: false) == [school])
        #expect(try store.silences(activeOn: "2025-03-02", includeRemoved: false).isEmpty)
        #expect(try store.silences(activeOn: nil, includeRemoved: false) == [person, school])

        let removed = try #require(try store.removeSilence(id: person.id, actor: Fixture.daemon, at: Fixture.minutes(2)))
        #expect(removed.removedAt == Fixture.minutes(2))
        #expect(!removed.isActive(on: "2025-02-10") && school.isActive(on: "2025-02-10"))
        #expect(try store.silences(activeOn: "2025-02-10", includeRemoved: false) == [school])
        #expect(try store.silences(activeOn: "2025-02-10", includeRemoved: true) == [removed, school])
        // Removing again changes nothing and writes no second audit row; an unknown id is nil.
        #expect(try store.removeSilence(id: person.id, actor: Fixture.admin, at: Fixture.minutes(3)) == removed)
        #expect(try store.removeSilence(id: 999, actor: Fixture.admin, at: Fixture.minutes(3)) == nil)

        let history = try store.history(subject: "silence/\(person.id)", limit: nil)
        #expect(history.map(\.action) == ["silence added", "silence removed"])
        #expect(history.map(\.actor) == [Fixture.admin, Fixture.daemon])
        #expect(history[0].before == nil)
        #expect(history[0].after?.contains("\"reason\":\"cuti sakit\"") == true)
        #expect(history[0].after?.contains("\"createdAt\":\"2025-02-03T08:00:00Z\"") == true)
        #expect(history[1].before == history[0].after)
        #expect(history[1].after?.contains("\"removedAt\":\"2025-02-03T08:02:00Z\"") == true)
        #expect(try store.history(subject: "silence/\(school.id)", limit: nil).map(\.action) == ["silence added"])
    }

    @Test("a silence must name one person or one school, end on a real date and give a reason; a refused one leaves no trace")
    func refused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let auditBefore = try store.recentAudit(limit: 1_000).count
        let attempts: [(String?, String?, String, String)] = [
            (nil, nil, "2025-02-14", "cuti"),
            ("", "", "2025-02-14", "cuti"),
            (Fixture.budi.rawValue, Fixture.school1.rawValue, "2025-02-14", "cuti"),
            (Fixture.budi.rawValue, nil, "2025-02-30", "cuti"),
            (Fixture.budi.rawValue, nil, "14-02-2025", "cuti"),
            (Fixture.budi.rawValue, nil, "2025-2-14", "cuti"),
            (Fixture.budi.rawValue, nil, "2025-02-14", "   "),
        ]
        for (person, school, until, reason) in attempts {
            #expect(throws: StoreError.self) {
                _ = try store.addSilence(personID: person, npsn: school, until: until, reason: reason, actor: Fixture.admin, at: Fixture.now)
            }
        }
        #expect(try store.silences(activeOn: nil, includeRemoved: true).isEmpty)
        #expect(try store.recentAudit(limit: 1_000).count == auditBefore)
        // The database refuses a silence of both kinds even from raw SQL.
        #expect {
            try store.executeRaw("""
                INSERT INTO silence (person_id, npsn, until, reason, created_at, created_uid, created_user)
                VALUES ('a', 'b', '2025-01-01', 'x', '2025-01-01 00:00:00.000', 0, 'root')
                """)
        } throws: { "\($0)".contains("CHECK") }
    }

    @Test("silences are kept across a restart, inside a transaction with other changes")
    func persistent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        let added: Silence
        do {
            let store = try Fixture.seededStore(in: directory)
            added = try store.transaction { transaction in
                try transaction.addSilence(
                    personID: nil, npsn: Fixture.school1.rawValue, until: "2025-06-30", reason: "renovasi", actor: Fixture.admin,
                    at: Fixture.now)
            }
            try store.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.silences(activeOn: "2025-06-30", includeRemoved: false) == [added])
    }
}
