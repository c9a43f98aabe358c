import Foundation
import KinerjaCore
import Testing

@Suite("YearRules.problems()")
struct YearRulesProblemsTests {
    @Test("the fixture rules of 2024 and 2025 have no problems")
    func fixturesAreClean() {
        #expect(Fixtures.rules2024.problems() == [])
        #expect(Fixtures.rules2025.problems() == [])
        #expect(Fixtures.makeRules2024(extensions: [Fixtures.planningExtension2024]).problems() == [])
    }

    @Test("required deadline names per role")
    func requiredNames() {
        #expect(YearRules.requiredDeadlines(for: .kepalaSekolah) == [
            "perencanaan", "dokumen-persiapan", "observasi", "dokumen-tindak-lanjut", "tindak-lanjut-observasi", "dokumen-refleksi-tindak-lanjut",
        ])
        #expect(YearRules.requiredDeadlines(for: .pengawasSekolah) == [
            "perencanaan", "pemeriksaan", "persetujuan", "diskusi-persiapan", "diskusi-tindak-lanjut", "refleksi-tindak-lanjut",
        ])
    }

    @Test("a missing deadline is named with an example", arguments: Array(Fixtures.kepalaSekolahDeadlines.keys.sorted()))
    func missingDeadline(name: String) {
        var rules = Fixtures.rules2025
        rules.deadlinesKepalaSekolah[name] = nil
        #expect(rules.problems() == ["[deadlines.kepala_sekolah] has no '\(name)': add e.g. \(name) = { end_of_month = 6 }"])
    }

    @Test("a missing supervisor deadline")
    func missingSupervisorDeadline() {
        var rules = Fixtures.rules2025
        rules.deadlinesPengawasSekolah["pemeriksaan"] = nil
        #expect(rules.problems() == ["[deadlines.pengawas_sekolah] has no 'pemeriksaan': add e.g. pemeriksaan = { end_of_month = 6 }"])
    }

    @Test("an unknown deadline name is named with the known ones", arguments: [
        (Role.pengawasSekolah, "pendampingan"), (.pengawasSekolah, "upaya-tindak-lanjut"), (.kepalaSekolah, "rangkuman"),
        (.kepalaSekolah, "pemeriksaan"), (.kepalaSekolah, "Perencanaan"),
    ])
    func unknownDeadline(role: Role, name: String) {
        var rules = Fixtures.rules2025
        if role == .kepalaSekolah { rules.deadlinesKepalaSekolah[name] = .endOfMonth(2) } else { rules.deadlinesPengawasSekolah[name] = .endOfMonth(2) }
        let known = YearRules.knownDeadlines(for: role).joined(separator: ", ")
        #expect(rules.problems() == ["[deadlines.\(role.rawValue)] '\(name)' is not a deadline of a \(role.rawValue); known: \(known)"])
    }

    @Test("bad durations", arguments: [
        (Durations(pendampinganMinMonths: 2, pendampinganMaxMonths: 1), "[durations] needs 0 ≤ pendampingan_min_months ≤ pendampingan_max_months ≤ 6"),
        (Durations(pendampinganMinMonths: -1), "[durations] needs 0 ≤ pendampingan_min_months ≤ pendampingan_max_months ≤ 6"),
        (Durations(pendampinganMaxMonths: 7), "[durations] needs 0 ≤ pendampingan_min_months ≤ pendampingan_max_months ≤ 6"),
        (Durations(upayaTindakLanjutMonths: 7), "[durations] upaya_tindak_lanjut_months must be 0 to 6"),
        (Durations(upayaTindakLanjutMonths: -1), "[durations] upaya_tindak_lanjut_months must be 0 to 6"),
    ])
    func badDurations(durations: Durations, problem: String) {
        var rules = Fixtures.rules2025
        rules.durations = durations
        #expect(rules.problems() == [problem])
    }

    @Test("good boundary durations", arguments: [
        Durations(pendampinganMinMonths: 0, pendampinganMaxMonths: 0, upayaTindakLanjutMonths: 0),
        Durations(pendampinganMinMonths: 6, pendampinganMaxMonths: 6, upayaTindakLanjutMonths: 6),
    ])
    func goodDurations(durations: Durations) {
        var rules = Fixtures.rules2025
        rules.durations = durations
        #expect(rules.problems() == [])
    }

    @Test("RHK points: minimum above the recommended maximum, or negative", arguments: [
        PengembanganKompetensiRule.rhkPoints(minimumPoints: 130, recommendedMaximumPoints: 128),
        .rhkPoints(minimumPoints: -1, recommendedMaximumPoints: nil),
    ])
    func badPoints(rule: PengembanganKompetensiRule) {
        var rules = Fixtures.rules2024
        rules.pengembanganKompetensi = rule
        #expect(rules.problems() == ["[pengembangan_kompetensi] needs 0 ≤ minimum_points ≤ recommended_maximum_points"])
    }

    @Test("a duplicate catalog id is named", arguments: [
        Catalogs(rhk: Fixtures.rhk + [CatalogItem(id: "rhk-narasumber", nama: "lagi", poin: 6)]),
        Catalogs(praktikKinerjaKepalaSekolah: Fixtures.d3 + [Fixtures.d3[2]]),
        Catalogs(rhk: [CatalogItem(id: "x-1", nama: "a", poin: 4)], kompetensi: [CatalogItem(id: "x-1", nama: "b")]),
    ])
    func duplicateCatalogID(catalogs: Catalogs) {
        var rules = Fixtures.rules2024
        rules.catalogs = catalogs
        let problems = rules.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("catalog id '") == true)
        #expect(problems.first?.hasSuffix("' is used twice") == true)
    }

    @Test("a duplicate Perilaku Kerja aspect id is named")
    func duplicateAspect() {
        var rules = Fixtures.rules2024
        rules.catalogs.perilakuKerja.append(PerilakuAspect(id: "loyal", nama: "Loyal lagi"))
        #expect(rules.problems() == ["catalog id 'loyal' is used twice"])
    }

    @Test("an end_of_month outside 1…6 is a problem of rules built in code too")
    func endOfMonthRange() {
        var rules = Fixtures.rules2025
        rules.deadlinesKepalaSekolah["observasi"] = .endOfMonth(7)
        #expect(rules.problems().count == 1)
    }

    @Test("extensions: in the wrong year's file, or naming an unknown deadline")
    func badExtensions() {
        var rules = Fixtures.rules2025
        rules.extensions = [
            DeadlineExtension(cycle: CycleID("2024-1")!, role: nil, deadline: "perencanaan", until: d("2024-03-31")),
            DeadlineExtension(cycle: CycleID("2025-1")!, role: .kepalaSekolah, deadline: "pemeriksaan", until: d("2025-03-31")),
            DeadlineExtension(cycle: CycleID("2025-1")!, role: nil, deadline: "pendampingan", until: d("2025-03-31")),
            DeadlineExtension(cycle: CycleID("2025-1")!, role: .pengawasSekolah, deadline: "pemeriksaan", until: d("2025-03-31")),
        ]
        let problems = rules.problems()
        #expect(problems.count == 3)
        #expect(problems.contains("[[extension]] for cycle 2024-1 belongs in the rules file of 2024"))
        #expect(problems.contains { $0.hasPrefix("[[extension]] deadline 'pemeriksaan' is unknown; known: ") && !$0.contains("persetujuan") })
        #expect(problems.contains { $0.hasPrefix("[[extension]] deadline 'pendampingan' is unknown; known: ") })
    }

    @Test("several problems are all reported")
    func several() {
        var rules = Fixtures.rules2024
        rules.deadlinesKepalaSekolah["perencanaan"] = nil
        rules.deadlinesPengawasSekolah["refleksi-tindak-lanjut"] = nil
        rules.durations.upayaTindakLanjutMonths = 9
        #expect(rules.problems().count == 3)
    }
}

