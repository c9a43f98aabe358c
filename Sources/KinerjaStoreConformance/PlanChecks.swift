import Foundation
import KinerjaCore
import KinerjaStore

/// Plans as a store keeps them: every field back as it was saved, versions, audit rows of
/// the fields that changed, and the refusals of a save.
enum PlanChecks {
    static let all: [StoreCheck] = [
        StoreCheck("ensurePlans creates one plan per active position, once, with one summary audit row") { store in
            _ = try await store.applyRoster(
                District.roster, markMissingInactive: true, plans: [], dryRun: false, record: District.importRecord("roster", rows: 4),
                actor: District.admin, at: District.now)
            try expectEqual(try await store.ensurePlans(District.creation, actor: District.daemon, at: District.now), 4, "created")
            try expectEqual(try await store.ensurePlans(District.creation, actor: District.daemon, at: District.now), 0, "created again")
            let ids = Set(District.roster.map { PlanID(cycle: District.cycle, position: $0.position.key) })
            let plans = try await store.plans(ids)
            try expectEqual(Set(plans.keys), ids, "plan ids")
            try expect(plans.values.allSatisfy { $0.plan == Plan(id: $0.plan.id) && $0.version == 1 }, "fresh plans at version 1")
            let summary = try await store.history(subject: District.cycle.description, limit: 1)
            try expectEqual(summary.map(\.action), ["plans created"], "summary row")
            try expect(summary.first?.after?.contains(#""created":4"#) == true, "count in the summary: \(summary.first?.after ?? "-")")
        },
        StoreCheck("500 arbitrary plans come back exactly as saved, and again after a second save over them") { store in
            try await District.seed(store)
            var random = RandomPlans(seed: 11)
            let ids = District.roster.map { PlanID(cycle: District.cycle, position: $0.position.key) }
            for round in 0..<125 {
                for id in ids {
                    let old = try await store.plan(id)
                    let plan = random.arbitrary(id: id)
                    try await store.savePlans([District.save(plan, over: old)], record: nil, actor: District.admin, at: District.now)
                    let back = try await store.plan(id)
                    try expect(back?.plan == plan, "round \(round): \(id) came back as \(String(describing: back?.plan)), saved \(plan)")
                    try expectEqual(back?.version, (old?.version ?? 0) + 1, "version after a save")
                }
            }
        },
        StoreCheck("a plan not stored yet is created by its first save; a plan of another cycle too") { store in
            try await District.seed(store)
            let id = PlanID(cycle: District.cycle.next, position: District.roster[0].position.key)
            let plan = try District.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: "d3-visi-misi")), to: Plan(id: id), on: "2025-07-10")
            try await store.savePlans([District.save(plan, over: nil)], record: nil, actor: District.admin, at: District.now)
            try expectEqual(try await store.plan(id)?.plan, plan, "the new plan")
            try expectEqual(try await store.cycles(), [District.cycle, District.cycle.next], "cycles")
        },
        StoreCheck("plansChanged names the plans saved since a snapshot, and no other; with none known it cannot tell") { store in
            try await District.seed(store)
            let first = try await store.plansChanged(cycle: District.cycle, since: nil)
            try expect(first.changed == nil, "no snapshot known: cannot tell")
            try expectEqual(try await store.plansChanged(cycle: District.cycle, since: first.now).changed, [], "nothing saved since")
            let id = District.planID(District.siti, District.school2)
            let read = try await store.plan(id)
            let plan = try District.apply(.complete(.praktikKinerja, .none), to: read!.plan, on: "2025-01-10")
            try await store.savePlans([District.save(plan, over: read)], record: nil, actor: District.admin, at: District.now)
            let second = try await store.plansChanged(cycle: District.cycle, since: first.now)
            try expectEqual(second.changed, [id], "the plan saved")
            try expectEqual(try await store.plansChanged(cycle: District.cycle, since: second.now).changed, [], "nothing since the second")
        },
        StoreCheck("a save over a version another writer moved is refused as a conflict, and writes nothing") { store in
            try await District.seed(store)
            let id = District.planID(District.siti, District.school2)
            let read = try await store.plan(id)
            let first = try District.apply(.complete(.praktikKinerja, .none), to: read!.plan, on: "2025-01-10")
            try await store.savePlans([District.save(first, over: read)], record: nil, actor: District.admin, at: District.now)
            let second = try District.apply(.block(.rhkAtasan, note: nil), to: read!.plan, on: "2025-01-11")
            try await expectThrows(StoreError.conflict(plan: id.description), "the stale save") {
                try await store.savePlans([District.save(second, over: read)], record: nil, actor: District.admin, at: District.now)
            }
            try expectEqual(try await store.plan(id)?.plan, first, "the first writer's plan")
            try await expectThrows(StoreError.conflict(plan: id.description), "a second creation") {
                try await store.savePlans([District.save(Plan(id: id), over: nil)], record: nil, actor: District.admin, at: District.now)
            }
        },
        StoreCheck("saves are all or nothing: one refused plan leaves the others unwritten") { store in
            try await District.seed(store)
            let id = District.planID(District.siti, District.school2)
            let read = try await store.plan(id)
            let done = try District.apply(.complete(.praktikKinerja, .none), to: read!.plan, on: "2025-01-10")
            let stranger = Plan(id: PlanID(cycle: District.cycle, position: PositionKey(personID: PersonID(trusted: "198001012008011003"), role: .pengawasSekolah, npsn: nil)))
            try await expectThrows(StoreError.noSuchPosition(stranger.id.position), "a plan of no position") {
                try await store.savePlans(
                    [District.save(done, over: read), District.save(stranger, over: nil)], record: District.importRecord("progress", rows: 2),
                    actor: District.admin, at: District.now)
            }
            try expectEqual(try await store.plan(id), read, "the first plan unchanged")
            try expect(try await store.history(subject: "import/progress", limit: nil).isEmpty, "no import row")
        },
        StoreCheck("a save's audit row holds the fields that changed, not the whole plan; an import's rows link to its row") { store in
            try await District.seed(store)
            let id = District.planID(District.agus, nil)
            let read = try await store.plan(id)
            let composed = try District.apply(
                .complete(.penyusunan, StepDetails(praktikKinerja: "pk-1", perilakuKerja: ["akuntabel"], sekolah: [District.school1, District.school2, District.school3])),
                to: read!.plan, on: "2025-01-10")
            try await store.savePlans([District.save(composed, over: read, action: "selesai penyusunan")], record: nil, actor: District.admin, at: District.now)
            let reread = try await store.plan(id)
            let returned = try District.apply(.returnForRevision(.persetujuan, reason: "target \"belum\" realistis"), to: try District.apply(.complete(.pemeriksaan, .none), to: reread!.plan, on: "2025-01-12"), on: "2025-01-12")
            try await store.savePlans([District.save(returned, over: reread, action: "import")], record: District.importRecord("progress", rows: 2), actor: District.admin, at: District.now)
            let history = try await store.history(subject: id.description, limit: nil)
            try expectEqual(history.map(\.action), ["selesai penyusunan", "import"], "actions")
            let first = history[0].after ?? ""
            try expect(first.contains(#""penyusunan.completedOn":"2025-01-10""#) && first.contains(#""penyusunan.sekolah":"20100001, 20100002, 20100003""#)
                       && first.contains(#""currentStep":"pemeriksaan""#) && !first.contains("pendampingan"), "first change: \(first)")
            let second = history[1].after ?? ""
            try expect(second.contains(#""revisions.0":"persetujuan 2025-01-12: target \"belum\" realistis""#), "the return: \(second)")
            let importID = try await store.history(subject: "import/progress", limit: nil).first?.id ?? -1
            try expect(second.contains(#""import":"\#(importID)""#), "linked to the import row \(importID): \(second)")
            try expect(history[1].before?.contains(#""currentStep":"pemeriksaan""#) == true, "before: \(history[1].before ?? "-")")
        },
        StoreCheck("rederivePlans derives again the plans derived under other rules, and only those") { store in
            try await District.seed(store)
            try expectEqual(try await store.rederivePlans(cycle: District.cycle, rules: District.rulesName, derive: { plan, _ in District.derive(plan) }), 0, "same rules")
            var rules = District.rules
            rules.deadlinesKepalaSekolah["perencanaan"] = .endOfMonth(3)
            let later = TimelineSchedule(cycle: District.cycle, rules: rules)
            try expectEqual(try await store.rederivePlans(cycle: District.cycle, rules: "later", derive: { later.derivation(of: $0, closure: $1) }), 4, "new rules")
            try expectEqual(try await store.rederivePlans(cycle: District.cycle, rules: "later", derive: { later.derivation(of: $0, closure: $1) }), 0, "again")
            let listed = try await store.listing(ListingQuery(cycle: District.cycle, npsn: District.school2))
            try expectEqual(listed.first?.plan?.currentDue, LocalDate("2025-03-31"), "the new planning deadline")
        },
    ]
}
