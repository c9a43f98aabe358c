import KinerjaCore
import Testing

extension Fixtures {
    /// The matrix of PermenPANRB 6/2022 as DOMAIN-NOTES §10.2 tabulates it (rows: Rating
    /// Praktik Kinerja / Hasil Kerja; columns: Rating Perilaku Kerja).
    static let permenPANRB6Table: [(praktik: Rating, perilaku: Rating, predikat: Predikat)] = [
        (.diAtasEkspektasi, .diBawahEkspektasi, .kurang), (.diAtasEkspektasi, .sesuaiEkspektasi, .baik),
        (.diAtasEkspektasi, .diAtasEkspektasi, .sangatBaik),
        (.sesuaiEkspektasi, .diBawahEkspektasi, .kurang), (.sesuaiEkspektasi, .sesuaiEkspektasi, .baik),
        (.sesuaiEkspektasi, .diAtasEkspektasi, .baik),
        (.diBawahEkspektasi, .diBawahEkspektasi, .sangatKurang), (.diBawahEkspektasi, .sesuaiEkspektasi, .butuhPerbaikan),
        (.diBawahEkspektasi, .diAtasEkspektasi, .butuhPerbaikan),
    ]

    static let matrix = PredikatMatrix(cells: Dictionary(grouping: permenPANRB6Table, by: \.praktik).mapValues {
        Dictionary(uniqueKeysWithValues: $0.map { ($0.perilaku, $0.predikat) })
    })
}

@Suite("Penilaian Kinerja: ratings, the predikat matrix, Sinkron")
struct PenilaianTests {
    let rules = Fixtures.rules2025

    /// A supervisor's plan with Pelaksanaan done, at Penilaian.
    func assessable() throws -> Plan {
        try Fixtures.approvedSupervisorPlan(rules: rules).walked(to: .penilaian, from: "2025-02-01", rules: rules)
    }

    func rated(_ praktik: Rating, _ perilaku: Rating) throws -> Plan {
        try assessable().then(.complete(.penilaian, StepDetails(ratingPraktik: praktik, ratingPerilaku: perilaku)), on: "2025-06-20", rules: rules)
    }

    @Test("every cell of the matrix gives the predikat of DOMAIN-NOTES §10.2", arguments: Fixtures.permenPANRB6Table.indices)
    func everyCell(index: Int) {
        let cell = Fixtures.permenPANRB6Table[index]
        #expect(Fixtures.matrix.predikat(praktik: cell.praktik, perilaku: cell.perilaku) == cell.predikat)
        #expect(Fixtures.matrix.missingCells().isEmpty)
    }

