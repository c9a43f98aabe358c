import KinerjaCore
import Testing

@Suite("Pelaksanaan of a principal: the observation steps")
struct PrincipalObservationTests {
    let rules = Fixtures.rules2024

    @Test("Observasi only after Dokumen Persiapan was submitted")
    func observasiAfterPersiapan() throws {
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
        let error = try #require(plan.refusal(.complete(.observasi, StepDetails(rating: .sesuaiEkspektasi)), on: "2024-02-10", rules: rules))
        #expect(error.reason == .notCurrentStep)
        #expect(error.step == .observasi)
        #expect(error.state == "at dokumen-persiapan")
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
