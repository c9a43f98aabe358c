import Testing
@testable import KinerjaCore

/// The words of a refused change, in Bahasa Indonesia (what the office reads by default) and
/// English: every reason has both, exactly as an administrator will read them.
@Suite struct RefusalTextTests {
    typealias Reason = TransitionError.Reason

    /// One sample of every reason, with its Indonesian and English text for step `observasi`.
    static let samples: [(reason: Reason, id: String, en: String)] = [
        (.stepNotInWorkflow,
         "langkah 'observasi' bukan bagian dari alur kerja peran ini", "step 'observasi' is not part of this role's workflow"),
        (.notCurrentStep, "langkah 'observasi' bukan langkah saat ini", "step 'observasi' is not the current step"),
        (.frozen(submittedOn: d("2026-07-28")),
         "rencana sudah dikirim pada 2026-07-28 dan tidak dapat diubah lagi",
         "the plan was submitted on 2026-07-28 and can no longer be changed"),
        (.blocked(.rhkAtasan),
         "rencana sedang terblokir (rhk-atasan); buka blokirnya terlebih dahulu", "the plan is blocked (rhk-atasan); unblock it first"),
        (.notBlocked, "rencana tidak sedang terblokir", "the plan is not blocked"),
        (.notReviewStep,
         "hanya pemeriksaan dan persetujuan yang dapat mengembalikan rencana untuk diperbaiki",
         "only pemeriksaan and persetujuan can return a plan for revision"),
        (.alreadyStarted(on: d("2026-08-01")),
         "langkah 'observasi' sudah dimulai pada 2026-08-01", "step 'observasi' already started on 2026-08-01"),
        (.cannotStart,
         "hanya pendampingan dan upaya-tindak-lanjut yang dimulai (mulai); selesaikan 'observasi' dengan selesai",
         "only pendampingan and upaya-tindak-lanjut are started (mulai); complete 'observasi' with selesai"),
        (.planComplete, "semua langkah rencana sudah selesai", "every step of the plan is done"),
        (.badDate(.afterToday(d("2026-12-01"), today: d("2026-11-25"))),
         "tanggal 2026-12-01 jatuh setelah hari ini (2026-11-25)", "the date 2026-12-01 is after today (2026-11-25)"),
        (.badDate(.beforeCycleStart(d("2026-06-30"), cycle: CycleID("2026-2")!)),
         "tanggal 2026-06-30 lebih awal dari awal siklus 2026-2 (2026-07-01)",
         "the date 2026-06-30 is before the cycle 2026-2 starts (2026-07-01)"),
        (.badDate(.beforeBlock(d("2026-07-01"), blockedOn: d("2026-07-02"))),
         "rencana baru terblokir pada 2026-07-02, setelah 2026-07-01", "the plan was blocked on 2026-07-02, after 2026-07-01"),
        (.badDate(.beforeLastEvent(d("2026-07-05"), lastEvent: d("2026-07-06"))),
         "tanggal 2026-07-05 lebih awal dari catatan terakhir pada rencana (2026-07-06)",
         "the date 2026-07-05 is before the plan's last event (2026-07-06)"),
        (.invalidDetails(.notInCatalog(.praktikKinerja, id: "d3-x", rulesFile: "config/rules/2026.toml", known: ["d3-visi-misi", "d3-y"])),
         "indikator Praktik Kinerja 'd3-x' tidak ada dalam katalog config/rules/2026.toml; yang ada: d3-visi-misi, d3-y",
         "Praktik Kinerja indicator 'd3-x' is not in the catalog of config/rules/2026.toml; known: d3-visi-misi, d3-y"),
        (.invalidDetails(.notInCatalog(.rhk, id: "rhk-x", rulesFile: "config/rules/2024.toml", known: ["rhk-narasumber"])),
         "RHK 'rhk-x' tidak ada dalam katalog config/rules/2024.toml; yang ada: rhk-narasumber",
         "RHK 'rhk-x' is not in the catalog of config/rules/2024.toml; known: rhk-narasumber"),
        (.invalidDetails(.notInCatalog(.kompetensi, id: "kom-x", rulesFile: "config/rules/2025.toml", known: ["kom-sosial-1"])),
         "indikator kompetensi 'kom-x' tidak ada dalam katalog config/rules/2025.toml; yang ada: kom-sosial-1",
         "competency indicator 'kom-x' is not in the catalog of config/rules/2025.toml; known: kom-sosial-1"),
        (.invalidDetails(.schoolCount(2)),
         "rencana pengawas menyebut tepat tiga sekolah, bukan 2", "a supervisor's plan names exactly three schools, not 2"),
        (.invalidDetails(.schoolNamedTwice),
         "rencana pengawas menyebut tiga sekolah yang berbeda; ada sekolah yang disebut dua kali",
         "a supervisor's plan names three different schools; a school is named twice"),
        (.invalidDetails(.competencyInsteadOfRHK(minimumPoints: 32)),
         "aturan tahun ini menghitung butir RHK berpoin (minimal 32); isikan butir RHK, bukan indikator kompetensi",
         "the rules of this year count RHK items with points (minimum 32); give RHK items, not a competency indicator"),
        (.invalidDetails(.rhkQuantity(id: "rhk-narasumber", jumlah: 0)),
         "RHK 'rhk-narasumber' berjumlah 0; jumlahnya minimal 1", "RHK 'rhk-narasumber' has quantity 0; it must be at least 1"),
        (.invalidDetails(.rhkWithoutPoints(id: "rhk-x", rulesFile: "config/rules/2024.toml")),
         "poin RHK 'rhk-x' belum tercantum di config/rules/2024.toml; isikan poin-nya di sana",
         "RHK 'rhk-x' has no known points in config/rules/2024.toml; set its poin there"),
        (.invalidDetails(.tooFewPoints(total: 24, minimum: 32)),
         "butir RHK yang dipilih berjumlah 24 poin; semester ini diperlukan minimal 32 poin",
         "the chosen RHK items total 24 points; at least 32 are needed this semester"),
        (.invalidDetails(.rhkInsteadOfCompetency),
         "rencana ini memakai satu indikator kompetensi, bukan butir RHK", "this plan takes one competency indicator, not RHK items"),
        (.invalidDetails(.noPerilakuAspect), "pilih minimal satu aspek Perilaku Kerja", "choose at least one Perilaku Kerja aspect"),
        (.invalidDetails(.perilakuAspectTwice), "ada aspek Perilaku Kerja yang dipilih dua kali", "a Perilaku Kerja aspect is chosen twice"),
        (.invalidDetails(.unknownPerilakuAspect("disiplin", known: ["loyal", "adaptif"])),
         "aspek Perilaku Kerja 'disiplin' tidak dikenal; yang ada: loyal, adaptif",
         "Perilaku Kerja aspect 'disiplin' is unknown; known: loyal, adaptif"),
        (.invalidDetails(.missingPerilakuAspects(["kompeten", "harmonis"])),
         "pengawas memilih satu indikator untuk setiap aspek Perilaku Kerja; belum dipilih: kompeten, harmonis",
         "a supervisor chooses one indicator for every Perilaku Kerja aspect; missing: kompeten, harmonis"),
        (.invalidDetails(.focusSchoolNotPlanned(NPSN("20100004")!, planned: [NPSN("20100001")!, NPSN("20100002")!, NPSN("20100003")!])),
         "sekolah fokus 20100004 bukan salah satu dari tiga sekolah yang direncanakan (20100001, 20100002, 20100003)",
         "the focus school 20100004 is not one of the three planned schools (20100001, 20100002, 20100003)"),
        (.cycleClosed(CycleID("2026-2")!, on: LocalDate("2027-01-15")!),
         "siklus 2026-2 sudah ditutup pada 2027-01-15; kedudukan akhir rencananya tidak dapat diubah lagi",
         "cycle 2026-2 was closed on 2027-01-15; the plan's final standing can no longer be changed"),
        (.invalidDetails(.missingRefleksiAspects(["upaya-belajar"])),
         "Refleksi Tindak Lanjut dinilai pada ketiga aspek; belum dinilai: upaya-belajar",
         "Refleksi Tindak Lanjut is rated on all three aspects; missing: upaya-belajar"),
        (.invalidDetails(.notRecordedAt(.nilai, step: .dokumenTindakLanjut)),
         "langkah dokumen-tindak-lanjut tidak mencatat nilai; nilai dicatat pada langkah observasi, diskusi-tindak-lanjut",
         "step dokumen-tindak-lanjut does not record the rating; it is recorded at observasi, diskusi-tindak-lanjut"),
        (.invalidDetails(.missing(.praktikKinerja, step: .praktikKinerja, requirement: .praktikKinerja, rulesFile: "config/rules/2025.toml", known: ["d3-visi-misi", "d3-perencanaan"])),
         "langkah praktik-kinerja memerlukan indikator Praktik Kinerja (config/rules/2025.toml: praktik_kinerja = \"required\"); pilihannya: d3-visi-misi, d3-perencanaan",
         "step praktik-kinerja needs the Praktik Kinerja indicator (config/rules/2025.toml: praktik_kinerja = \"required\"); choose from: d3-visi-misi, d3-perencanaan"),
        (.invalidDetails(.schoolNotBinaan(NPSN("20100009")!, binaan: [NPSN("20100001")!, NPSN("20100002")!])),
         "sekolah 20100009 bukan sekolah binaan pengawas ini (menurut daftar pegawai: 20100001, 20100002)",
         "school 20100009 is not one of this supervisor's sekolah binaan (the roster lists: 20100001, 20100002)"),
        (.invalidDetails(.penilaianNeeds(.nilaiPerilakuKerja, step: .penilaian, known: ["di-bawah-ekspektasi", "sesuai-ekspektasi"])),
         "langkah penilaian memerlukan Rating Perilaku Kerja; pilihannya: di-bawah-ekspektasi, sesuai-ekspektasi",
         "step penilaian needs the Rating Perilaku Kerja; choose from: di-bawah-ekspektasi, sesuai-ekspektasi"),
        (.invalidDetails(.noPredikatMatrix(rulesFile: "config/rules/2025.toml")),
         "config/rules/2025.toml tidak memuat [predikat_matrix] (matriks predikat PermenPANRB 6/2022), jadi predikat belum dapat ditetapkan; tambahkan matriksnya di sana",
         "config/rules/2025.toml has no [predikat_matrix] (the predikat matrix of PermenPANRB 6/2022), so no predikat can be set yet; add the matrix there"),
        (.invalidDetails(.predikatAgainstMatrix(.baik, matrix: .sangatBaik, praktik: .diAtasEkspektasi, perilaku: .diAtasEkspektasi, rulesFile: "config/rules/2025.toml")),
         "predikat baik berbeda dari matriks config/rules/2025.toml (Praktik Kinerja di-atas-ekspektasi × Perilaku Kerja di-atas-ekspektasi = sangat-baik); tetapkan sangat-baik, atau sertakan alasannya (--reason di kinerjactl, details.alasan lewat Varlink)",
         "predikat baik differs from the matrix of config/rules/2025.toml (Praktik Kinerja di-atas-ekspektasi × Perilaku Kerja di-atas-ekspektasi = sangat-baik); set sangat-baik, or give the reason (--reason in kinerjactl, details.alasan over Varlink)"),
    ]

