import KinerjaCore
import Testing

@Suite("Perencanaan and Pelaksanaan of a principal")
struct PrincipalPlanningTests {
    let rules = Fixtures.rules2024
    let planText = "2024-1/198609262015051001/ks@20100001"

    @Test("happy path through all twelve steps")
    func happyPath() throws {
        var plan = Fixtures.principalPlan("2024-1")
        #expect(plan.records.map(\.step) == Workflow.kepalaSekolah)
        #expect(plan.currentStep == .praktikKinerja)
        #expect(plan.standing == .at(.praktikKinerja, startedOn: nil))
        #expect(plan.allowedActions == ["selesai praktik-kinerja", "terblokir"])

        let steps: [(PlanAction, String)] = [
            (.complete(.praktikKinerja, Fixtures.praktik), "2024-01-05"),
            (.complete(.pengembanganKompetensi, Fixtures.rhk44), "2024-01-10"),
            (.complete(.perilakuKerja, Fixtures.perilakuDua), "2024-01-12"),
            (.complete(.rangkuman, .none), "2024-01-20"),
            (.complete(.dokumenPersiapan, StepDetails(catatan: "jadwal disepakati")), "2024-02-10"),
            (.complete(.observasi, StepDetails(rating: .sesuaiEkspektasi)), "2024-03-05"),
            (.complete(.dokumenTindakLanjut, .none), "2024-03-15"),
            (.complete(.tindakLanjutObservasi, .none), "2024-05-10"),
            (.complete(.dokumenRefleksiTindakLanjut, .none), "2024-06-20"),
            (.complete(.penilaian, StepDetails(ratingPraktik: .sesuaiEkspektasi, ratingPerilaku: .sesuaiEkspektasi)), "2024-06-24"),
            (.complete(.penetapanPredikat, StepDetails(predikat: .baik)), "2024-06-27"),
            (.complete(.sinkron, .none), "2024-07-02"),
        ]
        for (i, (action, date)) in steps.enumerated() {
            #expect(plan.currentStep == Workflow.kepalaSekolah[i])
            #expect(plan.submittedOn == (i >= 4 ? d("2024-01-20") : nil))
            plan = try plan.then(action, on: date, rules: rules)
            #expect(plan.record(Workflow.kepalaSekolah[i])?.completedOn == d(date))
        }
        #expect(plan.isComplete)
        #expect(plan.currentStep == nil)
        #expect(plan.standing == .complete)
        #expect(plan.allowedActions.isEmpty)
        #expect(plan.submittedOn == d("2024-01-20"))
        #expect(plan.planningDoneOn == d("2024-01-20"))
        #expect(plan.record(.pengembanganKompetensi)?.details == Fixtures.rhk44)
        #expect(plan.record(.observasi)?.details?.rating == .sesuaiEkspektasi)
        // `.none` details are stored as nil; a step started implicitly starts at the previous completion.
        #expect(plan.record(.rangkuman)?.details == nil)
        #expect(plan.record(.dokumenPersiapan)?.startedOn == d("2024-01-20"))
        #expect(plan.record(.praktikKinerja)?.startedOn == d("2024-01-05"))
        #expect(plan.revisions.isEmpty && plan.blocks.isEmpty)

        let error = try #require(plan.refusal(.complete(.dokumenRefleksiTindakLanjut, .none), on: "2024-06-21", rules: rules))
        #expect(error.reason == .planComplete)
        #expect(error.standing == .complete)
        #expect(error.allowed.isEmpty)
        #expect(plan.refusal(.block(.lainnya, note: nil), on: "2024-06-21", rules: rules)?.reason == .planComplete)
    }

