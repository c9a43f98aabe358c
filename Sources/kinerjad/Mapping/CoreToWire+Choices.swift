import KinerjaCore
import KinerjaRPC

extension CoreToWire {
    /// Every choice and rating recorded on `plan`, in workflow order, with the names the
    /// year's catalogs and the roster give them: what `plan show`, kinerja-web and the hooks
    /// show of a plan's contents.
    static func choices(of plan: Plan, rules: YearRules, schoolNames: [NPSN: String]) -> [PlanChoiceItem] {
        let catalogs = rules.catalogs
        func name(_ id: String, in list: [CatalogItem]) -> String? { list.first { $0.id == id }?.nama }
        var items: [PlanChoiceItem] = []
        func nama(_ choice: Choice, _ id: String) -> String? { choiceName(choice, id, role: plan.role, rules: rules, schoolNames: schoolNames) }
        for record in plan.records {
            guard let d = record.details else { continue }
            let step = record.step.rawValue
            func add(_ choice: Choice, _ id: String, nama: String? = nil, aspect: String? = nil, jumlah: Int? = nil, poin: Int? = nil) {
                items.append(PlanChoiceItem(step: step, choice: choice.rawValue, id: id, nama: nama, aspect: aspect, jumlah: jumlah, poin: poin))
            }
            if let id = d.praktikKinerja { add(.praktikKinerja, id, nama: nama(.praktikKinerja, id)) }
            for item in d.rhk ?? [] {
                add(.rhk, item.id, nama: nama(.rhk, item.id), jumlah: item.jumlah, poin: catalogs.rhk.first { $0.id == item.id }?.poin)
            }
            if let id = d.kompetensi { add(.kompetensi, id, nama: nama(.kompetensi, id)) }
            for id in d.perilakuKerja ?? [] { add(.perilakuKerja, id, nama: nama(.perilakuKerja, id)) }
            for school in d.sekolah ?? [] { add(.sekolah, school.rawValue, nama: nama(.sekolah, school.rawValue)) }
            if let school = d.sekolahFokus { add(.sekolahFokus, school.rawValue, nama: nama(.sekolahFokus, school.rawValue)) }
            if let rating = d.rating { add(.nilai, rating.rawValue) }
            for aspect in RefleksiAspect.allCases {
                if let rating = d.ratings?[aspect] { add(.nilaiRefleksi, rating.rawValue, aspect: aspect.rawValue) }
            }
            if let rating = d.ratingPraktik { add(.nilaiPraktikKinerja, rating.rawValue) }
            if let rating = d.ratingPerilaku { add(.nilaiPerilakuKerja, rating.rawValue) }
            if let predikat = d.predikat { add(.predikat, predikat.rawValue, nama: predikat.label) }
            if let alasan = d.alasan { add(.alasan, alasan) }
        }
        return items
    }

    /// The name of a chosen `id`: the year's catalog's, the roster's for a school; nil for a
    /// rating (its id says it) or an id nobody names.
    static func choiceName(_ choice: Choice, _ id: String, role: Role, rules: YearRules, schoolNames: [NPSN: String]) -> String? {
        let catalogs = rules.catalogs
        func name(in list: [CatalogItem]) -> String? { list.first { $0.id == id }?.nama }
        switch choice {
        case .praktikKinerja: return name(in: role == .kepalaSekolah ? catalogs.praktikKinerjaKepalaSekolah : catalogs.praktikKinerjaPengawas)
        case .rhk: return name(in: catalogs.rhk)
        case .kompetensi: return name(in: catalogs.kompetensi)
        case .perilakuKerja: return catalogs.perilakuKerja.first { $0.id == id }?.nama
        case .sekolah, .sekolahFokus: return schoolNames[NPSN(trusted: id)]
        case .nilai, .nilaiRefleksi, .nilaiPraktikKinerja, .nilaiPerilakuKerja, .alasan: return nil
        case .predikat: return Predikat(rawValue: id)?.label
        }
    }
}
