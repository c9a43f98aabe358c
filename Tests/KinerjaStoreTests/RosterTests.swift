import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Roster")
struct RosterTests {
    @Test("a first roster adds every person and position, each with an audit row")
    func firstImport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        let summary = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        #expect(summary.persons == RosterSummary.Counts(added: 3))
        #expect(summary.positions == RosterSummary.Counts(added: 4))
        #expect(summary.added == 7)
        let audit = try store.recentAudit(limit: 100)
        #expect(audit.count == 7)
        #expect(audit.allSatisfy { $0.before == nil && $0.after != nil && $0.actor == Fixture.admin })
        #expect(audit.filter { $0.action == "person added" }.count == 3)
        #expect(audit.filter { $0.action == "position added" }.count == 4)
    }

    @Test("a second roster updates names, deactivates the absent and keeps their history")
    func secondImport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        _ = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)

        // Siti leaves; Budi's name is corrected; Budi's Plt. position ends.
        let later = Fixture.now.addingTimeInterval(86_400)
        let second = [
            Fixture.principal(Fixture.budi, nama: "Budi Santoso, S.Pd.", school: Fixture.school1),
            Fixture.supervisor(Fixture.agus, nama: "Agus Wijaya", binaan: [Fixture.school1, Fixture.school2, Fixture.school3]),
        ]
        let summary = try store.applyRoster(second, actor: Fixture.admin, at: later, markMissingInactive: true)
        #expect(summary.persons == RosterSummary.Counts(updated: 1, unchanged: 1, deactivated: 1))
        #expect(summary.positions == RosterSummary.Counts(unchanged: 2, deactivated: 2))

        let siti = try #require(try store.person(Fixture.siti))
        #expect(siti.active == false)
        #expect(siti.nama == "Siti Rahayu")
        #expect(try store.positions(of: Fixture.siti).map(\.active) == [false])
        #expect(try store.person(Fixture.budi)?.nama == "Budi Santoso, S.Pd.")
        let plt = try #require(try store.position(PositionKey(personID: Fixture.budi, role: .kepalaSekolah, npsn: Fixture.school3)))
        #expect(plt.active == false)
        #expect(plt.jabatan == .plt)

        let budiHistory = try store.history(subject: Fixture.budi.rawValue, limit: nil)
        // Person added, 2 positions added, person renamed, Plt. position deactivated.
        #expect(budiHistory.map(\.action) == ["person added", "position added", "position added", "person updated", "position deactivated"])
        let rename = budiHistory[3]
        #expect(try #require(rename.before).contains("\"nama\":\"Budi Santoso\""))
        #expect(try #require(rename.after).contains("\"nama\":\"Budi Santoso, S.Pd.\""))
        #expect(rename.at == later)

        let sitiHistory = try store.history(subject: Fixture.siti.rawValue, limit: nil)
        let deactivation = try #require(sitiHistory.last { $0.action == "person deactivated" })
        #expect(try #require(deactivation.before).contains("\"active\":true"))
        #expect(try #require(deactivation.after).contains("\"active\":false"))

        // Only the active remain in the default listings; nothing was deleted.
        #expect(try store.positions(matching: PositionQuery()).count == 2)
        #expect(try store.positions(matching: PositionQuery(activeOnly: false)).count == 4)
        #expect(try store.people(matching: nil, activeOnly: true).map(\.id) == [Fixture.agus, Fixture.budi])
        #expect(try store.people(matching: "siti", activeOnly: false).map(\.id) == [Fixture.siti])
    }

    @Test("a roster applied without markMissingInactive leaves absent people active")
    func partialRoster() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        _ = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        let summary = try store.applyRoster(
            [Fixture.principal(Fixture.siti, nama: "Siti Rahayu", school: Fixture.school2)],
            actor: Fixture.admin, at: Fixture.now, markMissingInactive: false)
        #expect(summary.unchanged == 2)
        #expect(summary.deactivated == 0)
        #expect(try store.person(Fixture.budi)?.active == true)
    }

    @Test("a returning person is reactivated and counted as updated")
    func reactivation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        _ = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        let withoutSiti = Fixture.roster.filter { $0.person.id != Fixture.siti }
        _ = try store.applyRoster(withoutSiti, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        let summary = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        #expect(summary.persons == RosterSummary.Counts(updated: 1, unchanged: 2))
        #expect(summary.positions == RosterSummary.Counts(updated: 1, unchanged: 3))
        #expect(try store.person(Fixture.siti)?.active == true)
    }

    @Test("positions are found by role, school, person and sekolah binaan")
    func positionQueries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        #expect(try store.positions(matching: PositionQuery(role: .pengawasSekolah)).map(\.key.personID) == [Fixture.agus])
        #expect(try store.positions(matching: PositionQuery(npsn: Fixture.school2)).map(\.key.personID) == [Fixture.siti])
        #expect(try store.positions(matching: PositionQuery(personID: Fixture.budi)).count == 2)
        #expect(try store.positions(matching: PositionQuery(sekolahBinaan: Fixture.school3)).map(\.key.personID) == [Fixture.agus])
        #expect(try store.positions(matching: PositionQuery(sekolahBinaan: NPSN("20109999")!)).isEmpty)

        let rows = try store.positionsWithPeople(matching: PositionQuery(role: .kepalaSekolah))
        #expect(rows.map(\.position.key.npsn) == [Fixture.school1, Fixture.school2, Fixture.school3])
        #expect(rows.map(\.person.nama) == ["Budi Santoso", "Siti Rahayu", "Budi Santoso"])
    }
}
