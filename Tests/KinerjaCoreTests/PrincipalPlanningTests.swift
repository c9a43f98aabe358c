import KinerjaCore
import Testing

@Suite("Perencanaan and Pelaksanaan of a principal")
struct PrincipalPlanningTests {
    let rules = Fixtures.rules2024
    let planText = "2024-1/198609262015051001/ks@20100001"

    @Test("happy path through all nine steps")
    func happyPath() throws {
        var plan = Fixtures.principalPlan("2024-1")
        #expect(plan.records.map(\.step) == Workflow.kepalaSekolah)
        #expect(plan.currentStep == .praktikKinerja)
        #expect(plan.stateDescription == "at praktik-kinerja")
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
        ]
        for (i, (action, date)) in steps.enumerated() {
            #expect(plan.currentStep == Workflow.kepalaSekolah[i])
            #expect(plan.submittedOn == (i >= 4 ? d("2024-01-20") : nil))
            plan = try plan.then(action, on: date, rules: rules)
            #expect(plan.record(Workflow.kepalaSekolah[i])?.completedOn == d(date))
        }
        #expect(plan.isComplete)
        #expect(plan.currentStep == nil)
        #expect(plan.stateDescription == "complete")
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
        #expect(error.state == "complete")
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
        #expect(error.state == "at praktik-kinerja")
        #expect(error.allowed == ["selesai praktik-kinerja", "terblokir"])
        #expect(error.reason == .stepNotInWorkflow)
        #expect(error.description == "plan \(planText): step 'penyusunan' is not part of this role's workflow (state: at praktik-kinerja; allowed: selesai praktik-kinerja, terblokir)")
    }

    @Test("steps out of order are refused", arguments: [Step.pengembanganKompetensi, .perilakuKerja, .rangkuman, .observasi])
    func outOfOrder(step: Step) throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(.complete(step, .none), on: "2024-01-05", rules: rules))
        #expect(error.step == step)
        #expect(error.reason == .notCurrentStep)
        #expect(error.state == "at praktik-kinerja")
        #expect(error.allowed == ["selesai praktik-kinerja", "terblokir"])
        #expect(error.description.contains("step '\(step.rawValue)' is not the current step"))
    }

    @Test("a date after today is refused")
    func afterToday() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-10", today: "2024-01-09", rules: rules))
        #expect(error.reason == .badDate("the date 2024-01-10 is after today (2024-01-09)"))
        #expect(error.step == .praktikKinerja)
        #expect(error.state == "at praktik-kinerja")
    }

    @Test("a date before the cycle starts is refused")
    func beforeCycle() throws {
        let error = try #require(Fixtures.principalPlan("2024-1").refusal(
            .complete(.praktikKinerja, Fixtures.praktik), on: "2023-12-31", today: "2024-01-05", rules: rules))
        #expect(error.reason == .badDate("the date 2023-12-31 is before the cycle 2024-1 starts (2024-01-01)"))
    }

    @Test("a date before the plan's last event is refused")
    func beforeLastEvent() throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-10", rules: rules)
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-09", today: "2024-01-15", rules: rules))
        #expect(error.reason == .badDate("the date 2024-01-09 is before the plan's last event (2024-01-10)"))
        #expect(error.step == .pengembanganKompetensi)
        #expect(error.state == "at pengembangan-kompetensi")
        #expect(error.allowed == ["selesai pengembangan-kompetensi", "terblokir"])
        #expect(plan.refusal(.block(.pemutakhiranData, note: nil), on: "2024-01-09", today: "2024-01-15", rules: rules)?.reason
            == .badDate("the date 2024-01-09 is before the plan's last event (2024-01-10)"))
    }

    @Test("after Rangkuman the planning steps are frozen", arguments: [Step.praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman])
    func frozen(step: Step) throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
        let error = try #require(plan.refusal(.complete(step, .none), on: "2024-01-25", rules: rules))
        #expect(error.reason == .frozen(submittedOn: d("2024-01-20")))
        #expect(error.step == step)
        #expect(error.state == "at dokumen-persiapan")
        #expect(error.allowed == ["selesai dokumen-persiapan", "terblokir"])
        #expect(error.description.contains("the plan was submitted on 2024-01-20 and can no longer be changed"))
    }

    @Test("RHK below the minimum is refused, naming the total and the minimum")
    func rhkBelowMinimum() throws {
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        // 8 + 2 × 4 + 8 = 24 points.
        let details = StepDetails(rhk: [
            RHKChoice(id: "rhk-pelatihan-mandiri"), RHKChoice(id: "rhk-peserta-berbagi", jumlah: 2), RHKChoice(id: "rhk-narasumber"),
        ])
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, details), on: "2024-01-06", rules: rules))
        #expect(error.reason == .invalidDetails("the chosen RHK items total 24 points; at least 32 are needed this semester"))
        #expect(error.step == .pengembanganKompetensi)
        #expect(error.state == "at pengembangan-kompetensi")
        #expect(error.plan == planText)
        // No items at all is zero points.
        #expect(plan.refusal(.complete(.pengembanganKompetensi, StepDetails(rhk: [])), on: "2024-01-06", rules: rules)?.reason
            == .invalidDetails("the chosen RHK items total 0 points; at least 32 are needed this semester"))
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
            == .invalidDetails("RHK 'rhk-karangan' is not in the catalog of config/rules/2024.toml; known: rhk-peserta-berbagi, rhk-pelatihan-mandiri, rhk-narasumber, rhk-penggerak-kombel, rhk-tak-diketahui"))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-tak-diketahui")]))
            == .invalidDetails("RHK 'rhk-tak-diketahui' has no known points in config/rules/2024.toml; set its poin there"))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel", jumlah: 0)]))
            == .invalidDetails("RHK 'rhk-penggerak-kombel' has quantity 0; it must be at least 1"))
        #expect(reason(StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-narasumber", jumlah: -1)]))
            == .invalidDetails("RHK 'rhk-narasumber' has quantity -1; it must be at least 1"))
        #expect(reason(StepDetails(kompetensi: "kom-sosial-1"))
            == .invalidDetails("the rules of this year count RHK items with points (minimum 32); give RHK items, not a competency indicator"))
    }

    @Test("2025 rules refuse RHK items and accept one competency indicator")
    func rules2025() throws {
        let rules = Fixtures.rules2025
        let plan = try Fixtures.principalPlan("2025-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2025-01-05", rules: rules)
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2025-01-06", rules: rules))
        #expect(error.reason == .invalidDetails("this plan takes one competency indicator, not RHK items"))
        #expect(error.plan == "2025-1/198609262015051001/ks@20100001")
        let unknown = try #require(plan.refusal(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kom-karangan")), on: "2025-01-06", rules: rules))
        #expect(unknown.reason == .invalidDetails("competency indicator 'kom-karangan' is not in the catalog of config/rules/2025.toml; known: kom-kepribadian-1, kom-sosial-1, kom-profesional-1"))
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
        guard case .invalidDetails(let message) = error.reason else {
            Issue.record("expected invalidDetails, got \(error.reason)")
            return
        }
        #expect(message.hasPrefix("Praktik Kinerja indicator 'd3-karangan' is not in the catalog of config/rules/2024.toml; known: d3-visi-misi, "))
        #expect(message.contains("d3-refleksi-kompetensi-guru"))
        #expect(error.step == .praktikKinerja)
        #expect(error.state == "at praktik-kinerja")
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
            == .invalidDetails("Perilaku Kerja aspect 'disiplin' is unknown; known: \(Fixtures.berakhlakIDs.joined(separator: ", "))"))
        #expect(reason(["loyal", "loyal"]) == .invalidDetails("a Perilaku Kerja aspect is chosen twice"))
        #expect(reason([]) == .invalidDetails("choose at least one Perilaku Kerja aspect"))
        // A principal may prioritise a subset, or all seven.
        #expect(try plan.then(.complete(.perilakuKerja, StepDetails(perilakuKerja: ["loyal"])), on: "2024-01-06", rules: rules).currentStep == .rangkuman)
        #expect(try plan.then(.complete(.perilakuKerja, StepDetails(perilakuKerja: Fixtures.berakhlakIDs)), on: "2024-01-06", rules: rules).currentStep == .rangkuman)
    }

    @Test("an office that records only 'done' is not asked for details")
    func noDetails() throws {
        var plan = Fixtures.principalPlan("2024-1")
        for step in Workflow.kepalaSekolah {
            plan = try plan.then(.complete(step, .none), on: "2024-01-15", rules: rules)
        }
        #expect(plan.isComplete)
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
        #expect(throws: TransitionError.self) {
            try plan.applying(.start(.praktikKinerja), on: d("2024-01-05"), today: d("2024-01-05"), rules: rules)
        }
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
        _ = plan.refusal(.complete(.pengembanganKompetensi, StepDetails(rhk: [RHKChoice(id: "rhk-peserta-berbagi")])), on: "2024-01-06", rules: rules)
        #expect(plan == copy)
        #expect(plan.currentStep == .pengembanganKompetensi)
    }
}
