import KinerjaCore
import Testing

@Suite("Pelaksanaan of a principal: the observation steps")
struct PrincipalObservationTests {
    let rules = Fixtures.rules2024
    static let observationSteps = Workflow.kepalaSekolah.filter { !$0.isPlanning && !$0.isPenilaian }

    /// A plan submitted on 20 January and walked to `step`, a step a day from 1 February.
    func plan(at step: Step) throws -> Plan {
        try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20").walked(to: step, from: "2024-02-01", rules: rules)
    }

    @Test("no observation step is started with 'mulai': each is only done", arguments: observationSteps)
    func observationStepCannotStart(step: Step) throws {
        let plan = try plan(at: step)
        #expect(!plan.allowedActions.contains { $0.hasPrefix("mulai") })
        let error = try #require(plan.refusal(.start(step), on: "2024-03-01", rules: rules))
        #expect(error.reason == .cannotStart)
        #expect(error.step == step)
    }

    @Test("an observation step dated before the plan's previous event is refused; that same day is accepted",
          arguments: observationSteps)
    func backdatedObservationStep(step: Step) throws {
        let plan = try plan(at: step)
        let previous = try #require(plan.records[plan.currentIndex - 1].completedOn)
        let dayBefore = previous.adding(days: -1)
        let error = try #require(plan.refusal(.complete(step, .none), on: dayBefore.description, today: "2024-06-30", rules: rules))
        #expect(error.reason == .badDate(.beforeLastEvent(dayBefore, lastEvent: previous)))
        #expect(error.step == step)
        let done = try plan.applying(.complete(step, .none), on: previous, today: previous, rules: rules)
        #expect(done.record(step)?.completedOn == previous)
    }

    @Test("Observasi only after Dokumen Persiapan was submitted")
    func observasiAfterPersiapan() throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
        let error = try #require(plan.refusal(.complete(.observasi, StepDetails(rating: .sesuaiEkspektasi)), on: "2024-02-10", rules: rules))
        #expect(error.reason == .notCurrentStep)
        #expect(error.step == .observasi)
        #expect(error.standing == .at(.dokumenPersiapan, startedOn: nil))
        #expect(error.allowed == ["selesai dokumen-persiapan", "terblokir"])
        let observed = try plan
            .then(.complete(.dokumenPersiapan, .none), on: "2024-02-05", rules: rules)
            .then(.complete(.observasi, StepDetails(rating: .diAtasEkspektasi)), on: "2024-02-10", rules: rules)
        #expect(observed.record(.observasi)?.details?.rating == .diAtasEkspektasi)
        #expect(observed.currentStep == .dokumenTindakLanjut)
    }

    @Test("awaiting-observation only while the plan is at Observasi; the supervisor is the actor")
    func awaitingObservation() throws {
        let submitted = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
        let atPersiapan = PlanStatus(of: submitted, on: d("2024-02-01"), rules: rules)
        #expect(!atPersiapan.flags.contains(.awaitingObservation))
        #expect(atPersiapan.actor == .pegawai)

        let waiting = try submitted.then(.complete(.dokumenPersiapan, .none), on: "2024-02-05", rules: rules)
        let status = PlanStatus(of: waiting, on: d("2024-02-06"), rules: rules)
        #expect(status.currentStep == .observasi)
        #expect(status.actor == .timKinerja)
        #expect(status.flags == [.awaitingObservation])
        #expect(status.due == d("2024-03-31"))
        // Still waiting after the deadline: both signals.
        #expect(PlanStatus(of: waiting, on: d("2024-04-01"), rules: rules).flags == [.overdue, .awaitingObservation])

        let observed = try waiting.then(.complete(.observasi, .none), on: "2024-02-20", rules: rules)
        #expect(!PlanStatus(of: observed, on: d("2024-02-21"), rules: rules).flags.contains(.awaitingObservation))
    }

    @Test("a blocked principal at Observasi is blocked and still awaiting observation, never overdue")
    func blockedAtObservasi() throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
            .then(.complete(.dokumenPersiapan, .none), on: "2024-02-05", rules: rules)
            .then(.block(.plottingTimKinerja, note: nil), on: "2024-02-06", rules: rules)
        let status = PlanStatus(of: plan, on: d("2024-04-10"), rules: rules)
        #expect(status.flags == [.blocked, .awaitingObservation])
        #expect(status.blockCause == .plottingTimKinerja)
    }
}