    /// The case of a reason. The switch is exhaustive: a new reason does not compile here
    /// until it is named, and `everyReasonHasASample` then asks for its sample above.
    static func caseName(_ reason: Reason) -> String {
        switch reason {
        case .stepNotInWorkflow: "stepNotInWorkflow"
        case .notCurrentStep: "notCurrentStep"
        case .frozen: "frozen"
        case .blocked: "blocked"
        case .notBlocked: "notBlocked"
        case .notReviewStep: "notReviewStep"
        case .alreadyStarted: "alreadyStarted"
        case .cannotStart: "cannotStart"
        case .planComplete: "planComplete"
        case .cycleClosed: "cycleClosed"
        case .badDate(let problem):
            switch problem {
            case .afterToday: "badDate.afterToday"
            case .beforeCycleStart: "badDate.beforeCycleStart"
            case .beforeBlock: "badDate.beforeBlock"
            case .beforeLastEvent: "badDate.beforeLastEvent"
            }
        case .invalidDetails(let problem):
            switch problem {
            case .notInCatalog(let kind, _, _, _): "invalidDetails.notInCatalog.\(kind)"
            case .schoolCount: "invalidDetails.schoolCount"
            case .schoolNamedTwice: "invalidDetails.schoolNamedTwice"
            case .competencyInsteadOfRHK: "invalidDetails.competencyInsteadOfRHK"
            case .rhkQuantity: "invalidDetails.rhkQuantity"
            case .rhkWithoutPoints: "invalidDetails.rhkWithoutPoints"
            case .tooFewPoints: "invalidDetails.tooFewPoints"
            case .rhkInsteadOfCompetency: "invalidDetails.rhkInsteadOfCompetency"
            case .noPerilakuAspect: "invalidDetails.noPerilakuAspect"
            case .perilakuAspectTwice: "invalidDetails.perilakuAspectTwice"
            case .unknownPerilakuAspect: "invalidDetails.unknownPerilakuAspect"
            case .missingPerilakuAspects: "invalidDetails.missingPerilakuAspects"
            case .focusSchoolNotPlanned: "invalidDetails.focusSchoolNotPlanned"
            case .missingRefleksiAspects: "invalidDetails.missingRefleksiAspects"
            case .notRecordedAt: "invalidDetails.notRecordedAt"
            case .missing: "invalidDetails.missing"
            case .schoolNotBinaan: "invalidDetails.schoolNotBinaan"
            case .penilaianNeeds: "invalidDetails.penilaianNeeds"
            case .noPredikatMatrix: "invalidDetails.noPredikatMatrix"
            case .predikatAgainstMatrix: "invalidDetails.predikatAgainstMatrix"
            }
        }
    }

