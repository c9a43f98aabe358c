import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Persistence")
struct PersistenceTests {
    @Test("everything written is found again after the store is closed and reopened")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        let started = LocalDate(year: 2025, month: 1, day: 10)!
        var written: Plan
        var auditCount = 0
        do {
            let store = try Fixture.seededStore(in: directory)
            let id = Fixture.planID(Fixture.budi, Fixture.school1)
            written = try Fixture.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: "visi-misi")), to: #require(try store.plan(id)), on: started)
            try store.savePlan(written, due: Fixture.due(written), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
            auditCount = try store.recentAudit(limit: 1000).count
            try store.close()
        }

        let store = try SQLiteStore(path: path)
        #expect(store.schemaVersion() == SQLiteStore.knownMigrations)
        for entry in Fixture.roster {
            #expect(try store.person(entry.person.id) == entry.person)
            #expect(try store.position(entry.position.key) == entry.position)
        }
        #expect(try store.positions(of: Fixture.budi).map(\.key.npsn) == [Fixture.school1, Fixture.school3])
        let plans = try store.plans(matching: PlanQuery(cycle: Fixture.cycle))
        #expect(plans.count == 4)
        let reread = try #require(try store.storedPlan(written.id))
        #expect(reread.plan == written)
        #expect(reread.due == Fixture.due(written))
        let audit = try store.recentAudit(limit: 1000)
        #expect(audit.count == auditCount)
        // 3 persons + 4 positions added, 1 "plans created", 1 transition.
        #expect(audit.count == 9)
        #expect(audit.last?.action == "selesai praktik-kinerja")
        #expect(audit.last?.at == Fixture.now)
        #expect(audit.last?.actor == Fixture.admin)
        #expect(try store.fileSize() > 0)
    }

    /// One plan change as it was written: the audit row it must have left.
    struct Transition {
        let action: String
        let actor: AuditActor
        let at: Date
        let before: Plan
        let after: Plan
    }

    @Test("after a reopen every change is there, each with its own audit row: who, what, on what, before and after, in order")
    func reopenKeepsEveryChangeWithItsAudit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let timKinerja = AuditActor(uid: 1001, user: "agus")
        let principal = Fixture.planID(Fixture.budi, Fixture.school1)
        let supervisor = Fixture.planID(Fixture.agus, nil)
        var transitions: [Transition] = []
        do {
            let store = try Fixture.seededStore(in: directory)
            func save(_ action: PlanAction, as verb: String, on day: String, to id: PlanID, by actor: AuditActor = Fixture.admin) throws {
                let before = try #require(try store.plan(id))
                let after = try Fixture.apply(action, to: before, on: #require(LocalDate(day)))
                // A minute apart, so that each row's time tells which change it is.
                let at = Fixture.now.addingTimeInterval(60 * Double(transitions.count + 1))
                try store.savePlan(after, due: Fixture.due(after), action: verb, actor: actor, at: at)
                transitions.append(Transition(action: verb, actor: actor, at: at, before: before, after: after))
            }
            try save(.complete(.praktikKinerja, StepDetails(praktikKinerja: "visi-misi")), as: "selesai praktik-kinerja", on: "2025-01-10", to: principal)
            try save(.block(.pemutakhiranData, note: "NIP berbeda di Dapodik"), as: "terblokir", on: "2025-01-12", to: principal)
            try save(.unblock, as: "dibuka", on: "2025-01-20", to: principal)
            try save(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kepribadian-1.1")), as: "selesai pengembangan-kompetensi",
                     on: "2025-01-21", to: principal)
            try save(.complete(.penyusunan, .none), as: "selesai penyusunan", on: "2025-01-10", to: supervisor)
            try save(.returnForRevision(.pemeriksaan, reason: "target tidak realistis"), as: "dikembalikan pemeriksaan",
                     on: "2025-01-13", to: supervisor, by: timKinerja)
            try save(.complete(.penyusunan, .none), as: "selesai penyusunan", on: "2025-01-15", to: supervisor)
            try save(.complete(.pemeriksaan, .none), as: "disetujui pemeriksaan", on: "2025-01-16", to: supervisor, by: timKinerja)
            try store.close()
        }

        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        for entry in Fixture.roster {
            #expect(try store.person(entry.person.id) == entry.person)
            #expect(try store.position(entry.position.key) == entry.position)
        }
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle)).count == 4)
        for id in [principal, supervisor] {
            let written = try #require(transitions.last { $0.after.id == id }?.after)
            let reread = try #require(try store.storedPlan(id))
            #expect(reread.plan == written)
            #expect(reread.due == Fixture.due(written))
        }
        let principalPlan = try #require(try store.plan(principal))
        #expect(principalPlan.blocks.map(\.until) == [LocalDate(year: 2025, month: 1, day: 20)])
        #expect(principalPlan.currentStep == .perilakuKerja)
        let supervisorPlan = try #require(try store.plan(supervisor))
        #expect(supervisorPlan.revisions.map(\.reason) == ["target tidak realistis"])
        #expect(supervisorPlan.currentStep == .persetujuan)

        // 3 persons and 4 positions added, the cycle's plans created, then one row per transition.
        let audit = try store.recentAudit(limit: 1000)
        try #require(audit.count == 3 + 4 + 1 + transitions.count)
        #expect(zip(audit, audit.dropFirst()).allSatisfy { $0.id < $1.id })
        let persons = [Fixture.budi, Fixture.siti, Fixture.agus]
        for (row, id) in zip(audit[0..<3], persons) {
            #expect(row.action == "person added")
            #expect(row.subject == id.rawValue)
            #expect(row.actor == Fixture.admin && row.at == Fixture.now)
            #expect(row.before == nil)
            #expect(try decode(Person.self, row.after) == Fixture.roster.first { $0.person.id == id }?.person)
        }
        for (row, entry) in zip(audit[3..<7], Fixture.roster) {
            #expect(row.action == "position added")
            #expect(row.subject == entry.position.key.description)
            #expect(row.actor == Fixture.admin && row.at == Fixture.now)
            #expect(row.before == nil)
            #expect(try decode(Position.self, row.after) == entry.position)
        }
        let created = audit[7]
        #expect(created.action == "plans created")
        #expect(created.subject == Fixture.cycle.description)
        #expect(created.actor == Fixture.daemon && created.at == Fixture.now)
        #expect(created.before == nil)
        #expect(try decode([String: String].self, created.after) == ["cycle": "2025-1", "created": "4"])
        for (row, transition) in zip(audit[8...], transitions) {
            #expect(row.action == transition.action)
            #expect(row.subject == transition.after.id.description)
            #expect(row.actor == transition.actor)
            #expect(row.at == transition.at)
            #expect(try decode(Plan.self, row.before) == transition.before)
            #expect(try decode(Plan.self, row.after) == transition.after)
        }
    }

    /// An audit row's JSON (`before` or `after`) as the Core value it was written from.
    func decode<T: Decodable>(_ type: T.Type, _ json: String?, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        try JSONDecoder().decode(type, from: Data(#require(json, sourceLocation: sourceLocation).utf8))
    }

    @Test("a missing file is created and migrated to the newest schema")
    func createsFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("new.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(store.path == path)
        #expect(store.schemaVersion() == ["v1-roster-audit", "v2-plans", "v3-sekolah-binaan", "v4-reminders", "v5-status-indexes", "v6-plan-closure"])
        #expect(try store.fetchTexts("PRAGMA journal_mode") == ["wal"])
        // 2 = FULL, on the reader connections too.
        #expect(try store.fetchTexts("PRAGMA synchronous") == ["2"])
        #expect(try store.fetchTexts("PRAGMA foreign_keys") == ["1"])
    }

    @Test("a directory that does not exist is a clear error")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("no/such/dir/kinerja.sqlite")
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(let reported, _)? = error as? StoreError else { return false }
            return reported == path && "\(error)".contains("directory exists")
        }
    }
}