@Suite("YearRules decoding")
struct YearRulesDecodingTests {
    @Test("rules survive a JSON round trip with the file's key names")
    func roundTrip() throws {
        let rules = Fixtures.makeRules2024(extensions: [Fixtures.planningExtension2024])
        let data = try JSONEncoder().encode(rules)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // `relief` is kinerja.toml's, carried with the rules so that their name covers it.
        #expect(Set(object.keys) == ["year", "pengembangan_kompetensi", "durations", "deadlines", "extension", "catalog", "requirements", "predikat_matrix", "relief", "preconditions"])
        let deadlines = try #require(object["deadlines"] as? [String: Any])
        #expect(Set(deadlines.keys) == ["kepala_sekolah", "pengawas_sekolah"])
        #expect(try JSONDecoder().decode(YearRules.self, from: data) == rules)
        #expect(try JSONDecoder().decode(YearRules.self, from: JSONEncoder().encode(Fixtures.rules2025)) == Fixtures.rules2025)
    }

    @Test("a minimal rules file decodes with empty catalogs and no extensions")
    func minimal() throws {
        let json = """
        {"year": 2025,
         "pengembangan_kompetensi": {"mode": "indikator"},
         "durations": {"pendampingan_min_months": 1, "pendampingan_max_months": 3, "upaya_tindak_lanjut_months": 1},
         "deadlines": {"kepala_sekolah": {"perencanaan": {"end_of_month": 1}},
                       "pengawas_sekolah": {"pemeriksaan": {"after_previous_days": 7}}}}
        """
        let rules = try JSONDecoder().decode(YearRules.self, from: Data(json.utf8))
        #expect(rules.pengembanganKompetensi == .oneIndicator)
        #expect(rules.deadlinesKepalaSekolah == ["perencanaan": .endOfMonth(1)])
        #expect(rules.deadlinesPengawasSekolah == ["pemeriksaan": .afterPreviousDays(7)])
        #expect(rules.extensions == [])
        #expect(rules.catalogs == Catalogs())
        #expect(!rules.problems().isEmpty)
    }

    @Test("bad deadline rules and modes are refused by the decoder", arguments: [
        #"{"end_of_month": 7}"#, #"{"end_of_month": 0}"#, #"{"after_previous_days": -1}"#, #"{"days": 3}"#,
    ])
    func badDeadlineRule(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DeadlineRule.self, from: Data(json.utf8)) }
    }

    @Test("pengembangan_kompetensi modes")
    func modes() throws {
        let rhk = try JSONDecoder().decode(PengembanganKompetensiRule.self, from: Data(#"{"mode": "rhk", "minimum_points": 32, "recommended_maximum_points": 128}"#.utf8))
        #expect(rhk == .rhkPoints(minimumPoints: 32, recommendedMaximumPoints: 128))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PengembanganKompetensiRule.self, from: Data(#"{"mode": "poin"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PengembanganKompetensiRule.self, from: Data(#"{"mode": "rhk"}"#.utf8))
        }
    }
}
