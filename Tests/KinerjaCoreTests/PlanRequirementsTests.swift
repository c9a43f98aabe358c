import Foundation
import KinerjaCore
import Testing

/// Issue 15, point 1: what the year's rules require is refused at the step that needs it,
/// naming the missing choice; what they advise is recorded and flagged with the advice; a
/// choice given at a step that does not record it is refused whatever the rules say.
@Suite("What a plan must contain, and what is advised")
struct PlanRequirementsTests {
    /// 2025's rules as the shipped file states them: every choice required.
    static let required2025: YearRules = {
        var rules = Fixtures.rules2025
        rules.requirements = .all(.required)
        return rules
    }()

    /// 2024's rules as the shipped file states them: choices required, the 32 points advised.
    static let shipped2024: YearRules = {
        var rules = Fixtures.rules2024
        rules.requirements = .all(.required)
        rules.requirements.levels[.rhkMinimumPoints] = .advised
        return rules
    }()

    @Test("praktik-kinerja without a sub-indicator is refused, naming the choice and the ids to choose from")
    func praktikKinerjaRequired() throws {
        let rules = Self.required2025
        let error = try #require(Fixtures.principalPlan("2025-1").refusal(.complete(.praktikKinerja, .none), on: "2025-01-06", rules: rules))
        #expect(error.reason == .invalidDetails(.missing(
            .praktikKinerja, step: .praktikKinerja, requirement: .praktikKinerja, rulesFile: "config/rules/2025.toml",
            known: Fixtures.d3.map(\.id))))
        #expect(error.message(in: .indonesian).contains(
            "langkah praktik-kinerja memerlukan indikator Praktik Kinerja (config/rules/2025.toml: praktik_kinerja = \"required\"); pilihannya: d3-visi-misi,"))
        #expect(error.message(in: .english).contains("step praktik-kinerja needs the Praktik Kinerja indicator"))
        // With the catatan alone it is still missing; with the sub-indicator it goes.
        #expect(Fixtures.principalPlan("2025-1").refusal(.complete(.praktikKinerja, StepDetails(catatan: "x")), on: "2025-01-06", rules: rules) != nil)
        let plan = try Fixtures.principalPlan("2025-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2025-01-06", rules: rules)
        #expect(plan.currentStep == .pengembanganKompetensi)
    }

    @Test("the rules file decides: required refuses, advised records with advice, left out says nothing")
    func levels() throws {
        let plan = Fixtures.principalPlan("2025-1")
        var advised = Fixtures.rules2025
        advised.requirements = .all(.advised)
        let recorded = try plan.then(.complete(.praktikKinerja, .none), on: "2025-01-06", rules: advised)
        #expect(recorded.advice(rules: advised) == [.missing(.praktikKinerja, step: .praktikKinerja, requirement: .praktikKinerja)])
        #expect(PlanStatus(of: recorded, on: d("2025-01-06"), rules: advised).flags == [.advice])
        #expect(recorded.advice(rules: advised)[0].text(in: .indonesian)
            == "praktik-kinerja dicatat tanpa indikator Praktik Kinerja; aturan tahun ini menyarankan untuk mengisinya")

        let silent = try plan.then(.complete(.praktikKinerja, .none), on: "2025-01-06", rules: Fixtures.rules2025)
        #expect(silent.advice(rules: Fixtures.rules2025).isEmpty)
        #expect(PlanStatus(of: silent, on: d("2025-01-06"), rules: Fixtures.rules2025).flags.isEmpty)
    }

    @Test("2024: fewer than 32 RHK points is recorded, with the source's advice to discuss it with the atasan")
    func rhkPointsAdvised() throws {
        let rules = Self.shipped2024
        // 8 + 2 × 4 + 8 = 24 points.
        let details = StepDetails(rhk: [
            RHKChoice(id: "rhk-pelatihan-mandiri"), RHKChoice(id: "rhk-peserta-berbagi", jumlah: 2), RHKChoice(id: "rhk-narasumber"),
        ])
        let plan = try Fixtures.principalPlan("2024-1")
            .then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
            .then(.complete(.pengembanganKompetensi, details), on: "2024-01-06", rules: rules)
        #expect(plan.currentStep == .perilakuKerja)
        let advice = plan.advice(rules: rules)
        #expect(advice == [.rhkBelowMinimum(total: 24, minimum: 32)])
        #expect(advice[0].requirement == .rhkMinimumPoints)
        #expect(advice[0].text(in: .indonesian)
            == "butir RHK berjumlah 24 poin, kurang dari minimal 32 poin semester ini. Jika kurang, mohon diskusikan dengan atasan Anda.")
        #expect(PlanStatus(of: plan, on: d("2024-01-06"), rules: rules).flags == [.advice])
        #expect(Plan.rhkPoints(details.rhk!, catalog: rules.catalogs.rhk) == 24)
        // 44 points: no advice. RHK items are still required: none at all is refused.
        let enough = try Fixtures.principalPlan("2024-1")
            .then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
            .then(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-06", rules: rules)
        #expect(enough.advice(rules: rules).isEmpty)
        let none = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-05", rules: rules)
        #expect(none.refusal(.complete(.pengembanganKompetensi, .none), on: "2024-01-06", rules: rules)?.reason == .invalidDetails(.missing(
            .rhk, step: .pengembanganKompetensi, requirement: .pengembanganKompetensi, rulesFile: "config/rules/2024.toml",
            known: Fixtures.rhk.map(\.id))))
    }

    @Test("a supervisor's composition with no details is refused; so is a school outside their sekolah binaan")
    func supervisorComposition() throws {
        let rules = Self.required2025
        let plan = Fixtures.supervisorPlan("2025-1")
        let error = try #require(plan.refusal(.complete(.penyusunan, .none), on: "2025-01-10", rules: rules))
        guard case .invalidDetails(.missing(.praktikKinerja, step: .penyusunan, requirement: .praktikKinerja, _, _)) = error.reason else {
            Issue.record("expected the missing Praktik Kinerja indicator, got \(error.reason)")
            return
        }
        // Each choice is named in turn as the one before is given.
        var details = StepDetails(praktikKinerja: "pr-d3")
        for (missing, add) in [
            (Choice.kompetensi, { (d: inout StepDetails) in d.kompetensi = "kom-profesional-1" }),
            (.perilakuKerja, { $0.perilakuKerja = Fixtures.berakhlakIDs }),
            (.sekolah, { $0.sekolah = [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolC] }),
        ] {
            let refused = try #require(plan.refusal(.complete(.penyusunan, details), on: "2025-01-10", rules: rules))
            guard case .invalidDetails(.missing(let choice, _, _, _, _)) = refused.reason else {
                Issue.record("expected a missing choice, got \(refused.reason)")
                return
            }
            #expect(choice == missing)
            add(&details)
        }
        let binaan = [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolD]
        do {
            _ = try plan.applying(.complete(.penyusunan, details), on: d("2025-01-10"), today: d("2025-01-10"), rules: rules, sekolahBinaan: binaan)
            Issue.record("a school outside the sekolah binaan was accepted")
        } catch {
            #expect(error.reason == .invalidDetails(.schoolNotBinaan(Fixtures.schoolC, binaan: binaan)))
            #expect(error.message(in: .indonesian).contains("sekolah 20100003 bukan sekolah binaan pengawas ini"))
        }
        // Among the sekolah binaan, or with a roster that names none, it is accepted.
        let composed = try plan.applying(
            .complete(.penyusunan, details), on: d("2025-01-10"), today: d("2025-01-10"), rules: rules,
            sekolahBinaan: [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolC, Fixtures.schoolD])
        #expect(composed.currentStep == .pemeriksaan)
        #expect(try plan.then(.complete(.penyusunan, details), on: "2025-01-10", rules: rules).currentStep == .pemeriksaan)
    }

    @Test("Diskusi Tindak Lanjut and Refleksi need the Tim Kinerja's ratings; Diskusi Persiapan the focus school")
    func ratingsRequired() throws {
        let rules = Self.required2025
        let approved = try Fixtures.approvedSupervisorPlan(rules: Fixtures.rules2025)
        #expect(approved.refusal(.complete(.diskusiPersiapan, .none), on: "2025-01-20", rules: rules)?.reason == .invalidDetails(.missing(
            .sekolahFokus, step: .diskusiPersiapan, requirement: .sekolahFokus, rulesFile: "config/rules/2025.toml", known: [])))
        let atDiskusi = try approved
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolB)), on: "2025-01-20", rules: rules)
            .then(.start(.pendampingan), on: "2025-01-21", rules: rules)
            .then(.complete(.pendampingan, .none), on: "2025-03-01", rules: rules)
        let error = try #require(atDiskusi.refusal(.complete(.diskusiTindakLanjut, StepDetails(catatan: "baik")), on: "2025-03-10", rules: rules))
        #expect(error.reason == .invalidDetails(.missing(
            .nilai, step: .diskusiTindakLanjut, requirement: .nilaiDiskusiTindakLanjut, rulesFile: "config/rules/2025.toml",
            known: Rating.allCases.map(\.rawValue))))
        #expect(error.message(in: .indonesian).contains("langkah diskusi-tindak-lanjut memerlukan nilai"))
        let rated = try atDiskusi.then(.complete(.diskusiTindakLanjut, StepDetails(rating: .sesuaiEkspektasi)), on: "2025-03-10", rules: rules)
            .then(.start(.upayaTindakLanjut), on: "2025-03-11", rules: rules)
            .then(.complete(.upayaTindakLanjut, .none), on: "2025-04-11", rules: rules)
        #expect(rated.refusal(.complete(.refleksiTindakLanjut, .none), on: "2025-05-01", rules: rules)?.reason == .invalidDetails(.missing(
            .nilaiRefleksi, step: .refleksiTindakLanjut, requirement: .nilaiRefleksi, rulesFile: "config/rules/2025.toml",
            known: Rating.allCases.map(\.rawValue))))
        #expect(try rated.then(.complete(.refleksiTindakLanjut, StepDetails(ratings: Fixtures.allRatings)), on: "2025-05-01", rules: rules).currentStep == .penilaian)
    }

    @Test("a rating on the principal's own Dokumen Tindak Lanjut is refused, whatever the rules require")
    func ratingOnOwnDocument() throws {
        let plan = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-01-20", rules: Fixtures.rules2025)
            .then(.complete(.dokumenPersiapan, .none), on: "2025-02-01", rules: Fixtures.rules2025)
            .then(.complete(.observasi, StepDetails(rating: .sesuaiEkspektasi)), on: "2025-03-01", rules: Fixtures.rules2025)
        for rules in [Fixtures.rules2025, Self.required2025] {
            let error = try #require(plan.refusal(
                .complete(.dokumenTindakLanjut, StepDetails(rating: .diAtasEkspektasi)), on: "2025-03-05", rules: rules))
            #expect(error.reason == .invalidDetails(.notRecordedAt(.nilai, step: .dokumenTindakLanjut)))
            #expect(error.message(in: .indonesian).contains(
                "langkah dokumen-tindak-lanjut tidak mencatat nilai; nilai dicatat pada langkah observasi, diskusi-tindak-lanjut"))
        }
        // Every choice is recorded only where the workflow records it.
        for step in Step.allCases {
            for choice in Choice.allCases {
                #expect(choice.steps.contains(step) == step.choices.contains(choice))
            }
        }
        #expect(Choice.nilai.steps == [.observasi, .diskusiTindakLanjut])
        #expect(Step.dokumenTindakLanjut.choices.isEmpty)
        #expect(try plan.then(.complete(.dokumenTindakLanjut, StepDetails(catatan: "upaya dipilih")), on: "2025-03-05", rules: Self.required2025)
            .currentStep == .tindakLanjutObservasi)
    }

    @Test("[requirements] reads each key as required or advised; an unknown key or level is refused")
    func decoding() throws {
        let json = #"{"praktik_kinerja":"required","rhk_minimum_points":"advised"}"#
        let requirements = try JSONDecoder().decode(PlanRequirements.self, from: Data(json.utf8))
        #expect(requirements.level(of: .praktikKinerja) == .required)
        #expect(requirements.level(of: .rhkMinimumPoints) == .advised)
        #expect(requirements.level(of: .nilaiRefleksi) == nil)
        #expect(try JSONDecoder().decode(PlanRequirements.self, from: JSONEncoder().encode(requirements)) == requirements)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PlanRequirements.self, from: Data(#"{"sub_indikator":"required"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PlanRequirements.self, from: Data(#"{"praktik_kinerja":"wajib"}"#.utf8)) }
    }
}