    @Test("several steps may be done on the same day")
    func sameDay() throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-01")
        #expect(plan.currentStep == .dokumenPersiapan)
        #expect(plan.submittedOn == d("2024-01-01"))
    }

    @Test("a step of the other role's workflow is refused")
    func wrongStep() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(.complete(.penyusunan, .none), on: "2024-01-05", rules: rules))
        #expect(error.plan == planText)
        #expect(error.step == .penyusunan)
        #expect(error.standing == .at(.praktikKinerja, startedOn: nil))
        #expect(error.allowed == ["selesai praktik-kinerja", "terblokir"])
        #expect(error.reason == .stepNotInWorkflow)
        #expect(error.description == "plan \(planText): step 'penyusunan' is not part of this role's workflow (state: at praktik-kinerja; allowed: selesai praktik-kinerja, terblokir)")
    }

    @Test("steps out of order are refused", arguments: [Step.pengembanganKompetensi, .perilakuKerja, .rangkuman, .observasi])
    func outOfOrder(step: Step) throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(.complete(step, .none), on: "2024-01-05", rules: rules))
        #expect(error.step == step)
        #expect(error.reason == .notCurrentStep)
        #expect(error.standing == .at(.praktikKinerja, startedOn: nil))
        #expect(error.allowed == ["selesai praktik-kinerja", "terblokir"])
        #expect(error.description.contains("step '\(step.rawValue)' is not the current step"))
    }

    @Test("a date after today is refused")
    func afterToday() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-10", today: "2024-01-09", rules: rules))
        #expect(error.reason == .badDate(.afterToday(d("2024-01-10"), today: d("2024-01-09"))))
        #expect(error.step == .praktikKinerja)
        #expect(error.standing == .at(.praktikKinerja, startedOn: nil))
    }

    @Test("a date before the cycle starts is refused")
    func beforeCycle() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .complete(.praktikKinerja, Fixtures.praktik), on: "2023-12-31", today: "2024-01-05", rules: rules))
        #expect(error.reason == .badDate(.beforeCycleStart(d("2023-12-31"), cycle: CycleID("2024-1")!)))
    }

    @Test("a date before the plan's last event is refused")
    func beforeLastEvent() throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-10", rules: rules)
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-09", today: "2024-01-15", rules: rules))
        #expect(error.reason == .badDate(.beforeLastEvent(d("2024-01-09"), lastEvent: d("2024-01-10"))))
        #expect(error.step == .pengembanganKompetensi)
        #expect(error.standing == .at(.pengembanganKompetensi, startedOn: nil))
        #expect(error.allowed == ["selesai pengembangan-kompetensi", "terblokir"])
        #expect(plan.refusal(.block(.pemutakhiranData, note: nil), on: "2024-01-09", today: "2024-01-15", rules: rules)?.reason
            == .badDate(.beforeLastEvent(d("2024-01-09"), lastEvent: d("2024-01-10"))))
    }

    @Test("after Rangkuman the planning steps are frozen", arguments: [Step.praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman])
    func frozen(step: Step) throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
        let error = try #require(plan.refusal(.complete(step, .none), on: "2024-01-25", rules: rules))
        #expect(error.reason == .frozen(submittedOn: d("2024-01-20")))
        #expect(error.step == step)
        #expect(error.standing == .at(.dokumenPersiapan, startedOn: nil))
        #expect(error.allowed == ["selesai dokumen-persiapan", "terblokir"])
        #expect(error.description.contains("the plan was submitted on 2024-01-20 and can no longer be changed"))
    }

    @Test("RHK below the minimum is refused, naming the total and the minimum, where the rules require it")
    func rhkBelowMinimum() throws {
        var rules = rules
        rules.requirements = PlanRequirements([.rhkMinimumPoints: .required])
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        // 8 + 2 × 4 + 8 = 24 points.
        let details = StepDetails(rhk: [
            RHKChoice(id: "rhk-pelatihan-mandiri"), RHKChoice(id: "rhk-peserta-berbagi", jumlah: 2), RHKChoice(id: "rhk-narasumber"),
        ])
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, details), on: "2024-01-06", rules: rules))
        #expect(error.reason == .invalidDetails(.tooFewPoints(total: 24, minimum: 32)))
        #expect(error.step == .pengembanganKompetensi)
        #expect(error.standing == .at(.pengembanganKompetensi, startedOn: nil))
        #expect(error.plan == planText)
        // No items at all is zero points.
        #expect(plan.refusal(.complete(.pengembanganKompetensi, StepDetails(rhk: [])), on: "2024-01-06", rules: rules)?.reason
            == .invalidDetails(.tooFewPoints(total: 0, minimum: 32)))
    }

    @Test("RHK totals count points × quantity; exactly the minimum passes", arguments: [
        [RHKChoice(id: "rhk-pelatihan-mandiri", jumlah: 4)], // 32
        [RHKChoice(id: "rhk-penggerak-kombel")], // 36
        [RHKChoice(id: "rhk-peserta-berbagi", jumlah: 2), RHKChoice(id: "rhk-narasumber", jumlah: 3)], // 32
        [RHKChoice(id: "rhk-penggerak-kombel", jumlah: 4)], // 144, above the recommended 128: allowed
    ])
    func rhkEnough(choices: [RHKChoice]) throws {
        let plan = try Fixtures.principalPlan("2024-1")
            .then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
            .then(.complete(.pengembanganKompetensi, StepDetails(rhk: choices)), on: "2024-01-06", rules: rules)
        #expect(plan.currentStep == .perilakuKerja)
        #expect(plan.record(.pengembanganKompetensi)?.details?.rhk == choices)
    }

    @Test("RHK refusals: unknown id, unknown points, zero quantity, a competency indicator under 2024 rules")
    func rhkRefusals() throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        func reason(_ details: StepDetails) -> TransitionError.Reason? {
            plan.refusal(.complete(.pengembanganKompetensi, details), on: "2024-01-06", rules: rules)?.reason
        }
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-karangan")]))
            == .invalidDetails(.notInCatalog(.rhk, id: "rhk-karangan", rulesFile: "config/rules/2024.toml", known: [
                "rhk-peserta-berbagi", "rhk-pelatihan-mandiri", "rhk-narasumber", "rhk-penggerak-kombel", "rhk-tak-diketahui",
            ])))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-tak-diketahui")]))
            == .invalidDetails(.rhkWithoutPoints(id: "rhk-tak-diketahui", rulesFile: "config/rules/2024.toml")))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel", jumlah: 0)]))
            == .invalidDetails(.rhkQuantity(id: "rhk-penggerak-kombel", jumlah: 0)))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-narasumber", jumlah: -1)]))
            == .invalidDetails(.rhkQuantity(id: "rhk-narasumber", jumlah: -1)))
        #expect(reason(StepDetails(kompetensi: "kom-sosial-1"))
            == .invalidDetails(.competencyInsteadOfRHK(minimumPoints: 32)))
    }

    @Test("2025 rules refuse RHK items and accept one competency indicator")
    func rules2025() throws {
        let rules = Fixtures.rules2025
        let plan = try Fixtures.principalPlan("2025-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2025-01-05", rules: rules)
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2025-01-06", rules: rules))
        #expect(error.reason == .invalidDetails(.rhkInsteadOfCompetency))
        #expect(error.plan == "2025-1/198609262015051001/ks@20100001")
        let unknown = try #require(plan.refusal(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kom-karangan")), on: "2025-01-06", rules: rules))
        #expect(unknown.reason == .invalidDetails(.notInCatalog(
            .kompetensi, id: "kom-karangan", rulesFile: "config/rules/2025.toml", known: ["kom-kepribadian-1", "kom-sosial-1", "kom-profesional-1"])))
        let next = try plan.then(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kom-sosial-1")), on: "2025-01-06", rules: rules)
        #expect(next.currentStep == .perilakuKerja)
        #expect(next.record(.pengembanganKompetensi)?.details?.kompetensi == "kom-sosial-1")
    }

    @Test("a 2025 cycle is judged by the 2025 rules, a 2026 cycle too until a 2026 file exists")
    func rulesBook() throws {
        let book = RulesBook([Fixtures.rules2025, Fixtures.rules2024])
        #expect(book.rules(for: CycleID("2024-2")!)?.year == 2024)
        #expect(book.rules(for: CycleID("2025-1")!)?.year == 2025)
        #expect(book.rules(for: CycleID("2026-2")!)?.year == 2025)
        #expect(book.rules(for: CycleID("2023-2")!) == nil)
    }

    @Test("an unknown D3 sub-indicator is refused, naming the catalog")
    func unknownD3() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .complete(.praktikKinerja, StepDetails(praktikKinerja: "d3-karangan")), on: "2024-01-05", rules: rules))
        #expect(error.reason == .invalidDetails(.notInCatalog(
            .praktikKinerja, id: "d3-karangan", rulesFile: "config/rules/2024.toml", known: Fixtures.d3.map(\.id))))
        #expect(error.description.contains("Praktik Kinerja indicator 'd3-karangan' is not in the catalog of config/rules/2024.toml; known: d3-visi-misi, "))
        #expect(error.description.contains("d3-refleksi-kompetensi-guru"))
        #expect(error.step == .praktikKinerja)
        #expect(error.standing == .at(.praktikKinerja, startedOn: nil))
    }

    @Test("every one of the eight D3 sub-indicators is accepted", arguments: Fixtures.d3.map(\.id))
    func everyD3(id: String) throws {
        let plan = try Fixtures.principalPlan("2024-1")
            .then(.complete(.praktikKinerja, StepDetails(praktikKinerja: id)), on: "2024-01-05", rules: rules)
        #expect(plan.record(.praktikKinerja)?.details?.praktikKinerja == id)
    }

    @Test("Perilaku Kerja refusals: unknown aspect, an aspect twice, none")
    func perilakuRefusals() throws {
        let plan = try Fixtures.principalPlan("2024-1")
            .then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
            .then(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-05", rules: rules)
        func reason(_ aspects: [String]) -> TransitionError.Reason? {
            plan.refusal(.complete(.perilakuKerja, StepDetails(perilakuKerja: aspects)), on: "2024-01-06", rules: rules)?.reason
        }
        #expect(reason(["kolaboratif", "disiplin"])
            == .invalidDetails(.unknownPerilakuAspect("disiplin", known: Fixtures.berakhlakIDs)))
        #expect(reason(["loyal", "loyal"]) == .invalidDetails(.perilakuAspectTwice))
        #expect(reason([]) == .invalidDetails(.noPerilakuAspect))
        // A principal may prioritise a subset, or all seven.
        #expect(try plan.then(.complete(.perilakuKerja, StepDetails(perilakuKerja: ["loyal"])), on: "2024-01-06", rules: rules).currentStep == .rangkuman)
        #expect(try plan.then(.complete(.perilakuKerja, StepDetails(perilakuKerja: Fixtures.berakhlakIDs)), on: "2024-01-06", rules: rules).currentStep == .rangkuman)
    }

    @Test("an office that records only 'done' is not asked for details")
    func noDetails() throws {
        var plan = Fixtures.principalPlan("2024-1")
        // Penilaian is the exception: a predikat is not recorded without what decides it.
        for step in Workflow.kepalaSekolah where !step.isPenilaian {
            plan = try plan.then(.complete(step, .none), on: "2024-01-15", rules: rules)
        }
        #expect(plan.currentStep == .penilaian)
        #expect(plan.records.allSatisfy { $0.details == nil })
    }

    @Test("with an empty RHK catalog (points not known) RHK choices are not refused")
    func emptyRHKCatalog() throws {
        // Catalogs: "An empty list means 'not known': any choice is then accepted, since
        // refusing everything would block the office."
        let rules = Fixtures.makeRules2024(rhk: [])
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        _ = try plan.then(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-06", rules: rules)
    }

    @Test("'mulai' is offered only for steps with a length, and accepted only there")
    func startOnlyWhereOffered() throws {
        let plan = Fixtures.principalPlan("2024-1")
        #expect(!plan.allowedActions.contains { $0.hasPrefix("mulai") })
        let error = try #require(plan.refusal(.start(.praktikKinerja), on: "2024-01-05", rules: rules))
        #expect(error.reason == .cannotStart)
        #expect(error.step == .praktikKinerja)
    }

    @Test("a blocked principal plan refuses every change but unblock", arguments: [
        PlanAction.complete(.praktikKinerja, Fixtures.praktik),
        .start(.praktikKinerja),
        .returnForRevision(.praktikKinerja, reason: "x"),
        .complete(.observasi, .none),
        .block(.lainnya, note: "lagi"),
    ])
    func blocked(action: PlanAction) throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.block(.pemutakhiranData, note: "NIP berbeda di Dapodik"), on: "2024-01-08", rules: rules)
        let error = try #require(plan.refusal(action, on: "2024-01-10", rules: rules))
        #expect(error.reason == .blocked(.pemutakhiranData))
        #expect(error.step == action.step)
        #expect(error.allowed == ["dibuka"])
    }

    @Test("unblock on a principal plan: refused while not blocked, and when dated before the block")
    func unblock() throws {
        let plan = Fixtures.principalPlan("2024-1")
        let notBlocked = try #require(plan.refusal(.unblock, on: "2024-01-05", rules: rules))
        #expect(notBlocked.reason == .notBlocked)
        #expect(notBlocked.step == nil)

        let blocked = try plan.then(.block(.plottingTimKinerja, note: nil), on: "2024-01-08", rules: rules)
        let early = try #require(blocked.refusal(.unblock, on: "2024-01-07", today: "2024-01-10", rules: rules))
        #expect(early.reason == .badDate(.beforeBlock(d("2024-01-07"), blockedOn: d("2024-01-08"))))
        #expect(blocked.openBlock?.until == nil)

        // The day of the block itself is accepted; then there is nothing left to unblock.
        let open = try blocked.then(.unblock, on: "2024-01-08", rules: rules)
        #expect(open.openBlock == nil)
        #expect(open.blocks.map(\.until) == [d("2024-01-08")])
        #expect(open.refusal(.unblock, on: "2024-01-09", rules: rules)?.reason == .notBlocked)
        #expect(try open.then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-09", rules: rules).currentStep == .pengembanganKompetensi)
    }

    @Test("only review steps can be returned for revision")
    func notReviewStep() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .returnForRevision(.praktikKinerja, reason: "kurang jelas"), on: "2024-01-05", rules: rules))
        #expect(error.reason == .notReviewStep)
        #expect(error.description.contains("only pemeriksaan and persetujuan can return a plan for revision"))
    }

    @Test("a refused action leaves the plan as it was")
    func refusalChangesNothing() throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        let copy = plan
        _ = plan.refusal(.complete(.pengembanganKompetensi, StepDetails(rhk: [RHKChoice(id: "rhk-tak-dikenal")])), on: "2024-01-06", rules: rules)
        #expect(plan == copy)
        #expect(plan.currentStep == .pengembanganKompetensi)
    }
}
