import Foundation
import KinerjaCore
import KinerjaStore

/// The store answers the office's questions from its derived columns; Core decides them.
/// These checks compare the two on random plans: what the store lists as overdue on a day,
/// blocked, at a step, counts in `status` and in the compliance report must be what Core's
/// `PlanFacts` says of each plan.
enum RuleChecks {
    /// A roster of 60 positions (principals and supervisors) with random plans walked
    /// through their workflow, saved; returns the plans.
    static func seedRandom(_ store: any OfficeStore, seed: UInt64) async throws -> [Plan] {
        var random = RandomPlans(seed: seed)
        let entries = (0..<60).map { n -> RosterEntry in
            let id = PersonID(trusted: "19800101200001\(1000 + n)")
            return n % 5 == 0
                ? District.supervisor(id, nama: "Pengawas \(n)", binaan: [District.school1])
                : District.principal(id, nama: "Kepala \(n)", school: NPSN(trusted: "2020\(1000 + n)"))
        }
        _ = try await store.applyRoster(
            entries, markMissingInactive: true, plans: [District.creation], dryRun: false, record: District.importRecord("roster", rows: 60),
            actor: District.admin, at: District.now)
        let ids = entries.map { PlanID(cycle: District.cycle, position: $0.position.key) }
        let stored = try await store.plans(Set(ids))
        var plans: [Plan] = []
        var saves: [PlanSave] = []
        for id in ids {
            let plan = random.walked(id: id, steps: random.int(14))
            plans.append(plan)
            saves.append(District.save(plan, over: stored[id]))
        }
        try await store.savePlans(saves, record: nil, actor: District.admin, at: District.now)
        return plans
    }

    static let days = ["2025-01-01", "2025-01-31", "2025-02-01", "2025-02-28", "2025-03-15", "2025-04-01", "2025-05-20", "2025-06-30", "2025-08-01"]
        .map { LocalDate($0)! }