    /// Words that give away an English text left in an Indonesian one.
    static let englishWords = ["the", "is", "not", "and", "of", "only", "step", "plan", "date", "before", "after", "missing", "known"]

    static func error(_ reason: Reason, allowed: [String] = ["selesai praktik-kinerja", "terblokir"]) -> TransitionError {
        TransitionError(
            plan: "2026-2/197812012005012004/ks@20571036", step: .observasi, standing: .at(.praktikKinerja, startedOn: nil),
            allowed: allowed, reason: reason)
    }

    @Test func everyReasonHasASample() {
        let names = Self.samples.map { Self.caseName($0.reason) }
        #expect(Set(names).count == names.count, "one sample per case: \(names)")
        // 10 plain reasons, 4 date problems, 19 other details problems, and notInCatalog for each of 3 catalogs.
        #expect(names.count == 10 + 4 + 19 + 3)
    }

    @Test("every reason reads in Bahasa Indonesia and in English", arguments: samples.indices)
    func bothLanguages(index: Int) {
        let sample = Self.samples[index]
        let error = Self.error(sample.reason)
        #expect(error.reasonText(in: .indonesian) == sample.id)
        #expect(error.reasonText(in: .english) == sample.en)
        let words = Set(sample.id.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() })
        #expect(words.isDisjoint(with: Self.englishWords), "English left in: \(sample.id)")
        #expect(error.message(in: .indonesian).contains(sample.id))
        #expect(error.description == error.message(in: .english))
    }

    @Test func wholeMessageNamesPlanStateAndWhatIsAllowed() {
        let refused = Self.error(.notCurrentStep)
        #expect(refused.message(in: .indonesian) == "rencana 2026-2/197812012005012004/ks@20571036: langkah 'observasi' bukan langkah saat ini "
            + "(keadaan: pada langkah praktik-kinerja; yang dapat dicatat: selesai praktik-kinerja, terblokir)")
        #expect(refused.message(in: .english) == "plan 2026-2/197812012005012004/ks@20571036: step 'observasi' is not the current step "
            + "(state: at praktik-kinerja; allowed: selesai praktik-kinerja, terblokir)")
        let nothing = Self.error(.planComplete, allowed: [])
        #expect(nothing.message(in: .indonesian).hasSuffix("; yang dapat dicatat: tidak ada)"))
        #expect(nothing.message(in: .english).hasSuffix("; allowed: nothing)"))
    }

    @Test func standingInBothLanguages() {
        let samples: [(PlanStanding, String, String)] = [
            (.at(.praktikKinerja, startedOn: nil), "pada langkah praktik-kinerja", "at praktik-kinerja"),
            (.at(.pendampingan, startedOn: d("2026-07-27")), "pada langkah pendampingan, dimulai 2026-07-27", "at pendampingan, started 2026-07-27"),
            (.blocked(.rhkAtasan, since: d("2026-07-02")), "terblokir (rhk-atasan) sejak 2026-07-02", "blocked (rhk-atasan) since 2026-07-02"),
            (.complete, "selesai", "complete"),
        ]
        for (standing, id, en) in samples {
            #expect(standing.text(in: .indonesian) == id)
            #expect(standing.text(in: .english) == en)
        }
    }

    @Test("a refusal from the state machine reads in Bahasa Indonesia")
    func fromThePlan() throws {
        let rules = Fixtures.rules2024
        let plan = try Fixtures.principalPlan("2024-1").then(.complete(.praktikKinerja, Fixtures.praktik), on: "2024-01-10", rules: rules)
        let error = try #require(plan.refusal(.complete(.pengembanganKompetensi, Fixtures.rhk44), on: "2024-01-09", today: "2024-01-15", rules: rules))
        #expect(error.message(in: .indonesian) == "rencana 2024-1/198609262015051001/ks@20100001: "
            + "tanggal 2024-01-09 lebih awal dari catatan terakhir pada rencana (2024-01-10) "
            + "(keadaan: pada langkah pengembangan-kompetensi; yang dapat dicatat: selesai pengembangan-kompetensi, terblokir)")
    }

    @Test("a refused NIP reads in Bahasa Indonesia", arguments: [
        (PersonIDError.empty, "id kosong"),
        (.invalidCharacters("a@b"), "id 'a@b' hanya boleh berisi huruf, angka, '.', '-' dan '_'"),
        (.wrongLength(id: "19861332201505100", length: 17), "NIP '19861332201505100' berisi 17 angka, sedangkan NIP terdiri atas 18 angka"),
        (.birthDate(id: "198613322015051001", digits: "19861332"),
         "NIP '198613322015051001': angka ke-1–8 (19861332) bukan tanggal lahir YYYYMMDD yang sah"),
        (.appointmentMonth(id: "198609262015131001", digits: "201513"),
         "NIP '198609262015131001': angka ke-9–14 (201513) bukan bulan pengangkatan YYYYMM (TMT CPNS)"),
        (.appointmentBeforeBirth(id: "198609261985011001"),
         "NIP '198609261985011001': bulan pengangkatan (angka ke-9–14) lebih awal dari tanggal lahir (angka ke-1–8)"),
        (.sexDigit(id: "198609262015053001", digit: "3"),
         "NIP '198609262015053001': angka ke-15 adalah '3', seharusnya 1 (laki-laki) atau 2 (perempuan)"),
    ])
    func personID(error: PersonIDError, indonesian: String) {
        #expect(error.message(in: .indonesian) == indonesian)
        #expect(error.message(in: .english) == error.description)
        #expect(indonesian != error.description)
    }
}
