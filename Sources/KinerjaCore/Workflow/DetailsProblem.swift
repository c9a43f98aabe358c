/// Why the details given with a step break the year's rules or the plan's own earlier
/// choices. Each case keeps what is needed to say which value to change and what would do.
public enum DetailsProblem: Hashable, Sendable {
    /// What a catalog lists, as the refusal names it.
    public enum CatalogKind: Hashable, Sendable {
        case praktikKinerja, rhk, kompetensi
    }

    /// `id` is not in the year's catalog (`rulesFile`), which lists `known`.
    case notInCatalog(CatalogKind, id: String, rulesFile: String, known: [String])
    /// A supervisor's plan names exactly three schools.
    case schoolCount(Int)
    case schoolNamedTwice
    /// The year counts RHK points, and a competency indicator was given.
    case competencyInsteadOfRHK(minimumPoints: Int)
    case rhkQuantity(id: String, jumlah: Int)
    case rhkWithoutPoints(id: String, rulesFile: String)
    case tooFewPoints(total: Int, minimum: Int)
    /// The plan takes one competency indicator, and RHK items were given.
    case rhkInsteadOfCompetency
    case noPerilakuAspect
    case perilakuAspectTwice
    case unknownPerilakuAspect(String, known: [String])
    /// A supervisor chooses an indicator for every aspect.
    case missingPerilakuAspects([String])
    case focusSchoolNotPlanned(NPSN, planned: [NPSN])
    case missingRefleksiAspects([String])
    /// The step does not record this choice (a rating on the principal's own document).
    case notRecordedAt(Choice, step: Step)
    /// The year's rules require `choice` at `step` (`requirement` in `rulesFile`), which
    /// offers `known` (empty when not known).
    case missing(Choice, step: Step, requirement: PlanRequirements.Requirement, rulesFile: String, known: [String])
    /// A planned school is not among the supervisor's sekolah binaan.
    case schoolNotBinaan(NPSN, binaan: [NPSN])
    /// Penilaian or Penetapan Predikat without what the step is for; `known` are the values
    /// to choose from (for a predikat, the matrix's first).
    case penilaianNeeds(Choice, step: Step, known: [String])
    /// The rules file has no `[predikat_matrix]`, so no predikat can be checked.
    case noPredikatMatrix(rulesFile: String)
    /// A predikat other than the matrix's for the Tim Kinerja's ratings, without a reason.
    case predikatAgainstMatrix(Predikat, matrix: Predikat, praktik: Rating, perilaku: Rating, rulesFile: String)

