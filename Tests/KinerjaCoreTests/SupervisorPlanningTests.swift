import KinerjaCore
import Testing

@Suite("Perencanaan of a supervisor: blocked, compose, review, approve")
struct SupervisorPlanningTests {
    let rules = Fixtures.rules2025
    let planText = "2025-1/197501012000031002/ps"

    func blockedPlan() throws -> Plan {
        try Fixtures.supervisorPlan("2025-1").then(.block(.rhkAtasan, note: "Kadis belum mengisi RHK di e-Kinerja"), on: "2025-01-03", rules: rules)
    }

    @Test("blocked by the atasan's missing RHK refuses everything but unblock", arguments: [
        PlanAction.complete(.penyusunan, Fixtures.penyusunan),
        .start(.penyusunan),
        .returnForRevision(.pemeriksaan, reason: "x"),
        .block(.lainnya, note: "again"),
        .block(.rhkAtasan, note: nil),
        .complete(.diskusiPersiapan, .none),
    ])
    func blockedRefusesAll(action: PlanAction) throws {
        let plan = try blockedPlan()
        #expect(plan.openBlock?.cause == .rhkAtasan)
        let error = try #require(plan.refusal(action, on: "2025-01-20", rules: rules))
        #expect(error.reason == .blocked(.rhkAtasan))
        #expect(error.plan == planText)
        #expect(error.step == action.step)
        #expect(error.standing == .blocked(.rhkAtasan, since: d("2025-01-03")))
        #expect(error.allowed == ["dibuka"])
        #expect(error.description.contains("the plan is blocked (rhk-atasan); unblock it first"))
    }

    @Test("unblock keeps the blocked period in `blocks`; the plan then moves again")
    func unblock() throws {
        let blocked = try blockedPlan()
        // Unblocking before the block began is refused.
        #expect(blocked.refusal(.unblock, on: "2025-01-02", today: "2025-02-10", rules: rules)?.reason
            == .badDate(.beforeBlock(d("2025-01-02"), blockedOn: d("2025-01-03"))))
        let plan = try blocked.then(.unblock, on: "2025-02-10", rules: rules)
        #expect(plan.openBlock == nil)
        #expect(plan.blocks.count == 1)
        let period = try #require(plan.blocks.first)
        #expect(period.cause == .rhkAtasan)
        #expect(period.note == "Kadis belum mengisi RHK di e-Kinerja")
        #expect(period.since == d("2025-01-03"))
        #expect(period.until == d("2025-02-10"))
        #expect(plan.standing == .at(.penyusunan, startedOn: nil))
        #expect(plan.allowedActions == ["selesai penyusunan", "terblokir"])

