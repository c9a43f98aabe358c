import Foundation
import KinerjaCore
import Testing

/// Rules, people and plans shared by the KinerjaCore tests. Catalog items are test data,
/// not official lists.
enum Fixtures {
    static let kepalaSekolahDeadlines: [String: DeadlineRule] = [
        "perencanaan": .endOfMonth(1),
        "dokumen-persiapan": .endOfMonth(2),
        "observasi": .endOfMonth(3),
        "dokumen-tindak-lanjut": .afterPreviousDays(14),
        "tindak-lanjut-observasi": .endOfMonth(5),
        "dokumen-refleksi-tindak-lanjut": .endOfMonth(6),
    ]

    static let pengawasSekolahDeadlines: [String: DeadlineRule] = [
        "perencanaan": .endOfMonth(1),
        "pemeriksaan": .afterPreviousDays(7),
        "persetujuan": .afterPreviousDays(7),
        "diskusi-persiapan": .afterPreviousDays(14),
        "diskusi-tindak-lanjut": .afterPreviousDays(14),
        "refleksi-tindak-lanjut": .endOfMonth(6),
    ]

    static let durations = Durations(pendampinganMinMonths: 1, pendampinganMaxMonths: 3, upayaTindakLanjutMonths: 1)

    /// The eight D3 Kepemimpinan Pembelajaran sub-indicators.
    static let d3: [CatalogItem] = [
        CatalogItem(id: "d3-visi-misi", nama: "Presentasi Visi-Misi Satuan Pendidikan"),
        CatalogItem(id: "d3-perencanaan-pembelajaran", nama: "Memandu Perencanaan Pembelajaran"),
        CatalogItem(id: "d3-praktik-baik", nama: "Menceritakan Praktik Baik Kepemimpinan Pembelajaran"),
        CatalogItem(id: "d3-program-satuan", nama: "Presentasi Program Satuan Pendidikan"),
        CatalogItem(id: "d3-refleksi-kurikulum", nama: "Refleksi Pengelolaan Kurikulum Sekolah"),
        CatalogItem(id: "d3-komunitas-belajar", nama: "Aktivasi Kegiatan Komunitas Belajar"),
        CatalogItem(id: "d3-siklus-penguatan", nama: "Siklus Penguatan Kualitas Praktik Pembelajaran"),
        CatalogItem(id: "d3-refleksi-kompetensi-guru", nama: "Refleksi Program Pengembangan Kompetensi Guru"),
    ]

    /// RHK items of 4, 8, 8, 36 points and one whose points are unknown.
    static let rhk: [CatalogItem] = [
        CatalogItem(id: "rhk-peserta-berbagi", nama: "peserta berbagi praktik baik komunitas belajar", poin: 4),
        CatalogItem(id: "rhk-pelatihan-mandiri", nama: "peserta pelatihan mandiri", poin: 8),
        CatalogItem(id: "rhk-narasumber", nama: "narasumber berbagi praktik baik", poin: 8),
        CatalogItem(id: "rhk-penggerak-kombel", nama: "penggerak komunitas belajar", poin: 36),
        CatalogItem(id: "rhk-tak-diketahui", nama: "item whose points the sources do not give", poin: nil),
    ]

    static let berakhlakIDs = [
        "berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif",
    ]

    static let perilaku: [PerilakuAspect] = berakhlakIDs.map { PerilakuAspect(id: $0, nama: $0.capitalized) }

    static let kompetensi: [CatalogItem] = [
        CatalogItem(id: "kom-kepribadian-1", nama: "Kepribadian 1"),
        CatalogItem(id: "kom-sosial-1", nama: "Sosial 1"),
        CatalogItem(id: "kom-profesional-1", nama: "Profesional 1"),
    ]

    static func makeRules2024(extensions: [DeadlineExtension] = [], rhk: [CatalogItem] = Fixtures.rhk) -> YearRules {
        YearRules(
            year: 2024,
            pengembanganKompetensi: .rhkPoints(minimumPoints: 32, recommendedMaximumPoints: 128),
            durations: durations,
            deadlinesKepalaSekolah: kepalaSekolahDeadlines,
            deadlinesPengawasSekolah: pengawasSekolahDeadlines,
            extensions: extensions,
            catalogs: Catalogs(praktikKinerjaKepalaSekolah: d3, rhk: rhk, perilakuKerja: perilaku), predikatMatrix: matrix)
    }

    static let rules2025 = YearRules(
        year: 2025,
        pengembanganKompetensi: .oneIndicator,
        durations: durations,
        deadlinesKepalaSekolah: kepalaSekolahDeadlines,
        deadlinesPengawasSekolah: pengawasSekolahDeadlines,
        catalogs: Catalogs(praktikKinerjaKepalaSekolah: d3, kompetensi: kompetensi, perilakuKerja: perilaku), predikatMatrix: matrix)

    static var rules2024: YearRules { makeRules2024() }

    /// The official 2024-1 extension of planning to 31 March.
    static let planningExtension2024 = DeadlineExtension(
        cycle: CycleID("2024-1")!, role: nil, deadline: "perencanaan", until: date("2024-03-31"))

    // MARK: People and plans