    public func text(in language: OfficeLanguage) -> String {
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        switch self {
        case .notInCatalog(let kind, let id, let rulesFile, let known):
            let what: (id: String, en: String)
            switch kind {
            case .praktikKinerja: what = ("indikator Praktik Kinerja", "Praktik Kinerja indicator")
            case .rhk: what = ("RHK", "RHK")
            case .kompetensi: what = ("indikator kompetensi", "competency indicator")
            }
            return language.text(
                id: "\(what.id) '\(id)' tidak ada dalam katalog \(rulesFile); yang ada: \(list(known))",
                en: "\(what.en) '\(id)' is not in the catalog of \(rulesFile); known: \(list(known))")
        case .schoolCount(let count):
            return language.text(
                id: "rencana pengawas menyebut tepat tiga sekolah, bukan \(count)",
                en: "a supervisor's plan names exactly three schools, not \(count)")
        case .schoolNamedTwice:
            return language.text(
                id: "rencana pengawas menyebut tiga sekolah yang berbeda; ada sekolah yang disebut dua kali",
                en: "a supervisor's plan names three different schools; a school is named twice")
        case .competencyInsteadOfRHK(let minimum):
            return language.text(
                id: "aturan tahun ini menghitung butir RHK berpoin (minimal \(minimum)); isikan butir RHK, bukan indikator kompetensi",
                en: "the rules of this year count RHK items with points (minimum \(minimum)); give RHK items, not a competency indicator")
        case .rhkQuantity(let id, let jumlah):
            return language.text(
                id: "RHK '\(id)' berjumlah \(jumlah); jumlahnya minimal 1",
                en: "RHK '\(id)' has quantity \(jumlah); it must be at least 1")
        case .rhkWithoutPoints(let id, let rulesFile):
            return language.text(
                id: "poin RHK '\(id)' belum tercantum di \(rulesFile); isikan poin-nya di sana",
                en: "RHK '\(id)' has no known points in \(rulesFile); set its poin there")
        case .tooFewPoints(let total, let minimum):
            return language.text(
                id: "butir RHK yang dipilih berjumlah \(total) poin; semester ini diperlukan minimal \(minimum) poin",
                en: "the chosen RHK items total \(total) points; at least \(minimum) are needed this semester")
        case .rhkInsteadOfCompetency:
            return language.text(
                id: "rencana ini memakai satu indikator kompetensi, bukan butir RHK",
                en: "this plan takes one competency indicator, not RHK items")
        case .noPerilakuAspect:
            return language.text(id: "pilih minimal satu aspek Perilaku Kerja", en: "choose at least one Perilaku Kerja aspect")
        case .perilakuAspectTwice:
            return language.text(id: "ada aspek Perilaku Kerja yang dipilih dua kali", en: "a Perilaku Kerja aspect is chosen twice")
        case .unknownPerilakuAspect(let aspect, let known):
            return language.text(
                id: "aspek Perilaku Kerja '\(aspect)' tidak dikenal; yang ada: \(list(known))",
                en: "Perilaku Kerja aspect '\(aspect)' is unknown; known: \(list(known))")
        case .missingPerilakuAspects(let missing):
            return language.text(
                id: "pengawas memilih satu indikator untuk setiap aspek Perilaku Kerja; belum dipilih: \(list(missing))",
                en: "a supervisor chooses one indicator for every Perilaku Kerja aspect; missing: \(list(missing))")
        case .focusSchoolNotPlanned(let focus, let planned):
            let schools = list(planned.map(\.rawValue))
            return language.text(
                id: "sekolah fokus \(focus) bukan salah satu dari tiga sekolah yang direncanakan (\(schools))",
                en: "the focus school \(focus) is not one of the three planned schools (\(schools))")
        case .notRecordedAt(let choice, let step):
            let steps = list(choice.steps.map(\.rawValue))
            return language.text(
                id: "langkah \(step.rawValue) tidak mencatat \(choice.name(in: language)); \(choice.name(in: language)) dicatat pada langkah \(steps)",
                en: "step \(step.rawValue) does not record the \(choice.name(in: language)); it is recorded at \(steps)")
        case .missing(let choice, let step, let requirement, let rulesFile, let known):
            let options = known.isEmpty ? "" : language.text(id: "; pilihannya: \(list(known))", en: "; choose from: \(list(known))")
            return language.text(
                id: "langkah \(step.rawValue) memerlukan \(choice.name(in: language)) (\(rulesFile): \(requirement.rawValue) = \"required\")\(options)",
                en: "step \(step.rawValue) needs the \(choice.name(in: language)) (\(rulesFile): \(requirement.rawValue) = \"required\")\(options)")
        case .schoolNotBinaan(let school, let binaan):
            let schools = list(binaan.map(\.rawValue))
            return language.text(
                id: "sekolah \(school) bukan sekolah binaan pengawas ini (menurut daftar pegawai: \(schools))",
                en: "school \(school) is not one of this supervisor's sekolah binaan (the roster lists: \(schools))")
        case .penilaianNeeds(let choice, let step, let known):
            return language.text(
                id: "langkah \(step.rawValue) memerlukan \(choice.name(in: language)); pilihannya: \(list(known))",
                en: "step \(step.rawValue) needs the \(choice.name(in: language)); choose from: \(list(known))")
        case .noPredikatMatrix(let rulesFile):
            return language.text(
                id: "\(rulesFile) tidak memuat [predikat_matrix] (matriks predikat PermenPANRB 6/2022), jadi predikat belum dapat ditetapkan; tambahkan matriksnya di sana",
                en: "\(rulesFile) has no [predikat_matrix] (the predikat matrix of PermenPANRB 6/2022), so no predikat can be set yet; add the matrix there")
        case .predikatAgainstMatrix(let given, let matrix, let praktik, let perilaku, let rulesFile):
            return language.text(
                id: "predikat \(given.rawValue) berbeda dari matriks \(rulesFile) (Praktik Kinerja \(praktik.rawValue) × Perilaku Kerja \(perilaku.rawValue) = \(matrix.rawValue)); tetapkan \(matrix.rawValue), atau sertakan alasannya (--reason di kinerjactl, details.alasan lewat Varlink)",
                en: "predikat \(given.rawValue) differs from the matrix of \(rulesFile) (Praktik Kinerja \(praktik.rawValue) × Perilaku Kerja \(perilaku.rawValue) = \(matrix.rawValue)); set \(matrix.rawValue), or give the reason (--reason in kinerjactl, details.alasan over Varlink)")
        case .missingRefleksiAspects(let missing):
            return language.text(
                id: "Refleksi Tindak Lanjut dinilai pada ketiga aspek; belum dinilai: \(list(missing))",
                en: "Refleksi Tindak Lanjut is rated on all three aspects; missing: \(list(missing))")
        }
    }
}
