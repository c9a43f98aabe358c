import Foundation
import KinerjaCore
import KinerjaSampleData
@testable import KinerjaStore
import Testing

/// The listings' kept answers, patched or dropped after each write, must always equal what
/// the database holds: otherwise an office is shown a list that is not true.
@Suite("Kept answers after every kind of write")
struct KeptAnswersPatchTests {
    /// Every filter of `PlanQuery`, alone and combined, with and without a limit.
    static let planQueries: [PlanQuery] = {
        var queries = [
            PlanQuery(cycle: Fixture.cycle),
            PlanQuery(cycle: CycleID(year: 2025, half: 2)!),
            PlanQuery(cycle: Fixture.cycle, role: .kepalaSekolah),
            PlanQuery(cycle: Fixture.cycle, role: .pengawasSekolah),
            PlanQuery(cycle: Fixture.cycle, npsn: Fixture.school1),
            PlanQuery(cycle: Fixture.cycle, personID: Fixture.budi),
            PlanQuery(cycle: Fixture.cycle, currentStep: .praktikKinerja),
            PlanQuery(cycle: Fixture.cycle, currentStep: .pengembanganKompetensi),
            PlanQuery(cycle: Fixture.cycle, blocked: true),
            PlanQuery(cycle: Fixture.cycle, blocked: false),
            PlanQuery(cycle: Fixture.cycle, limit: 2),
            PlanQuery(cycle: Fixture.cycle, role: .kepalaSekolah, overdueOn: LocalDate("2025-03-01")!, blocked: false),
        ]
        for day in ["2025-01-15", "2025-02-10", "2025-03-31", "2025-06-01"] {
            queries.append(PlanQuery(cycle: Fixture.cycle, overdueOn: LocalDate(day)!))
        }
        return queries
    }()

    static let positionQueries: [PositionQuery] = [
        PositionQuery(activeOnly: true),
        PositionQuery(activeOnly: false),
        PositionQuery(role: .kepalaSekolah),
        PositionQuery(havingPlan: PlanQuery(cycle: Fixture.cycle, overdueOn: LocalDate("2025-03-01")!)),
        PositionQuery(havingPlan: PlanQuery(cycle: Fixture.cycle, blocked: true)),
    ]

    /// Asks every query through the kept answers (keeping them), and checks each against a
    /// read that bypasses them. Positions chosen by plans come from the kept roster when it
    /// was asked first (`rosterFirst`), else from their own read.
    static func expectKeptAnswersTrue(_ store: SQLiteStore, after write: String, rosterFirst: Bool = true) throws {
        for query in planQueries {
            let kept = try store.plans(matching: query)
            let read = try store.reading { try $0.plans(matching: query) }
            #expect(kept == read, "plans \(query) after \(write)")
        }
        for query in rosterFirst ? positionQueries : positionQueries.reversed() {
            let kept = try store.positionsWithPeople(matching: query)
            let read = try store.reading { try $0.positionsWithPeople(matching: query) }
            #expect(kept.map(\.person) == read.map(\.person) && kept.map(\.position) == read.map(\.position), "positions \(query) after \(write)")
        }
        #expect(try store.schoolNames() == store.reading { try $0.schoolNames() }, "school names after \(write)")
    }

    /// The plan as the database holds it now.
    static func current(_ id: PlanID, in store: SQLiteStore) throws -> Plan {
        try #require(try store.reading { try $0.plan(id) })
    }

    /// A random next state of the plan: a step completed when the workflow allows it, else
    /// blocked or unblocked; a random deadline (or none) beside it.
    static func changed(_ plan: Plan, random: inout SplitMix64) -> StoredPlan {
        var next = plan
        if random.next() % 2 == 0, let step = plan.currentStep,
           let done = try? Fixture.apply(.complete(step, .none), to: plan, on: LocalDate("2025-01-10")!) {
            next = done
        } else if plan.openBlock == nil {
            next = (try? Fixture.apply(.block(.rhkAtasan, note: nil), to: plan, on: LocalDate("2025-01-12")!)) ?? plan
        } else {
            next = (try? Fixture.apply(.unblock, to: plan, on: LocalDate("2025-01-14")!)) ?? plan
        }
        let due = random.next() % 5 == 0 ? nil : LocalDate("2025-01-01")!.adding(days: Int(random.next() % 180))
        return StoredPlan(plan: next, due: due)
    }

