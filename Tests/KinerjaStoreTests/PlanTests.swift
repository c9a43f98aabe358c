import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Plans")
struct PlanTests {
    @Test("ensurePlans creates one plan per active position, once, with one summary audit row")
    func ensurePlans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        _ = try store.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        #expect(try store.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.daemon, at: Fixture.now) == 4)
        #expect(try store.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.daemon, at: Fixture.now) == 0)
        let plans = try store.plans(matching: PlanQuery(cycle: Fixture.cycle))
        #expect(Set(plans.map(\.plan.id)) == [
            Fixture.planID(Fixture.budi, Fixture.school1), Fixture.planID(Fixture.budi, Fixture.school3),
            Fixture.planID(Fixture.siti, Fixture.school2), Fixture.planID(Fixture.agus, nil),
        ])
        #expect(plans.allSatisfy { $0.plan == Plan(id: $0.plan.id) && $0.due == LocalDate("2025-01-31") })
        let summary = try store.history(subject: Fixture.cycle.description, limit: 1)
        #expect(summary.map(\.action) == ["plans created"])
        #expect(summary.first?.after?.contains("\"created\":\"4\"") == true)

        // An inactive position gets no plan in the next cycle.
        _ = try store.applyRoster(Array(Fixture.roster.dropFirst()), actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        #expect(try store.ensurePlans(cycle: Fixture.cycle.next, due: Fixture.due, actor: Fixture.daemon, at: Fixture.now) == 3)
    }

    @Test("savePlan writes the plan and an audit row with the state before and after")
    func saveAndHistory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let id = Fixture.planID(Fixture.siti, Fixture.school2)
        let initial = try #require(try store.plan(id))
        let first = try Fixture.apply(.complete(.praktikKinerja, .none), to: initial, on: LocalDate("2025-01-10")!)
        try store.savePlan(first, due: Fixture.due(first), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
        let second = try Fixture.apply(.block(.pemutakhiranData, note: "NIK berbeda"), to: first, on: LocalDate("2025-01-12")!)
        let later = Fixture.now.addingTimeInterval(60)
        try store.savePlan(second, due: Fixture.due(second), action: "terblokir pemutakhiran-data", actor: Fixture.admin, at: later)

        #expect(try store.plan(id) == second)
        let history = try store.history(subject: id.description, limit: nil)
        #expect(history.map(\.action) == ["selesai praktik-kinerja", "terblokir pemutakhiran-data"])
        #expect(history.map(\.at) == [Fixture.now, later])
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Plan.self, from: Data(#require(history[0].before).utf8)) == initial)
        #expect(try decoder.decode(Plan.self, from: Data(#require(history[0].after).utf8)) == first)
        #expect(try decoder.decode(Plan.self, from: Data(#require(history[1].before).utf8)) == first)
        #expect(try decoder.decode(Plan.self, from: Data(#require(history[1].after).utf8)) == second)
        #expect(try store.history(subject: id.description, limit: 1).map(\.action) == ["terblokir pemutakhiran-data"])
        #expect(history[0].id < history[1].id)
    }

    @Test("a plan for a position the roster does not have is refused")
    func unknownPosition() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let stranger = Fixture.id("198001012008011003")
        let plan = Plan(id: Fixture.planID(stranger, Fixture.school1))
        #expect(throws: StoreError.noSuchPosition(plan.id.position)) {
            try store.savePlan(plan, due: nil, action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
        }
        #expect(try store.history(subject: plan.id.description, limit: nil).isEmpty)
    }

    @Test("a transaction that throws leaves nothing behind, and its error comes out unchanged")
    func rollback() throws {
        struct ImportFailed: Error, Equatable {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        #expect(throws: ImportFailed()) {
            try store.transaction { tx in
                _ = try tx.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
                _ = try tx.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.admin, at: Fixture.now)
                let id = Fixture.planID(Fixture.budi, Fixture.school1)
                let plan = try Fixture.apply(.complete(.praktikKinerja, .none), to: #require(try tx.plan(id)), on: LocalDate("2025-01-10")!)
                try tx.savePlan(plan, due: nil, action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
                // Seen inside the transaction…
                #expect(try tx.plan(id) == plan)
                #expect(try tx.person(Fixture.budi) != nil)
                throw ImportFailed()
            }
        }
        // …and gone after it.
        #expect(try store.person(Fixture.budi) == nil)
        #expect(try store.positions(matching: PositionQuery(activeOnly: false)).isEmpty)
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle)).isEmpty)
        #expect(try store.recentAudit(limit: 100).isEmpty)
    }

    @Test("a transaction that returns commits every change it made")
    func commit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        let created = try store.transaction { tx in
            _ = try tx.applyRoster(Fixture.roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
            return try tx.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.admin, at: Fixture.now)
        }
        #expect(created == 4)
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle)).count == 4)
    }

    @Test("plans(matching:) filters by school, role, person, step, overdue and blocked")
    func filters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let budi1 = Fixture.planID(Fixture.budi, Fixture.school1)
        let siti = Fixture.planID(Fixture.siti, Fixture.school2)
        let agus = Fixture.planID(Fixture.agus, nil)

        // Budi's first school moves on (due 28 February); Siti is blocked; Agus stays at
        // penyusunan (due 31 January), like Budi's Plt. school.
        let moved = try Fixture.apply(.complete(.praktikKinerja, .none), to: #require(try store.plan(budi1)), on: LocalDate("2025-01-10")!)
        try store.savePlan(moved, due: Fixture.due(moved), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
        let blocked = try Fixture.apply(.block(.plottingTimKinerja, note: nil), to: #require(try store.plan(siti)), on: LocalDate("2025-01-05")!)
        try store.savePlan(blocked, due: Fixture.due(blocked), action: "terblokir", actor: Fixture.admin, at: Fixture.now)

        func ids(_ query: PlanQuery) throws -> Set<PlanID> { Set(try store.plans(matching: query).map(\.plan.id)) }
        let cycle = Fixture.cycle
        #expect(try ids(PlanQuery(cycle: cycle, npsn: Fixture.school1)) == [budi1])
        #expect(try ids(PlanQuery(cycle: cycle, role: .pengawasSekolah)) == [agus])
        #expect(try ids(PlanQuery(cycle: cycle, personID: Fixture.budi)).count == 2)
        #expect(try ids(PlanQuery(cycle: cycle, currentStep: .pengembanganKompetensi)) == [budi1])
        #expect(try ids(PlanQuery(cycle: cycle, role: .kepalaSekolah, currentStep: .praktikKinerja)).count == 2)
        #expect(try ids(PlanQuery(cycle: cycle, blocked: true)) == [siti])
        #expect(try ids(PlanQuery(cycle: cycle, blocked: false)).count == 3)
        // A deadline is the end of its day: on 31 January nothing is overdue yet.
        #expect(try ids(PlanQuery(cycle: cycle, overdueOn: LocalDate("2025-01-31")!)).isEmpty)
        // On 1 February the two plans due 31 January are; Siti's is blocked, not late.
        #expect(try ids(PlanQuery(cycle: cycle, overdueOn: LocalDate("2025-02-01")!)) == [
            agus, Fixture.planID(Fixture.budi, Fixture.school3),
        ])
        #expect(try ids(PlanQuery(cycle: cycle, overdueOn: LocalDate("2025-03-01")!)).count == 3)
        #expect(try store.plans(matching: PlanQuery(cycle: cycle, limit: 2)).count == 2)
        #expect(try ids(PlanQuery(cycle: cycle.next)).isEmpty)

        let counts = try store.counts(cycle: cycle, overdueOn: LocalDate("2025-02-01")!)
        #expect(counts == StoreCounts(
            activePeople: 3, activePositions: [.kepalaSekolah: 3, .pengawasSekolah: 1],
            plans: 4, complete: 0, blocked: 1, overdue: 2))
        #expect(counts.activeKepalaSekolah == 3)
    }

    @Test("status figures are kept between writes and read again after each write and for another day")
    func statusFiguresFollowWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let february = LocalDate("2025-02-01")!
        let before = try store.statusFigures(cycle: Fixture.cycle, overdueOn: february)
        #expect(before.counts == (try store.counts(cycle: Fixture.cycle, overdueOn: february)))
        #expect(before.counts.blocked == 0 && before.counts.overdue == 4, "\(before.counts)")
        #expect(before.reminders == [.fired: 0, .missed: 0, .silenced: 0] && before.failedDeliveries == 0)
        // Another day is counted anew, not served from the cache.
        #expect(try store.statusFigures(cycle: Fixture.cycle, overdueOn: LocalDate("2025-01-31")!).counts.overdue == 0)

        let siti = Fixture.planID(Fixture.siti, Fixture.school2)
        let blocked = try Fixture.apply(.block(.plottingTimKinerja, note: nil), to: #require(try store.plan(siti)), on: LocalDate("2025-01-05")!)
        try store.savePlan(blocked, due: Fixture.due(blocked), action: "terblokir", actor: Fixture.admin, at: Fixture.now)
        let after = try store.statusFigures(cycle: Fixture.cycle, overdueOn: february)
        #expect(after.counts.blocked == 1 && after.counts.overdue == 3, "\(after.counts)")
        #expect(after.counts == (try store.counts(cycle: Fixture.cycle, overdueOn: february)))
    }

    @Test("the overdue, by-school and by-step questions are index searches")
    func queriesUseIndexes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let overdue = try store.explainPlans(matching: PlanQuery(cycle: Fixture.cycle, overdueOn: Fixture.today))
        #expect(overdue.contains("SEARCH plan USING INDEX plan_by_cycle_due (cycle=? AND current_due<?)"), "\(overdue)")
        let bySchool = try store.explainPlans(matching: PlanQuery(cycle: Fixture.cycle, npsn: Fixture.school1))
        #expect(bySchool.contains("SEARCH plan USING INDEX plan_by_cycle_school (cycle=? AND npsn=?)"), "\(bySchool)")
        let byStep = try store.explainPlans(matching: PlanQuery(cycle: Fixture.cycle, role: .kepalaSekolah, currentStep: .rangkuman))
        #expect(byStep.contains("SEARCH plan USING INDEX plan_by_cycle_role_step (cycle=? AND role=? AND current_step=?)"), "\(byStep)")
        let byPerson = try store.explainPlans(matching: PlanQuery(cycle: Fixture.cycle, personID: Fixture.budi))
        #expect(byPerson.contains("SEARCH plan USING INDEX"), "\(byPerson)")
        #expect(!byPerson.contains("SCAN plan"), "\(byPerson)")
    }

    @Test("updateDues recomputes the stored deadlines of a cycle and says how many moved")
    func updateDues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let extended = LocalDate("2025-03-31")!
        #expect(try store.updateDues(cycle: Fixture.cycle, due: { _ in extended }) == 4)
        #expect(try store.updateDues(cycle: Fixture.cycle, due: { _ in extended }) == 0)
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle)).allSatisfy { $0.due == extended })
        #expect(try store.plans(matching: PlanQuery(cycle: Fixture.cycle, overdueOn: LocalDate("2025-02-01")!)).isEmpty)
    }
}
