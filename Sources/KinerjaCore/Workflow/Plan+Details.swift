extension Plan {
    /// Checks what was chosen at `step` against the year's rules and the plan's own
    /// earlier choices; nil when it is acceptable. Only given details are checked: an
    /// office that records just "done" is not forced to copy the platform's content.
    static func problem(with details: StepDetails, at step: Step, of plan: Plan, rules: YearRules) -> DetailsProblem? {
        let catalogs = rules.catalogs
        let rulesFile = "config/rules/\(rules.year).toml"
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
            }
            // A supervisor's competency indicator comes from the supervisors' own model, which
            // the rules files do not list: only "one indicator, not RHK items" is checked.
            var supervisorCatalogs = catalogs
            supervisorCatalogs.kompetensi = []
            if step == .penyusunan, let problem = pengembanganProblem(details, rules: .oneIndicator, catalogs: supervisorCatalogs, rulesFile: rulesFile) {
                return problem
            }
            if step == .penyusunan, let problem = perilakuProblem(details, catalogs: catalogs, everyAspect: true) {
                return problem
            }
        case .pengembanganKompetensi:
            return pengembanganProblem(details, rules: rules.pengembanganKompetensi, catalogs: catalogs, rulesFile: rulesFile)
        case .perilakuKerja:
            return perilakuProblem(details, catalogs: catalogs, everyAspect: false)
        case .diskusiPersiapan:
            if let focus = details.sekolahFokus, let planned = plan.record(.penyusunan)?.details?.sekolah, !planned.contains(focus) {
                return .focusSchoolNotPlanned(focus, planned: planned)
            }
        case .refleksiTindakLanjut:
            if let ratings = details.ratings, ratings.count != RefleksiAspect.allCases.count {
                let missing = RefleksiAspect.allCases.filter { ratings[$0] == nil }.map(\.rawValue)
                return .missingRefleksiAspects(missing)
            }
        default:
            break
        }
        return nil
    }

    private static func pengembanganProblem(
        _ details: StepDetails, rules: PengembanganKompetensiRule, catalogs: Catalogs, rulesFile: String
    ) -> DetailsProblem? {
        switch rules {
        case .rhkPoints(let minimum, _):
            if details.kompetensi != nil {
                return .competencyInsteadOfRHK(minimumPoints: minimum)
            }
            // Without a catalog the points are unknown: the choice is kept, the minimum not judged.
            guard let choices = details.rhk, !catalogs.rhk.isEmpty else { return nil }
            var total = 0
            for choice in choices {
                guard choice.jumlah > 0 else { return .rhkQuantity(id: choice.id, jumlah: choice.jumlah) }
                guard let item = catalogs.rhk.first(where: { $0.id == choice.id }) else {
                    return .notInCatalog(.rhk, id: choice.id, rulesFile: rulesFile, known: catalogs.rhk.map(\.id))
                }
                guard let points = item.poin else {
                    return .rhkWithoutPoints(id: choice.id, rulesFile: rulesFile)
                }
                total += points * choice.jumlah
            }
            if total < minimum {
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
