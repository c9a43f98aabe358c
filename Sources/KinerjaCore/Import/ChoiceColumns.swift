/// The choice columns of a progress file: what was chosen or rated at the step of a
/// `selesai` or `disetujui` row, as `kinerjactl plan complete` takes it. Each is optional;
/// whether a step needs one is the year's rules' (`PlanRequirements`), judged when the row
/// is applied, as for a single command.
///
/// | column | value |
/// |---|---|
/// | `praktik_kinerja` | the indicator's catalog id |
/// | `rhk` | RHK items, `id:jumlah` (jumlah 1 when left out), separated by `\|` |
/// | `kompetensi` | the competency indicator's catalog id |
/// | `perilaku_kerja` | Perilaku Kerja aspect ids, separated by `\|` |
/// | `sekolah` | the supervisor's three planned schools, NPSNs separated by `\|` |
/// | `sekolah_fokus` | the focus school's NPSN |
/// | `nilai` | the rating: `di-bawah-ekspektasi`, `sesuai-ekspektasi`, `di-atas-ekspektasi` |
/// | `nilai_refleksi` | the three Refleksi ratings, `aspek=nilai` separated by `\|` |
/// | `nilai_praktik_kinerja`, `nilai_perilaku_kerja` | Penilaian: the Tim Kinerja's two ratings |
/// | `predikat` | Penetapan Predikat: `sangat-baik`, `baik`, `butuh-perbaikan`, `kurang`, `sangat-kurang` |
/// | `alasan` | Penetapan Predikat: why the predikat is not the matrix's |
enum ChoiceColumns {
    static let names = [
        "praktik_kinerja", "rhk", "kompetensi", "perilaku_kerja", "sekolah", "sekolah_fokus", "nilai", "nilai_refleksi",
        "nilai_praktik_kinerja", "nilai_perilaku_kerja", "predikat", "alasan",
    ]

    static func details(of r: CSVRecord) throws(ImportProblem) -> StepDetails {
        var details = StepDetails()
        details.praktikKinerja = r["praktik_kinerja"]
        details.kompetensi = r["kompetensi"]
        if r["rhk"] != nil {
            var items: [RHKChoice] = []
            for item in r.list("rhk") {
                let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmedOfWhitespace() }
                guard parts.count <= 2, !parts[0].isEmpty, let jumlah = parts.count == 2 ? Int(parts[1]) : 1 else {
                    throw r.problem(
                        id: "rhk '\(item)': tulis id atau id:jumlah, dipisah |", en: "rhk '\(item)': write id or id:jumlah, separated by |")
                }
                items.append(RHKChoice(id: parts[0], jumlah: jumlah))
            }
            details.rhk = items
        }
        if r["perilaku_kerja"] != nil { details.perilakuKerja = r.list("perilaku_kerja") }
        if r["sekolah"] != nil {
            var schools: [NPSN] = []
            for text in r.list("sekolah") {
                guard let npsn = NPSN(text) else {
                    throw r.problem(id: "sekolah '\(text)' bukan NPSN (8 angka)", en: "sekolah '\(text)' is not an NPSN (8 digits)")
                }
                schools.append(npsn)
            }
            details.sekolah = schools
        }
        if let text = r["sekolah_fokus"] {
            guard let npsn = NPSN(text) else {
                throw r.problem(id: "sekolah_fokus '\(text)' bukan NPSN (8 angka)", en: "sekolah_fokus '\(text)' is not an NPSN (8 digits)")
            }
            details.sekolahFokus = npsn
        }
        if let text = r["nilai"] { details.rating = try rating(text, column: "nilai", r) }
        if r["nilai_refleksi"] != nil {
            var ratings: [RefleksiAspect: Rating] = [:]
            for item in r.list("nilai_refleksi") {
                let parts = item.split(separator: "=").map { $0.trimmedOfWhitespace() }
                guard parts.count == 2, let aspect = RefleksiAspect(rawValue: parts[0].lowercased()) else {
                    let aspects = RefleksiAspect.allCases.map(\.rawValue).joined(separator: ", ")
                    throw r.problem(
                        id: "nilai_refleksi '\(item)': tulis aspek=nilai, aspeknya \(aspects)",
                        en: "nilai_refleksi '\(item)': write aspect=rating, the aspects being \(aspects)")
                }
                ratings[aspect] = try rating(parts[1], column: "nilai_refleksi", r)
            }
            details.ratings = ratings
        }
        if let text = r["nilai_praktik_kinerja"] { details.ratingPraktik = try rating(text, column: "nilai_praktik_kinerja", r) }
        if let text = r["nilai_perilaku_kerja"] { details.ratingPerilaku = try rating(text, column: "nilai_perilaku_kerja", r) }
        if let text = r["predikat"] {
            guard let predikat = Predikat(rawValue: text.lowercased()) else {
                let known = Predikat.allCases.map(\.rawValue).joined(separator: ", ")
                throw r.problem(id: "predikat '\(text)' tidak dikenal; gunakan \(known)", en: "predikat '\(text)' is unknown; use \(known)")
            }
            details.predikat = predikat
        }
        details.alasan = r["alasan"]
        return details
    }

    private static func rating(_ text: String, column: String, _ r: CSVRecord) throws(ImportProblem) -> Rating {
        guard let rating = Rating(rawValue: text.lowercased()) else {
            let ratings = Rating.allCases.map(\.rawValue).joined(separator: ", ")
            throw r.problem(id: "\(column) '\(text)' tidak dikenal; gunakan \(ratings)", en: "\(column) '\(text)' is unknown; use \(ratings)")
        }
        return rating
    }
}