    @Test("a matrix without a cell is a problem of the rules file, naming the cell")
    func incompleteMatrix() {
        var rules = self.rules
        var cells = Fixtures.matrix.cells
        cells[.sesuaiEkspektasi]?[.diAtasEkspektasi] = nil
        rules.predikatMatrix = PredikatMatrix(cells: cells)
        #expect(rules.problems().contains {
            $0.contains("[predikat_matrix]") && $0.contains("sesuai-ekspektasi × di-atas-ekspektasi")
        })
    }

    @Test("both workflows end with penilaian, penetapan-predikat and sinkron, by the Tim Kinerja, the Pejabat Penilai and the pegawai")
    func stage5() {
        for role in Role.allCases {
            #expect(Array(Workflow.steps(for: role).suffix(3)) == [.penilaian, .penetapanPredikat, .sinkron])
        }
        #expect(Step.penilaian.actor == .timKinerja)
        #expect(Step.penetapanPredikat.actor == .pejabatPenilai)
        #expect(Step.sinkron.actor == .pegawai)
        #expect(ReminderText.stage(of: .penetapanPredikat) == (5, "Penilaian Kinerja"))
    }

    @Test("Penilaian cannot start before Pelaksanaan is done")
    func notBeforePelaksanaan() throws {
        let plan = try Fixtures.approvedSupervisorPlan(rules: rules).walked(to: .refleksiTindakLanjut, from: "2025-02-01", rules: rules)
        let details = StepDetails(ratingPraktik: .sesuaiEkspektasi, ratingPerilaku: .sesuaiEkspektasi)
        let error = try #require(plan.refusal(.complete(.penilaian, details), on: "2025-06-20", rules: rules))
        #expect(error.reason == .notCurrentStep)
    }

    @Test("Penilaian needs both ratings; its recommendation is the matrix's")
    func ratingsNeeded() throws {
        let plan = try assessable()
        let error = try #require(plan.refusal(.complete(.penilaian, StepDetails(ratingPraktik: .diAtasEkspektasi)), on: "2025-06-20", rules: rules))
        guard case .invalidDetails(.penilaianNeeds(.nilaiPerilakuKerja, step: .penilaian, _)) = error.reason else {
            Issue.record("unexpected \(error.reason)")
            return
        }
        let done = try rated(.diAtasEkspektasi, .sesuaiEkspektasi)
        #expect(done.rekomendasi(rules: rules) == .baik)
        #expect(done.currentStep == .penetapanPredikat)
        #expect(done.predikat == nil)
    }

    @Test("the matrix's predikat is set without a reason")
    func matrixPredikat() throws {
        let plan = try rated(.diAtasEkspektasi, .diAtasEkspektasi)
            .then(.complete(.penetapanPredikat, StepDetails(predikat: .sangatBaik)), on: "2025-06-25", rules: rules)
        #expect(plan.predikat == .sangatBaik)
        #expect(plan.currentStep == .sinkron)
    }

    @Test("a predikat against the matrix is refused without a reason, naming the matrix's; accepted with one")
    func deviation() throws {
        let plan = try rated(.diAtasEkspektasi, .sesuaiEkspektasi)
        for reason in [nil, "", "  "] as [String?] {
            let error = try #require(plan.refusal(.complete(.penetapanPredikat, StepDetails(predikat: .sangatBaik, alasan: reason)), on: "2025-06-25", rules: rules))
            #expect(error.reason == .invalidDetails(.predikatAgainstMatrix(
                .sangatBaik, matrix: .baik, praktik: .diAtasEkspektasi, perilaku: .sesuaiEkspektasi, rulesFile: "config/rules/2025.toml")))
            #expect(error.message(in: .english).contains("set baik, or give the reason (--reason in kinerjactl"))
        }
        let set = try plan.then(.complete(.penetapanPredikat, StepDetails(predikat: .sangatBaik, alasan: "praktik baiknya diadopsi")), on: "2025-06-25", rules: rules)
        #expect(set.predikat == .sangatBaik)
        #expect(set.record(.penetapanPredikat)?.details?.alasan == "praktik baiknya diadopsi")
    }

    @Test("no predikat is set without one, nor under rules without a matrix")
    func predikatNeeded() throws {
        let plan = try rated(.sesuaiEkspektasi, .sesuaiEkspektasi)
        let error = try #require(plan.refusal(.complete(.penetapanPredikat, .none), on: "2025-06-25", rules: rules))
        #expect(error.reason == .invalidDetails(.penilaianNeeds(.predikat, step: .penetapanPredikat, known: [
            "baik", "sangat-baik", "butuh-perbaikan", "kurang", "sangat-kurang",
        ])))
        var withoutMatrix = rules
        withoutMatrix.predikatMatrix = nil
        let noMatrix = try #require(plan.refusal(.complete(.penetapanPredikat, StepDetails(predikat: .baik)), on: "2025-06-25", rules: withoutMatrix))
        #expect(noMatrix.reason == .invalidDetails(.noPredikatMatrix(rulesFile: "config/rules/2025.toml")))
    }

    @Test("a predikat or a rating is recorded only at its own step")
    func choicesAtTheirSteps() throws {
        let plan = try rated(.sesuaiEkspektasi, .sesuaiEkspektasi)
        let error = try #require(plan.refusal(.complete(.penetapanPredikat, StepDetails(ratingPraktik: .diAtasEkspektasi, predikat: .baik)), on: "2025-06-25", rules: rules))
        #expect(error.reason == .invalidDetails(.notRecordedAt(.nilaiPraktikKinerja, step: .penetapanPredikat)))
    }

    @Test("Sinkron completes the plan, with its day; the deadlines default to the cycle's last day")
    func sinkron() throws {
        let plan = try rated(.sesuaiEkspektasi, .sesuaiEkspektasi)
            .then(.complete(.penetapanPredikat, StepDetails(predikat: .baik)), on: "2025-06-25", rules: rules)
            .then(.complete(.sinkron, .none), on: "2025-07-03", rules: rules)
        #expect(plan.isComplete)
        #expect(plan.record(.sinkron)?.completedOn == d("2025-07-03"))
        for step in Workflow.penilaian {
            #expect(rules.deadlineRule(named: step.deadlineName, for: .pengawasSekolah) == .endOfMonth(6))
        }
        #expect(!YearRules.requiredDeadlines(for: .kepalaSekolah).contains("penilaian"))
        #expect(YearRules.knownDeadlines(for: .kepalaSekolah).suffix(3) == ["penilaian", "penetapan-predikat", "sinkron"])
    }

    @Test("the distribution counts predikat per school, role and Tim Kinerja member, and lists the unassessed")
    func distribution() throws {
        let supervisor = try rated(.diAtasEkspektasi, .sesuaiEkspektasi)
            .then(.complete(.penetapanPredikat, StepDetails(predikat: .sangatBaik, alasan: "alasan")), on: "2025-06-25", rules: rules)
        let principal = Fixtures.principalPlan("2025-1")
        let member = PersonID(trusted: "197001011995031001")
        let entries: [PredikatDistribution.Entry] = [
            .init(plan: supervisor, position: Position(key: supervisor.id.position, timKinerja: [member]), personName: "A", closure: nil),
            .init(plan: principal, position: Position(key: principal.id.position, timKinerja: [member]), personName: "B", closure: nil),
        ]
        let d = PredikatDistribution(entries, rules: rules)
        #expect(d.plans == 2 && d.assessed == 1 && d.againstMatrix == 1 && d.sinkron == 0)
        #expect(d.counts == [.sangatBaik: 1])
        #expect(d.byRole.map(\.key) == ["kepala_sekolah", "pengawas_sekolah"])
        #expect(d.bySupervisor.map(\.key) == [member.rawValue])
        #expect(d.bySupervisor.first?.plans == 2 && d.bySupervisor.first?.unassessed == 1)
        #expect(d.bySchool.map(\.key) == [Fixtures.schoolA.rawValue])
        #expect(d.unassessed.map(\.personName) == ["B"])
        #expect(d.unassessed.first?.pelaksanaanIncomplete == true)
    }
}

