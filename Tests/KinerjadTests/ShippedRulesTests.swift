import Foundation
import KinerjaCore
import KinerjaRules
import Testing
@testable import kinerjad

/// The rules files the package installs (config/rules/YYYY.toml), read by the daemon's own
/// loader, still say what DOMAIN.md says: an edit that drops the points minimum or moves
/// the planning month would otherwise only show in an office's reminders.
@Suite("Shipped rules files hold DOMAIN.md's figures")
struct ShippedRulesTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/rules").path

    func rules(_ year: Int) throws -> YearRules {
        let book = try RulesLoader.load(directory: Self.directory)
        return try #require(book.years.first { $0.year == year }, "no config/rules/\(year).toml")
    }

    /// The first deadline of a role's projected timeline: the planning deadline.
    func planningDeadline(_ cycle: String, _ role: Role, rules: YearRules) throws -> LocalDate? {
        try Timeline.projected(cycle: #require(CycleID(cycle)), role: role, rules: rules).first?.due
    }

    @Test("the rules directory loads as the years 2024 and 2025")
    func loads() throws {
        let book = try RulesLoader.load(directory: Self.directory)
        #expect(book.years.map(\.year) == [2024, 2025])
    }

    @Test("every choice the sources name is required; 2024's 32 points are advised (\"Jika kurang, mohon diskusikan dengan atasan Anda\")")
    func requirements() throws {
        for year in [2024, 2025] {
            let rules = try rules(year)
            for requirement in PlanRequirements.Requirement.allCases where requirement != .rhkMinimumPoints {
                #expect(rules.requirements.level(of: requirement) == .required, "\(year) \(requirement)")
            }
        }
        #expect(try rules(2024).requirements.level(of: .rhkMinimumPoints) == .advised)
        #expect(try rules(2025).requirements.level(of: .rhkMinimumPoints) == nil)
    }

    @Test("2024: RHK items with points, at least 32 a semester, 128 the top of the recommended range")
    func rhkMinimum2024() throws {
        let rules = try rules(2024)
        #expect(rules.pengembanganKompetensi == .rhkPoints(minimumPoints: 32, recommendedMaximumPoints: 128))
        // Only point values seen in the official table; an item without known points has none.
        let seen: Set<Int> = [4, 6, 8, 12, 24, 36, 128]
        #expect(rules.catalogs.rhk.compactMap(\.poin).allSatisfy(seen.contains))
        #expect(rules.catalogs.rhk.count <= 18)
    }

    @Test("2024 and 2025: every cell of [predikat_matrix] is the PermenPANRB 6/2022 matrix of DOMAIN-NOTES §10.2")
    func predikatMatrix() throws {
        let table: [(Rating, [Rating: Predikat])] = [
            (.diAtasEkspektasi, [.diBawahEkspektasi: .kurang, .sesuaiEkspektasi: .baik, .diAtasEkspektasi: .sangatBaik]),
            (.sesuaiEkspektasi, [.diBawahEkspektasi: .kurang, .sesuaiEkspektasi: .baik, .diAtasEkspektasi: .baik]),
            (.diBawahEkspektasi, [.diBawahEkspektasi: .sangatKurang, .sesuaiEkspektasi: .butuhPerbaikan, .diAtasEkspektasi: .butuhPerbaikan]),
        ]
        for year in [2024, 2025] {
            let matrix = try #require(try rules(year).predikatMatrix, "config/rules/\(year).toml has no [predikat_matrix]")
            for (praktik, row) in table {
                for (perilaku, predikat) in row {
                    #expect(matrix.predikat(praktik: praktik, perilaku: perilaku) == predikat, "\(year): \(praktik) × \(perilaku)")
                }
            }
        }
    }

    @Test("2024 and 2025: Penilaian, Penetapan Predikat and Sinkron are due on the cycle's last day (no published date)")
    func penilaianDeadlines() throws {
        for year in [2024, 2025] {
            for role in Role.allCases {
                for step in Workflow.penilaian {
                    #expect(try rules(year).deadlines(for: role)[step.deadlineName] == .endOfMonth(6), "\(year) \(role) \(step)")
                }
            }
        }
    }

    @Test("2025: one competency indicator, no RHK points")
    func oneIndicator2025() throws {
        let rules = try rules(2025)
        #expect(rules.pengembanganKompetensi == .oneIndicator)
        #expect(rules.catalogs.rhk.isEmpty)
    }

    @Test("Pendampingan 1 to 3 months, Upaya Tindak Lanjut about one month", arguments: [2024, 2025])
    func durations(year: Int) throws {
        #expect(try rules(year).durations
            == Durations(pendampinganMinMonths: 1, pendampinganMaxMonths: 3, upayaTindakLanjutMonths: 1))
    }

    @Test("planning is due at the end of the cycle's first month, for both roles", arguments: [2024, 2025])
    func planningMonth(year: Int) throws {
        let rules = try rules(year)
        for role in Role.allCases {
            #expect(rules.deadlines(for: role)["perencanaan"] == .endOfMonth(1))
        }
        #expect(try planningDeadline("\(year)-2", .kepalaSekolah, rules: rules) == LocalDate(year: year, month: 7, day: 31))
        #expect(try planningDeadline("\(year)-2", .pengawasSekolah, rules: rules) == LocalDate(year: year, month: 7, day: 31))
        #expect(try planningDeadline("\(year)-1", .pengawasSekolah, rules: rules) == LocalDate(year: year, month: 1, day: 31))
    }

    @Test("2024-1: principals' planning extended from 31 January to 31 March; 2025-1 has no extension")
    func planningExtension() throws {
        #expect(try planningDeadline("2024-1", .kepalaSekolah, rules: rules(2024)) == LocalDate(year: 2024, month: 3, day: 31))
        #expect(try planningDeadline("2025-1", .kepalaSekolah, rules: rules(2025)) == LocalDate(year: 2025, month: 1, day: 31))
    }

    @Test("the eight D3 sub-indicators and the seven BerAKHLAK aspects", arguments: [2024, 2025])
    func catalogs(year: Int) throws {
        let catalogs = try rules(year).catalogs
        #expect(catalogs.praktikKinerjaKepalaSekolah.count == 8)
        #expect(catalogs.perilakuKerja.map(\.nama) == [
            "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
        ])
    }
}
