extension Plan {
    /// Checks what was chosen at `step` against the year's rules and the plan's own
    /// earlier choices; nil when it is acceptable. Only given details are checked: an
    /// office that records just "done" is not forced to copy the platform's content.
    static func problem(with details: StepDetails, at step: Step, of plan: Plan, rules: YearRules) -> String? {
        let catalogs = rules.catalogs
        let rulesFile = "config/rules/\(rules.year).toml"
        func unknown(_ id: String, in list: [CatalogItem], _ what: String) -> String? {
            guard !list.isEmpty, !list.contains(where: { $0.id == id }) else { return nil }
            return "\(what) '\(id)' is not in the catalog of \(rulesFile); known: \(list.map(\.id).joined(separator: ", "))"
        }
        switch step {
        case .praktikKinerja, .penyusunan:
            let list = plan.role == .kepalaSekolah ? catalogs.praktikKinerjaKepalaSekolah : catalogs.praktikKinerjaPengawas
            if let choice = details.praktikKinerja, let problem = unknown(choice, in: list, "Praktik Kinerja indicator") {
                return problem
            }
            if step == .penyusunan, let schools = details.sekolah {
                if schools.count != 3 {
                    return "a supervisor's plan names exactly three schools, not \(schools.count)"
                }
                if Set(schools).count != 3 {
                    return "a supervisor's plan names three different schools; a school is named twice"
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
                return "the focus school \(focus) is not one of the three planned schools (\(planned.map(\.rawValue).joined(separator: ", ")))"
            }
        case .refleksiTindakLanjut:
            if let ratings = details.ratings, ratings.count != RefleksiAspect.allCases.count {
                let missing = RefleksiAspect.allCases.filter { ratings[$0] == nil }.map(\.rawValue)
                return "Refleksi Tindak Lanjut is rated on all three aspects; missing: \(missing.joined(separator: ", "))"
            }
        default:
            break
        }
        return nil
    }

    private static func pengembanganProblem(
        _ details: StepDetails, rules: PengembanganKompetensiRule, catalogs: Catalogs, rulesFile: String
    ) -> String? {
        switch rules {
        case .rhkPoints(let minimum, _):
            if details.kompetensi != nil {
                return "the rules of this year count RHK items with points (minimum \(minimum)); give RHK items, not a competency indicator"
            }
            // Without a catalog the points are unknown: the choice is kept, the minimum not judged.
            guard let choices = details.rhk, !catalogs.rhk.isEmpty else { return nil }
            var total = 0
            for choice in choices {
                guard choice.jumlah > 0 else { return "RHK '\(choice.id)' has quantity \(choice.jumlah); it must be at least 1" }
                guard let item = catalogs.rhk.first(where: { $0.id == choice.id }) else {
                    return "RHK '\(choice.id)' is not in the catalog of \(rulesFile); known: \(catalogs.rhk.map(\.id).joined(separator: ", "))"
                }
                guard let points = item.poin else {
                    return "RHK '\(choice.id)' has no known points in \(rulesFile); set its poin there"
                }
                total += points * choice.jumlah
            }
            if total < minimum {
                return "the chosen RHK items total \(total) points; at least \(minimum) are needed this semester"
            }
        case .oneIndicator:
            if details.rhk != nil {
                return "this plan takes one competency indicator, not RHK items"
            }
            if let choice = details.kompetensi, !catalogs.kompetensi.isEmpty, !catalogs.kompetensi.contains(where: { $0.id == choice }) {
                return "competency indicator '\(choice)' is not in the catalog of \(rulesFile); known: \(catalogs.kompetensi.map(\.id).joined(separator: ", "))"
            }
        }
        return nil
    }

    private static func perilakuProblem(_ details: StepDetails, catalogs: Catalogs, everyAspect: Bool) -> String? {
        guard let chosen = details.perilakuKerja else { return nil }
        if chosen.isEmpty { return "choose at least one Perilaku Kerja aspect" }
        if Set(chosen).count != chosen.count { return "a Perilaku Kerja aspect is chosen twice" }
        let known = catalogs.perilakuKerja.map(\.id)
        if !known.isEmpty {
            if let bad = chosen.first(where: { !known.contains($0) }) {
                return "Perilaku Kerja aspect '\(bad)' is unknown; known: \(known.joined(separator: ", "))"
            }
            if everyAspect, Set(chosen) != Set(known) {
                let missing = known.filter { !chosen.contains($0) }
                return "a supervisor chooses one indicator for every Perilaku Kerja aspect; missing: \(missing.joined(separator: ", "))"
            }
        }
        return nil
    }
}
