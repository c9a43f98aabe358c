import Foundation
import KinerjaCore
import Testing

@Suite("Plan JSON round trip (the store saves plans as JSON)")
struct PlanCodableTests {
    func roundTrip(_ plan: Plan) throws -> Plan {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(plan)
        let back = try JSONDecoder().decode(Plan.self, from: data)
        // Encoding again gives the same bytes: nothing is lost or reordered.
        #expect(try encoder.encode(back) == data)
        return back
    }

    @Test("a supervisor's plan with schools, revisions, blocks, ratings and a running Pendampingan")
    func supervisor() throws {
        let rules = Fixtures.rules2025
        let plan = try Fixtures.supervisorPlan("2025-1")
            .then(.block(.rhkAtasan, note: "menunggu RHK Kadis"), on: "2025-01-02", rules: rules)
            .then(.unblock, on: "2025-01-08", rules: rules)
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
            .then(.returnForRevision(.pemeriksaan, reason: "target \"kuantitas\" belum jelas"), on: "2025-01-11", rules: rules)
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-12", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-13", rules: rules)
            .then(.complete(.persetujuan, StepDetails(catatan: "disetujui Kadis")), on: "2025-01-14", rules: rules)
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolC)), on: "2025-01-20", rules: rules)
            .then(.start(.pendampingan), on: "2025-01-21", rules: rules)
        let back = try roundTrip(plan)
        #expect(back == plan)
        #expect(back.id == plan.id)
        #expect(back.currentStep == .pendampingan)
        #expect(back.revisions.first?.reason == "target \"kuantitas\" belum jelas")
        #expect(back.blocks.first?.until == d("2025-01-08"))
        #expect(back.record(.penyusunan)?.details?.sekolah == [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolC])
        #expect(back.record(.pendampingan)?.startedOn == d("2025-01-21"))
        // The decoded plan carries on like the original.
        let next = try back.then(.complete(.pendampingan, .none), on: "2025-03-01", rules: rules)
        #expect(next == (try plan.then(.complete(.pendampingan, .none), on: "2025-03-01", rules: rules)))
    }

    @Test("a complete supervisor plan with the three refleksi ratings, as keyed JSON")
    func ratings() throws {
        let rules = Fixtures.rules2025
        var plan = try Fixtures.approvedSupervisorPlan()
        for (step, details) in [
            (Step.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolA)),
            (.pendampingan, StepDetails(catatan: "survei ke kepala sekolah")),
            (.diskusiTindakLanjut, StepDetails(rating: .diAtasEkspektasi)),
            (.upayaTindakLanjut, .none),
            (.refleksiTindakLanjut, StepDetails(ratings: Fixtures.allRatings, catatan: "baik")),
        ] {
            plan = try plan.then(.complete(step, details), on: "2025-05-01", rules: rules)
        }
        plan = try plan.assessed(on: "2025-05-02", rules: rules)
        #expect(plan.isComplete)
        let back = try roundTrip(plan)
        #expect(back == plan)
        #expect(back.isComplete)
        #expect(back.record(.refleksiTindakLanjut)?.details?.ratings == Fixtures.allRatings)

        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(plan)) as? [String: Any])
        let records = try #require(json["records"] as? [[String: Any]])
        let refleksi = try #require(records.first { $0["step"] as? String == "refleksi-tindak-lanjut" })
        let details = try #require(refleksi["details"] as? [String: Any])
        let ratings = try #require(details["ratings"] as? [String: String])
        #expect(ratings == [
            "kesadaran-dalam-refleksi": "sesuai-ekspektasi", "upaya-belajar": "di-atas-ekspektasi", "peningkatan-kinerja": "sesuai-ekspektasi",
        ])
        #expect(refleksi["completedOn"] as? String == "2025-05-01")
    }

    @Test("a principal's frozen 2024 plan with RHK choices stays frozen after decoding")
    func principal() throws {
        let rules = Fixtures.rules2024
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
            .then(.complete(.dokumenPersiapan, StepDetails(catatan: "jadwal 5 Feb")), on: "2024-02-01", rules: rules)
            .then(.complete(.observasi, StepDetails(rating: .sesuaiEkspektasi)), on: "2024-02-05", rules: rules)
        let back = try roundTrip(plan)
        #expect(back == plan)
        #expect(back.record(.pengembanganKompetensi)?.details?.rhk == [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-narasumber")])
        #expect(back.refusal(.complete(.rangkuman, .none), on: "2024-02-06", rules: rules)?.reason == .frozen(submittedOn: d("2024-01-20")))
        #expect(PlanStatus(of: back, on: d("2024-02-06"), rules: rules) == PlanStatus(of: plan, on: d("2024-02-06"), rules: rules))
    }

    @Test("a fresh plan and a status round trip")
    func freshPlanAndStatus() throws {
        let plan = Fixtures.principalPlan("2025-2", school: Fixtures.schoolD)
        #expect(try roundTrip(plan) == plan)
        let status = PlanStatus(of: plan, on: d("2025-08-01"), rules: Fixtures.rules2025)
        let back = try JSONDecoder().decode(PlanStatus.self, from: JSONEncoder().encode(status))
        #expect(back == status)
        #expect(back.flags == [.overdue, .notSubmitted])
    }
}