@Suite("Penilaian in a progress file")
struct PenilaianProgressColumnsTests {
    @Test("the ratings, the predikat and its reason are columns of a selesai row; an unknown predikat is named")
    func columns() {
        let text = """
            id,npsn,siklus,langkah,status,tanggal,nilai_praktik_kinerja,nilai_perilaku_kerja,predikat,alasan
            197002141993032002,20571034,2026-2,penilaian,selesai,2026-12-10,di-atas-ekspektasi,sesuai-ekspektasi,,
            197002141993032002,20571034,2026-2,penetapan-predikat,selesai,2026-12-15,,,sangat-baik,diadopsi tiga sekolah
            197002141993032002,20571034,2026-2,penetapan-predikat,selesai,2026-12-15,,,luar-biasa,
            """
        let (lines, problems) = ProgressParser.parse(text)
        #expect(lines.map(\.action) == [
            .complete(.penilaian, StepDetails(ratingPraktik: .diAtasEkspektasi, ratingPerilaku: .sesuaiEkspektasi)),
            .complete(.penetapanPredikat, StepDetails(predikat: .sangatBaik, alasan: "diadopsi tiga sekolah")),
        ])
        #expect(problems.map { $0.message(in: .english) } == [
            "predikat 'luar-biasa' is unknown; use sangat-baik, baik, butuh-perbaikan, kurang, sangat-kurang",
        ])
    }
}