    @Test("200 random writes, each followed by every listing: kept answers equal the database", arguments: [UInt64(1), 2, 3])
    func randomWrites(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let ids = Fixture.roster.map { PlanID(cycle: Fixture.cycle, position: $0.position.key) }
        var random = SplitMix64(seed: seed)
        try Self.expectKeptAnswersTrue(store, after: "seeding")
        for round in 0..<200 {
            let write: String
            switch random.next() % 10 {
            case 0, 1, 2:
                let id = ids[Int(random.next() % UInt64(ids.count))]
                let next = Self.changed(try Self.current(id, in: store), random: &random)
                try store.savePlan(next.plan, due: next.due, action: "test", actor: Fixture.admin, at: Fixture.now)
                write = "one plan saved"
            case 3:
                // Several saves in one transaction, the same plan possibly twice: the last wins.
                let count = 2 + Int(random.next() % 3)
                var plans = Dictionary(uniqueKeysWithValues: try ids.map { ($0, try Self.current($0, in: store)) })
                var saves: [StoredPlan] = []
                for _ in 0..<count {
                    let id = ids[Int(random.next() % UInt64(ids.count))]
                    let next = Self.changed(plans[id]!, random: &random)
                    plans[id] = next.plan
                    saves.append(next)
                }
                try store.transaction { tx in
                    for save in saves { try tx.savePlan(save.plan, due: save.due, action: "test", actor: Fixture.admin, at: Fixture.now) }
                }
                write = "\(count) plans saved together"
            case 4:
                // More saves than are patched: applied as a rewrite.
                try store.transaction { tx in
                    for index in 0...WriteEffects.maxPatchedPlans {
                        let id = ids[index % ids.count]
                        let next = Self.changed(try Self.current(id, in: store), random: &random)
                        try tx.savePlan(next.plan, due: next.due, action: "test", actor: Fixture.admin, at: Fixture.now)
                    }
                }
                write = "an import's many saves"
            case 5:
                let shift = Int(random.next() % 60)
                _ = try store.updateDues(cycle: Fixture.cycle) { $0.isComplete ? nil : LocalDate("2025-01-20")!.adding(days: shift + $0.currentIndex) }
                write = "deadlines recomputed"
            case 6:
                let roster = Fixture.roster.filter { _ in random.next() % 4 != 0 }
                _ = try store.applyRoster(roster, actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
                _ = try store.ensurePlans(cycle: Fixture.cycle, due: Fixture.due, actor: Fixture.daemon, at: Fixture.now)
                write = "a roster of \(roster.count) rows"
            case 7:
                _ = try store.addSilence(personID: nil, npsn: "99999999", until: "2025-01-10", reason: "test", actor: Fixture.admin, at: Fixture.now)
                write = "a silence"
            case 8:
                _ = try store.recordReminder(Fixture.reminder(Fixture.reminderID(offset: round)), hooks: ["log"], at: Fixture.now)
                write = "a reminder fired"
            default:
                try store.setSchedulerCheckpoint(Fixture.minutes(round))
                write = "the scheduler's checkpoint"
            }
            try Self.expectKeptAnswersTrue(store, after: "\(write) (round \(round))", rosterFirst: random.next() % 2 == 0)
        }
    }

    @Test("a saved plan is patched into the kept answers: the next listing reads no plan")
    func savedPlanIsPatched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let all = PlanQuery(cycle: Fixture.cycle)
        _ = try store.plans(matching: all)
        let id = Fixture.planID(Fixture.siti, Fixture.school2)
        let next = try Fixture.apply(.block(.rhkAtasan, note: nil), to: try Self.current(id, in: store), on: LocalDate("2025-01-12")!)
        try store.savePlan(next, due: nil, action: "test", actor: Fixture.admin, at: Fixture.now)
        var read = false
        let plans = store.keptPlans.answer(to: all, generation: store.planGeneration.load(ordering: .acquiring)) {
            read = true
            return []
        }
        #expect(!read)
        #expect(plans.first { $0.plan.id == id } == StoredPlan(plan: next, due: nil))
    }
}