    static let nip = "198609262015051001"
    static let person = PersonID(trusted: nip)
    static let supervisorID = PersonID(trusted: "197501012000031002")
    static let schoolA = NPSN("20100001")!
    static let schoolB = NPSN("20100002")!
    static let schoolC = NPSN("20100003")!
    static let schoolD = NPSN("20100004")!

    static func principalPlan(_ cycle: String, school: NPSN = schoolA, person: PersonID = person) -> Plan {
        Plan(id: PlanID(cycle: CycleID(cycle)!, position: PositionKey(personID: person, role: .kepalaSekolah, npsn: school)))
    }

    static func supervisorPlan(_ cycle: String) -> Plan {
        Plan(id: PlanID(cycle: CycleID(cycle)!, position: PositionKey(personID: supervisorID, role: .pengawasSekolah, npsn: nil)))
    }

    // MARK: Details

    static let praktik = StepDetails(praktikKinerja: "d3-perencanaan-pembelajaran")
    /// 36 + 8 = 44 points.
    static let rhk44 = StepDetails(rhk: [RHKChoice(id: "rhk-penggerak-kombel"), RHKChoice(id: "rhk-narasumber")])
    static let perilakuDua = StepDetails(perilakuKerja: ["kolaboratif", "adaptif"])

    static let penyusunan = StepDetails(
        praktikKinerja: "pr-d3", kompetensi: "kom-profesional-1", perilakuKerja: berakhlakIDs,
        sekolah: [schoolA, schoolB, schoolC])

    static let allRatings: [RefleksiAspect: Rating] = [
        .kesadaranDalamRefleksi: .sesuaiEkspektasi, .upayaBelajar: .diAtasEkspektasi, .peningkatanKinerja: .sesuaiEkspektasi,
    ]

    // MARK: Helpers

    static func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
        guard let d = LocalDate(text) else {
            Issue.record("bad fixture date \(text)", sourceLocation: sourceLocation)
            return LocalDate(dayNumber: 0)
        }
        return d
    }

    static func instant(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: iso)!
    }
}

/// Shorthand for a date literal in tests.
func d(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
    Fixtures.date(text, sourceLocation: sourceLocation)
}

extension Plan {
    /// Applies `action` with `today` equal to the action's date.
    func then(_ action: PlanAction, on date: String, rules: YearRules) throws(TransitionError) -> Plan {
        let day = d(date)
        return try applying(action, on: day, today: day, rules: rules)
    }

    /// The plan with every step before `step` completed without details, one a day from `date`.
    func walked(to step: Step, from date: String, rules: YearRules, sourceLocation: SourceLocation = #_sourceLocation) throws -> Plan {
        var plan = self
        var day = d(date, sourceLocation: sourceLocation)
        while plan.currentStep != step {
            let current = try #require(plan.currentStep, "\(step) is not ahead of the plan", sourceLocation: sourceLocation)
            plan = try plan.applying(.complete(current, .none), on: day, today: day, rules: rules)
            day = day.adding(days: 1)
        }
        return plan
    }

    /// The plan with Penilaian done on `date`: rated as expected on both, predikat Baik (the
    /// matrix's), handed over to e-Kinerja. Pelaksanaan must be done.
    func assessed(on date: String, rules: YearRules) throws(TransitionError) -> Plan {
        try then(.complete(.penilaian, StepDetails(ratingPraktik: .sesuaiEkspektasi, ratingPerilaku: .sesuaiEkspektasi)), on: date, rules: rules)
            .then(.complete(.penetapanPredikat, StepDetails(predikat: .baik)), on: date, rules: rules)
            .then(.complete(.sinkron, .none), on: date, rules: rules)
    }

    /// Applies `action` expecting a refusal and returns the error (nil after recording an issue).
    func refusal(
        _ action: PlanAction, on date: String, today: String? = nil, rules: YearRules,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> TransitionError? {
        do {
            _ = try applying(action, on: d(date), today: d(today ?? date), rules: rules)
            Issue.record("expected \(action) on \(date) to be refused", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}

extension Fixtures {
    /// A principal's plan with the four planning steps done (submitted on `submitted`).
    static func submittedPrincipalPlan(
        _ cycle: String = "2024-1", submitted: String = "2024-01-20", rules: YearRules = Fixtures.rules2024
    ) throws -> Plan {
        let p = principalPlan(cycle)
        let start = CycleID(cycle)!.start.description
        return try p
            .then(.complete(.praktikKinerja, praktik), on: start, rules: rules)
            .then(.complete(.pengembanganKompetensi, rules.pengembanganKompetensi == .oneIndicator
                ? StepDetails(kompetensi: "kom-sosial-1") : rhk44), on: start, rules: rules)
            .then(.complete(.perilakuKerja, perilakuDua), on: start, rules: rules)
            .then(.complete(.rangkuman, .none), on: submitted, rules: rules)
    }

    /// A supervisor's plan composed on `composed`, reviewed and approved a few days later.
    static func approvedSupervisorPlan(
        _ cycle: String = "2025-1", composed: String = "2025-01-10", examined: String = "2025-01-13",
        approved: String = "2025-01-15", rules: YearRules = Fixtures.rules2025
    ) throws -> Plan {
        try supervisorPlan(cycle)
            .then(.complete(.penyusunan, penyusunan), on: composed, rules: rules)
            .then(.complete(.pemeriksaan, .none), on: examined, rules: rules)
            .then(.complete(.persetujuan, .none), on: approved, rules: rules)
    }
}