    static let all: [StoreCheck] = [
        StoreCheck("on random plans, the facts read back are Core's, and overdue, blocked and step listings are Core's predicates") { store in
            for seed in [UInt64(1), 2, 3] {
                let plans = try await seedRandomOnce(store, seed: seed)
                let facts = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, District.derive($0).facts) })
                let listed = try await store.listing(ListingQuery(cycle: District.cycle, activeOnly: false))
                for row in listed {
                    try expectEqual(row.plan, facts[PlanID(cycle: District.cycle, position: row.position.key)], "facts of \(row.position.key)")
                }
                for day in days {
                    let overdue = Set(try await store.listing(ListingQuery(cycle: District.cycle, overdueOn: day)).map(\.position.key))
                    try expectEqual(overdue, Set(facts.values.filter { $0.isOverdue(on: day) }.map(\.plan.position)), "overdue on \(day), seed \(seed)")
                    let counts = try await store.statusFigures(cycle: District.cycle, on: day).counts
                    try expectEqual(counts.overdue, facts.values.filter { $0.isOverdue(on: day) }.count, "status overdue on \(day)")
                    try expectEqual(counts.blocked, facts.values.filter(\.isBlocked).count, "status blocked")
                    try expectEqual(counts.complete, facts.values.filter(\.isComplete).count, "status complete")
                    try expectEqual(counts.plans, facts.count, "status plans")
                    try expectEqual(try await store.compliance(cycle: District.cycle, on: day), reference(plans, on: day), "compliance on \(day), seed \(seed)")
                }
                for blocked in [true, false] {
                    let listedBlocked = Set(try await store.listing(ListingQuery(cycle: District.cycle, blocked: blocked)).map(\.position.key))
                    try expectEqual(listedBlocked, Set(facts.values.filter { $0.isBlocked == blocked }.map(\.plan.position)), "blocked \(blocked)")
                }
                for step in Step.allCases {
                    let atStep = Set(try await store.listing(ListingQuery(cycle: District.cycle, currentStep: step)).map(\.position.key))
                    try expectEqual(atStep, Set(facts.values.filter { $0.currentStep == step }.map(\.plan.position)), "at \(step)")
                }
                try expectEqual(
                    Set(try await store.stepCompletions(cycle: District.cycle, npsn: nil)), completions(plans), "step completions, seed \(seed)")
                let school = District.school1
                try expectEqual(
                    Set(try await store.stepCompletions(cycle: District.cycle, npsn: school)),
                    completions(plans.filter { $0.id.position.npsn == school }), "step completions at \(school)")
                let chunked = try await store.listingChunks(ListingQuery(cycle: District.cycle, activeOnly: false), size: 7).collect()
                try expectEqual(chunked, listed, "the listing in chunks of 7 is the listing")
                // A consumer that stops early releases the read: the store answers again.
                for _ in 0..<12 {
                    for try await _ in store.listingChunks(ListingQuery(cycle: District.cycle, activeOnly: false), size: 1) { break }
                }
                try expectEqual(try await store.listing(ListingQuery(cycle: District.cycle, activeOnly: false)).count, listed.count, "after stopped reads")
                let subjects = try await store.reminderSubjects(cycle: District.cycle, person: nil)
                try expectEqual(
                    try await store.reminderSubjectChunks(cycle: District.cycle, person: nil, size: 5).collect(), subjects,
                    "reminder subjects in chunks of 5")
                try expectEqual(Set(subjects.map(\.plan)), Set(facts.values.filter { !$0.isComplete }), "reminder subjects: the open plans' facts")
            }
        },
        StoreCheck("a listing is ordered by school, name, id and role, and filters by role, school, person and sekolah binaan") { store in
            try await District.seed(store)
            let all = try await store.listing(ListingQuery(cycle: District.cycle))
            try expectEqual(all.map(\.position.key.npsn), [nil, District.school1, District.school2, District.school3], "order")
            try expectEqual(try await store.listing(ListingQuery(cycle: District.cycle, role: .pengawasSekolah)).map(\.person.id), [District.agus], "role")
            try expectEqual(try await store.listing(ListingQuery(cycle: District.cycle, npsn: District.school3)).map(\.position.jabatan), [.plt], "school")
            try expectEqual(try await store.listing(ListingQuery(cycle: District.cycle, personID: District.budi)).count, 2, "person")
            try expectEqual(try await store.listing(ListingQuery(cycle: District.cycle, sekolahBinaan: District.school2)).map(\.person.id), [District.agus], "binaan")
            try expect(try await store.listing(ListingQuery(cycle: District.cycle.next)).allSatisfy { $0.plan == nil }, "no plans in the next cycle")
        },
    ]

    /// Seeds once per store: the first seed applies the roster, later ones only the plans.
    static func seedRandomOnce(_ store: any OfficeStore, seed: UInt64) async throws -> [Plan] {
        if try await store.person(PersonID(trusted: "198001012000011000")) == nil { return try await seedRandom(store, seed: seed) }
        var random = RandomPlans(seed: seed)
        let listed = try await store.listing(ListingQuery(cycle: District.cycle, activeOnly: false))
        let ids = Set(listed.map { PlanID(cycle: District.cycle, position: $0.position.key) })
        let stored = try await store.plans(ids)
        var plans: [Plan] = []
        var saves: [PlanSave] = []
        for id in ids.sorted() {
            let plan = random.walked(id: id, steps: random.int(14))
            plans.append(plan)
            saves.append(District.save(plan, over: stored[id]))
        }
        try await store.savePlans(saves, record: nil, actor: District.admin, at: District.now)
        return plans
    }

    /// The steps each plan has passed (those before its current one), counted per role, step
    /// and completion day, from the plans themselves.
    static func completions(_ plans: [Plan]) -> Set<StepCompletions> {
        var counts: [StepCompletions: Int] = [:]
        for plan in plans {
            for record in plan.records.prefix(plan.currentIndex) {
                counts[StepCompletions(role: plan.role, step: record.step, completedOn: record.completedOn, plans: 0), default: 0] += 1
            }
        }
        return Set(counts.map { key, n in StepCompletions(role: key.role, step: key.step, completedOn: key.completedOn, plans: n) })
    }

    /// The compliance report computed from the plans by Core, step by step: the reference
    /// the store's grouped queries must equal.
    static func reference(_ plans: [Plan], on day: LocalDate) -> ComplianceCounts {
        var steps: [Role: [ComplianceCounts.StepCounts]] = [:]
        for role in Role.allCases { steps[role] = Workflow.steps(for: role).map { ComplianceCounts.StepCounts(role: role, step: $0) } }
        var roles: [Role: ComplianceCounts.GroupCounts] = [:]
        var schools: [String: ComplianceCounts.GroupCounts] = [:]
        for plan in plans {
            let derivation = District.derive(plan), facts = derivation.facts
            for (index, record) in plan.records.enumerated() {
                if let done = record.completedOn {
                    steps[plan.role]![index].done += 1
                    if done <= derivation.dues[index] { steps[plan.role]![index].onTime += 1 } else { steps[plan.role]![index].late += 1 }
                } else if index == plan.currentIndex {
                    if facts.isBlocked { steps[plan.role]![index].blocked += 1 }
                    else if facts.isOverdue(on: day) { steps[plan.role]![index].overdue += 1 }
                    else { steps[plan.role]![index].pending += 1 }
                }
            }
            func count(_ g: inout ComplianceCounts.GroupCounts) {
                g.plans += 1
                if facts.isComplete { g.complete += 1 }
                if facts.isOverdue(on: day) { g.overdue += 1 }
                if facts.isBlocked { g.blocked += 1 }
                if facts.isUnsubmitted(on: day) { g.notSubmitted += 1 }
            }
            count(&roles[plan.role, default: .init()])
            if let npsn = plan.id.position.npsn { count(&schools[npsn.rawValue, default: .init()]) }
        }
        return ComplianceCounts(
            steps: Role.allCases.flatMap { steps[$0]! }, roles: roles,
            schools: schools.keys.sorted().map { npsn in
                ComplianceCounts.SchoolCounts(npsn: npsn, name: "SD Negeri \(npsn.suffix(1)) Sukamaju", counts: schools[npsn]!)
            })
    }
}
