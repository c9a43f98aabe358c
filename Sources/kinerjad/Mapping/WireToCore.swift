import KinerjaCore
import KinerjaRPC

/// Parses wire parameters into domain values, refusing malformed ones with
/// `OfficeError.invalidInput` naming the field and how to write it.
enum WireToCore {
    static func invalid(_ field: String, id indonesian: String, en english: String) -> OfficeError {
        .invalidInput(field: field, Words(id: indonesian, en: english))
    }

    static func cycle(_ text: String?, field: String = "cycle", default fallback: CycleID) throws(OfficeError) -> CycleID {
        guard let text else { return fallback }
        guard let cycle = CycleID(text) else {
            throw invalid(
                field, id: "'\(text)' bukan siklus; tulis YYYY-1 (Januari–Juni) atau YYYY-2 (Juli–Desember)",
                en: "'\(text)' is not a cycle; use YYYY-1 (January–June) or YYYY-2 (July–December)")
        }
        return cycle
    }

    static func date(_ text: String?, field: String, default fallback: LocalDate) throws(OfficeError) -> LocalDate {
        guard let text else { return fallback }
        guard let date = LocalDate(text) else {
            throw invalid(field, id: "'\(text)' bukan tanggal YYYY-MM-DD", en: "'\(text)' is not a date YYYY-MM-DD")
        }
        return date
    }

    static func npsn(_ text: String?, field: String = "npsn") throws(OfficeError) -> NPSN? {
        guard let text else { return nil }
        guard let npsn = NPSN(text) else {
            throw invalid(field, id: "'\(text)' bukan NPSN (8 angka)", en: "'\(text)' is not an NPSN (8 digits)")
        }
        return npsn
    }

    static func role(_ text: String?) throws(OfficeError) -> Role? {
        guard let text else { return nil }
        guard let role = Role(parsing: text) else {
            throw invalid(
                "role", id: "'\(text)' bukan peran; gunakan kepala_sekolah atau pengawas_sekolah",
                en: "'\(text)' is not a role; use kepala_sekolah or pengawas_sekolah")
        }
        return role
    }

    static func step(_ text: String?, field: String = "step") throws(OfficeError) -> Step? {
        guard let text else { return nil }
        do { return try ActionWords.step(text) } catch { throw .refusedInput(field: field, error) }
    }

    static func rating(_ text: String, field: String) throws(OfficeError) -> Rating {
        guard let rating = Rating(rawValue: text) else {
            let ratings = Rating.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(field, id: "'\(text)' bukan penilaian; gunakan \(ratings)", en: "'\(text)' is not a rating; use \(ratings)")
        }
        return rating
    }

    static func details(_ input: StepDetailsInput?, note: String?) throws(OfficeError) -> StepDetails {
        guard let input else { return StepDetails(catatan: note) }
        var details = StepDetails(
            praktikKinerja: input.praktikKinerja, rhk: input.rhk?.map { RHKChoice(id: $0.id, jumlah: $0.jumlah) },
            kompetensi: input.kompetensi, perilakuKerja: input.perilakuKerja, catatan: input.catatan ?? note)
        if let schools = input.sekolah {
            var list: [NPSN] = []
            for text in schools { list.append(try npsn(text, field: "details.sekolah")!) }
            details.sekolah = list
        }
        details.sekolahFokus = try npsn(input.sekolahFokus, field: "details.sekolahFokus")
        if let text = input.rating { details.rating = try rating(text, field: "details.rating") }
        if let text = input.ratingPraktik { details.ratingPraktik = try rating(text, field: "details.ratingPraktik") }
        if let text = input.ratingPerilaku { details.ratingPerilaku = try rating(text, field: "details.ratingPerilaku") }
        if let text = input.predikat {
            guard let predikat = Predikat(rawValue: text) else {
                let known = Predikat.allCases.map(\.rawValue).joined(separator: ", ")
                throw invalid("details.predikat", id: "'\(text)' bukan predikat; gunakan \(known)", en: "'\(text)' is not a predikat; use \(known)")
            }
            details.predikat = predikat
        }
        details.alasan = input.alasan
        if let ratings = input.ratings {
            var map: [RefleksiAspect: Rating] = [:]
            for (key, value) in ratings {
                guard let aspect = RefleksiAspect(rawValue: key) else {
                    let aspects = RefleksiAspect.allCases.map(\.rawValue).joined(separator: ", ")
                    throw invalid(
                        "details.ratings", id: "'\(key)' bukan aspek; gunakan \(aspects)", en: "'\(key)' is not an aspect; use \(aspects)")
                }
                map[aspect] = try rating(value, field: "details.ratings.\(key)")
            }
            details.ratings = map
        }
        return details
    }

    /// The plan action of a `Transition` call, read by `ActionWords` as a progress row's is.
    static func action(_ p: Kinerja.Transition.Parameters) throws(OfficeError) -> PlanAction {
        let step = try step(p.step)
        let details = try details(p.details, note: p.note)
        do {
            return try ActionWords.action(verb: p.action, step: step, cause: p.cause, note: p.note, details: details)
        } catch {
            throw .refusedInput(field: error.field, error)
        }
    }
}
