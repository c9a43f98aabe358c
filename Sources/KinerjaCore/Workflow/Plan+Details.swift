extension Plan {
    /// Checks what was chosen at `step` against the workflow (which step records which
    /// choice), the year's rules (catalogs, and the choices `[requirements]` makes required)
    /// and the plan's own earlier choices; nil when it is acceptable. A supervisor's planned
    /// schools must be among `sekolahBinaan` (the roster's, empty when it names none: then
    /// any school is accepted, as an empty catalog accepts any item).
    static func problem(with details: StepDetails, at step: Step, of plan: Plan, rules: YearRules, sekolahBinaan: [NPSN]) -> DetailsProblem? {
        let catalogs = rules.catalogs
        let rulesFile = rules.fileName
        if let misplaced = details.given.first(where: { !step.choices.contains($0) }) {
            return .notRecordedAt(misplaced, step: step)
        }
        func unknown(_ id: String, in list: [CatalogItem], _ kind: DetailsProblem.CatalogKind) -> DetailsProblem? {
            guard !list.isEmpty, !list.contains(where: { $0.id == id }) else { return nil }
            return .notInCatalog(kind, id: id, rulesFile: rulesFile, known: list.map(\.id))
        }
        switch step {
        case .praktikKinerja, .penyusunan:
            let list = plan.role == .kepalaSekolah ? catalogs.praktikKinerjaKepalaSekolah : catalogs.praktikKinerjaPengawas
            if let choice = details.praktikKinerja, let problem = unknown(choice, in: list, .praktikKinerja) {
                return problem
            }
            if step == .penyusunan, let schools = details.sekolah {
                if schools.count != 3 {
                    return .schoolCount(schools.count)
                }
                if Set(schools).count != 3 {
                    return .schoolNamedTwice
                }
                if !sekolahBinaan.isEmpty, let outside = schools.first(where: { !sekolahBinaan.contains($0) }) {
                    return .schoolNotBinaan(outside, binaan: sekolahBinaan)
                }
            }
            // A supervisor's competency indicator comes from the supervisors' own model, which
            // the rules files do not list: only "one indicator, not RHK items" is checked.
            var supervisorCatalogs = catalogs
            supervisorCatalogs.kompetensi = []
            if step == .penyusunan, let problem = pengembanganProblem(details, rules: .oneIndicator, catalogs: supervisorCatalogs, requirements: rules.requirements, rulesFile: rulesFile) {
                return problem
            }
            if step == .penyusunan, let problem = perilakuProblem(details, catalogs: catalogs, everyAspect: true) {
                return problem
            }
        case .pengembanganKompetensi:
            if let problem = pengembanganProblem(details, rules: rules.pengembanganKompetensi, catalogs: catalogs, requirements: rules.requirements, rulesFile: rulesFile) {
                return problem
            }
        case .perilakuKerja:
            if let problem = perilakuProblem(details, catalogs: catalogs, everyAspect: false) {
                return problem
            }
        case .diskusiPersiapan:
            if let focus = details.sekolahFokus, let planned = plan.record(.penyusunan)?.details?.sekolah, !planned.contains(focus) {
                return .focusSchoolNotPlanned(focus, planned: planned)
            }
        case .penilaian, .penetapanPredikat:
            if let problem = penilaianProblem(details, at: step, of: plan, rules: rules) { return problem }
        case .refleksiTindakLanjut:
            if let ratings = details.ratings, ratings.count != RefleksiAspect.allCases.count {
                let missing = RefleksiAspect.allCases.filter { ratings[$0] == nil }.map(\.rawValue)
                return .missingRefleksiAspects(missing)
            }
        default:
            break
        }
        for requirement in PlanRequirements.Requirement.allCases where rules.requirements.isRequired(requirement) {
            if let choice = unmet(requirement, at: step, by: details, role: plan.role, rules: rules) {
                return .missing(choice, step: step, requirement: requirement, rulesFile: rulesFile, known: known(choice, role: plan.role, rules: rules, sekolahBinaan: sekolahBinaan))
            }
        }
        return nil
    }

    /// The choice a requirement wants and `details`, recorded at `step`, lack; nil when it
    /// is met or not judged at this step. The points minimum is judged with the points
    /// (`pengembanganProblem`, `PlanAdvice`), not here.
    static func unmet(_ requirement: PlanRequirements.Requirement, at step: Step, by details: StepDetails, role: Role, rules: YearRules) -> Choice? {
        guard requirement.steps.contains(step), Workflow.steps(for: role).contains(step) else { return nil }
        switch requirement {
        case .praktikKinerja:
            return details.praktikKinerja == nil ? .praktikKinerja : nil
        case .pengembanganKompetensi:
            if step == .pengembanganKompetensi, case .rhkPoints = rules.pengembanganKompetensi {
                return (details.rhk ?? []).isEmpty ? .rhk : nil
            }
            return details.kompetensi == nil ? .kompetensi : nil
        case .rhkMinimumPoints:
            return nil
        case .perilakuKerja:
            return (details.perilakuKerja ?? []).isEmpty ? .perilakuKerja : nil
        case .sekolah:
            return details.sekolah == nil ? .sekolah : nil
        case .sekolahFokus:
            return details.sekolahFokus == nil ? .sekolahFokus : nil
        case .nilaiObservasi, .nilaiDiskusiTindakLanjut:
            return details.rating == nil ? .nilai : nil
        case .nilaiRefleksi:
            return details.ratings == nil ? .nilaiRefleksi : nil
        }
    }

    /// The ids a refusal for the missing `choice` offers.
    private static func known(_ choice: Choice, role: Role, rules: YearRules, sekolahBinaan: [NPSN]) -> [String] {
        let catalogs = rules.catalogs
        switch choice {
        case .praktikKinerja: return (role == .kepalaSekolah ? catalogs.praktikKinerjaKepalaSekolah : catalogs.praktikKinerjaPengawas).map(\.id)
        case .rhk: return catalogs.rhk.map(\.id)
        case .kompetensi: return role == .kepalaSekolah ? catalogs.kompetensi.map(\.id) : []
        case .perilakuKerja: return catalogs.perilakuKerja.map(\.id)
        case .sekolah: return sekolahBinaan.map(\.rawValue)
        case .sekolahFokus: return []
        case .nilai, .nilaiRefleksi, .nilaiPraktikKinerja, .nilaiPerilakuKerja: return Rating.allCases.map(\.rawValue)
        case .predikat: return Predikat.allCases.map(\.rawValue)
        case .alasan: return []
        }
    }

    /// The points of chosen RHK items by the year's catalog; nil when a choice's points are
    /// not known (no catalog, an item not in it, or without `poin`).
    public static func rhkPoints(_ choices: [RHKChoice], catalog: [CatalogItem]) -> Int? {
        var total = 0
        for choice in choices {
            guard let points = catalog.first(where: { $0.id == choice.id })?.poin else { return nil }
            total += points * choice.jumlah
        }
        return total
    }

    private static func pengembanganProblem(
        _ details: StepDetails, rules: PengembanganKompetensiRule, catalogs: Catalogs, requirements: PlanRequirements, rulesFile: String
    ) -> DetailsProblem? {
        switch rules {
        case .rhkPoints(let minimum, _):
            if details.kompetensi != nil {
                return .competencyInsteadOfRHK(minimumPoints: minimum)
            }
            // Without a catalog the points are unknown: the choice is kept, the minimum not judged.
            guard let choices = details.rhk, !catalogs.rhk.isEmpty else { return nil }
            for choice in choices {
                guard choice.jumlah > 0 else { return .rhkQuantity(id: choice.id, jumlah: choice.jumlah) }
                guard let item = catalogs.rhk.first(where: { $0.id == choice.id }) else {
                    return .notInCatalog(.rhk, id: choice.id, rulesFile: rulesFile, known: catalogs.rhk.map(\.id))
                }
                guard item.poin != nil else {
                    return .rhkWithoutPoints(id: choice.id, rulesFile: rulesFile)
                }
            }
            if requirements.isRequired(.rhkMinimumPoints), let total = rhkPoints(choices, catalog: catalogs.rhk), total < minimum {
                return .tooFewPoints(total: total, minimum: minimum)
            }
        case .oneIndicator:
            if details.rhk != nil {
                return .rhkInsteadOfCompetency
            }
            if let choice = details.kompetensi, !catalogs.kompetensi.isEmpty, !catalogs.kompetensi.contains(where: { $0.id == choice }) {
                return .notInCatalog(.kompetensi, id: choice, rulesFile: rulesFile, known: catalogs.kompetensi.map(\.id))
            }
        }
        return nil
    }

    private static func perilakuProblem(_ details: StepDetails, catalogs: Catalogs, everyAspect: Bool) -> DetailsProblem? {
        guard let chosen = details.perilakuKerja else { return nil }
        if chosen.isEmpty { return .noPerilakuAspect }
        if Set(chosen).count != chosen.count { return .perilakuAspectTwice }
        let known = catalogs.perilakuKerja.map(\.id)
        if !known.isEmpty {
            if let bad = chosen.first(where: { !known.contains($0) }) {
                return .unknownPerilakuAspect(bad, known: known)
            }
            if everyAspect, Set(chosen) != Set(known) {
                let missing = known.filter { !chosen.contains($0) }
                return .missingPerilakuAspects(missing)
            }
        }
        return nil
    }
}

extension YearRules {
    /// The rules file these rules are read from, as refusals name it.
    public var fileName: String { "config/rules/\(year).toml" }
}