        // Nothing may be dated before the unblock.
        #expect(plan.refusal(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-02-09", today: "2025-02-12", rules: rules)?.reason
            == .badDate(.beforeLastEvent(d("2025-02-09"), lastEvent: d("2025-02-10"))))
        // Unblocking again is refused.
        let again = try #require(plan.refusal(.unblock, on: "2025-02-11", rules: rules))
        #expect(again.reason == .notBlocked)
        #expect(again.step == nil)
        #expect(again.description.contains("the plan is not blocked"))

        // A second block is a second period.
        let composed = try plan.then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-02-11", rules: rules)
            .then(.block(.plottingTimKinerja, note: nil), on: "2025-02-12", rules: rules)
        #expect(composed.blocks.count == 2)
        #expect(composed.openBlock?.cause == .plottingTimKinerja)
        #expect(composed.standing == .blocked(.plottingTimKinerja, since: d("2025-02-12")))
        let open = try composed.then(.unblock, on: "2025-02-12", rules: rules)
        #expect(open.blocks.map(\.until) == [d("2025-02-10"), d("2025-02-12")])
        #expect(open.currentStep == .pemeriksaan)
    }

    @Test("blocked is shown as blocked, never as late, even past the planning month")
    func blockedIsNotLate() throws {
        let plan = try blockedPlan()
        let status = PlanStatus(of: plan, on: d("2025-03-15"), rules: rules)
        #expect(status.flags == [.blocked])
        #expect(status.blockCause == .rhkAtasan)
        #expect(status.currentStep == .penyusunan)
        #expect(status.due == d("2025-01-31"))
        // No days left or overdue while blocked: days blocked, and whose action is awaited.
        #expect(status.daysLeft == nil)
        let blocked = try #require(status.blocked)
        #expect(blocked.since == plan.openBlock?.since)
        #expect(blocked.days == plan.openBlock!.since.days(until: d("2025-03-15")))
        #expect(blocked.awaited == .atasan)
        // Unblocked after the planning deadline: the deadline is the grace's 14 days after
        // the unblocking, so the plan is not at once overdue and not submitted.
        let unblocked = try plan.then(.unblock, on: "2025-03-15", rules: rules)
        let after = PlanStatus(of: unblocked, on: d("2025-03-15"), rules: rules)
        #expect(after.flags == [])
        #expect(after.due == d("2025-03-29"))
        #expect(after.daysLeft == 14)
        #expect(after.blocked == nil)
        #expect(PlanStatus(of: unblocked, on: d("2025-03-30"), rules: rules).flags == [.overdue, .notSubmitted])
    }

    @Test("composing names exactly three different schools", arguments: [
        [Fixtures.schoolA, Fixtures.schoolB],
        [Fixtures.schoolA, Fixtures.schoolA, Fixtures.schoolB],
        [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolC, Fixtures.schoolD],
        [],
    ])
    func threeSchools(schools: [NPSN]) throws {
        var details = Fixtures.penyusunan
        details.sekolah = schools
        let error = try #require(Fixtures.supervisorPlan("2025-1").refusal(.complete(.penyusunan, details), on: "2025-01-10", rules: rules))
        let expected: DetailsProblem = schools.count == 3 ? .schoolNamedTwice : .schoolCount(schools.count)
        #expect(error.reason == .invalidDetails(expected))
        #expect(error.step == .penyusunan)
        #expect(error.standing == .at(.penyusunan, startedOn: nil))
        #expect(error.allowed == ["selesai penyusunan", "terblokir"])
    }

    @Test("composing asks for one indicator per Perilaku Kerja aspect and one competency indicator, not RHK items")
    func composeDetails() throws {
        let plan = Fixtures.supervisorPlan("2025-1")
        var details = Fixtures.penyusunan
        details.perilakuKerja = ["akuntabel", "loyal"]
        let missing = try #require(plan.refusal(.complete(.penyusunan, details), on: "2025-01-10", rules: rules))
        #expect(missing.reason == .invalidDetails(.missingPerilakuAspects(["berorientasi-pelayanan", "kompeten", "harmonis", "adaptif", "kolaboratif"])))

        // The kompetensi catalog is the principals' Model Kompetensi: a supervisor's indicator
        // comes from the supervisors' own model and is not checked against it.
        details = Fixtures.penyusunan
        details.kompetensi = "kompetensi-pengawas-1"
        #expect(try plan.then(.complete(.penyusunan, details), on: "2025-01-10", rules: rules).currentStep == .pemeriksaan)

        details = Fixtures.penyusunan
        details.kompetensi = nil
        details.rhk = [RHKChoice(id: "rhk-penggerak-kombel")]
        #expect(plan.refusal(.complete(.penyusunan, details), on: "2025-01-10", rules: rules)?.reason
            == .invalidDetails(.rhkInsteadOfCompetency))
    }

    @Test("composing refuses a Perilaku Kerja aspect chosen twice, and an aspect the catalog does not know")
    func composeAspectRefusals() throws {
        let plan = Fixtures.supervisorPlan("2025-1")
        let refusals: [([String], DetailsProblem)] = [
            (Fixtures.berakhlakIDs + ["loyal"], .perilakuAspectTwice),
            (Fixtures.berakhlakIDs + ["disiplin"], .unknownPerilakuAspect("disiplin", known: Fixtures.berakhlakIDs)),
        ]
        for (aspects, problem) in refusals {
            var details = Fixtures.penyusunan
            details.perilakuKerja = aspects
            let error = try #require(plan.refusal(.complete(.penyusunan, details), on: "2025-01-10", rules: rules))
            #expect(error.reason == .invalidDetails(problem))
            #expect(error.step == .penyusunan)
        }
        // The same seven aspects, each once, are accepted.
        #expect(try plan.then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules).currentStep == .pemeriksaan)
    }

    @Test("pemeriksaan returns twice, then approves; persetujuan returns once, then approves; every revision is kept")
    func reviewRounds() throws {
        var plan = try Fixtures.supervisorPlan("2025-1").then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
        #expect(plan.currentStep == .pemeriksaan)
        #expect(plan.submittedOn == d("2025-01-10"))
        #expect(plan.allowedActions == ["disetujui pemeriksaan", "dikembalikan pemeriksaan", "terblokir"])

        plan = try plan.then(.returnForRevision(.pemeriksaan, reason: "target tidak realistis"), on: "2025-01-12", rules: rules)
        #expect(plan.currentStep == .penyusunan)
        #expect(plan.submittedOn == nil)
        #expect(plan.standing == .at(.penyusunan, startedOn: d("2025-01-12")))
        #expect(plan.record(.penyusunan)?.startedOn == d("2025-01-12"))
        // The composition may not be backdated before the return.
        #expect(plan.refusal(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-11", today: "2025-01-13", rules: rules)?.reason
            == .badDate(.beforeLastEvent(d("2025-01-11"), lastEvent: d("2025-01-12"))))

        plan = try plan.then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-14", rules: rules)
            .then(.returnForRevision(.pemeriksaan, reason: "kurang rinci"), on: "2025-01-15", rules: rules)
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-17", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-18", rules: rules)
        #expect(plan.currentStep == .persetujuan)
        #expect(plan.allowedActions == ["disetujui persetujuan", "dikembalikan persetujuan", "terblokir"])

        plan = try plan.then(.returnForRevision(.persetujuan, reason: "sekolah binaan keliru"), on: "2025-01-20", rules: rules)
        #expect(plan.currentStep == .penyusunan)
        #expect(plan.record(.penyusunan)?.startedOn == d("2025-01-20"))
        #expect(plan.record(.penyusunan)?.completedOn == nil)
        #expect(plan.record(.pemeriksaan)?.completedOn == nil)
        #expect(plan.record(.pemeriksaan)?.startedOn == nil)
        #expect(plan.planningDoneOn == nil)

        plan = try plan.then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-22", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-23", rules: rules)
            .then(.complete(.persetujuan, .none), on: "2025-01-25", rules: rules)
        #expect(plan.currentStep == .diskusiPersiapan)
        #expect(plan.submittedOn == d("2025-01-22"))
        #expect(plan.planningDoneOn == d("2025-01-25"))
        #expect(plan.revisions.map(\.by) == [.pemeriksaan, .pemeriksaan, .persetujuan])
        #expect(plan.revisions.map(\.on) == [d("2025-01-12"), d("2025-01-15"), d("2025-01-20")])
        #expect(plan.revisions.map(\.reason) == ["target tidak realistis", "kurang rinci", "sekolah binaan keliru"])
    }

    @Test("only a review step can return the plan")
    func composeCannotReturn() throws {
        let error = try #require(Fixtures.supervisorPlan("2025-1").refusal(.returnForRevision(.penyusunan, reason: "x"), on: "2025-01-10", rules: rules))
        #expect(error.reason == .notReviewStep)
        // A review that is not the current step is not the current step.
        let examined = try Fixtures.supervisorPlan("2025-1").then(.complete(.penyusunan, .none), on: "2025-01-10", rules: rules)
        #expect(examined.refusal(.returnForRevision(.persetujuan, reason: "x"), on: "2025-01-11", rules: rules)?.reason == .notCurrentStep)
    }

    @Test("implementation before approval is refused", arguments: [
        PlanAction.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolA)),
        .start(.pendampingan),
        .complete(.refleksiTindakLanjut, .none),
    ])
    func implementationBeforeApproval(action: PlanAction) throws {
        let examined = try Fixtures.supervisorPlan("2025-1")
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-12", rules: rules)
        let error = try #require(examined.refusal(action, on: "2025-01-13", rules: rules))
        #expect(error.reason == .notCurrentStep)
        #expect(error.standing == .at(.persetujuan, startedOn: nil))
        #expect(error.allowed == ["disetujui persetujuan", "dikembalikan persetujuan", "terblokir"])
    }

    @Test("principal steps are not part of a supervisor's workflow")
    func principalStep() throws {
        let error = try #require(Fixtures.supervisorPlan("2025-1").refusal(.complete(.rangkuman, .none), on: "2025-01-10", rules: rules))
        #expect(error.reason == .stepNotInWorkflow)
        #expect(error.plan == planText)
    }

    @Test("a supervisor's approved plan is not frozen the way a principal's is: old steps are simply not current")
    func approvedNotCurrent() throws {
        let plan = try Fixtures.approvedSupervisorPlan()
        #expect(plan.refusal(.complete(.penyusunan, .none), on: "2025-01-20", rules: rules)?.reason == .notCurrentStep)
    }
}
