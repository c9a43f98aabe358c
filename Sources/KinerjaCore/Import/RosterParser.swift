/// Reads a roster CSV (DESIGN.md, "CSV formats"): one row per position, so a person who
/// is definitif at one school and Plt. at another has two rows.
public enum RosterParser {
    /// The columns; the last four are optional additions a file without them imports as before.
    public static let columns = [
        "id", "kepegawaian", "nama", "peran", "jabatan", "npsn", "nama_sekolah",
        "atasan_id", "tim_kinerja", "pejabat_penilai_id", "sekolah_binaan",
        "kecamatan", "jenjang",
    ] + CSVRecord.contactColumns
    public static let requiredColumns = ["id", "nama", "peran"]

    /// The good rows of a CSV text and a problem for every bad one. A header problem is the only problem.
    public static func parse(_ text: String) -> (lines: [RosterLine], problems: [ImportProblem]) {
        CSVRecord.parse(text, through: parse)
    }

    /// The good rows of a table (a CSV's, a workbook sheet's) and a problem for every bad one.
    public static func parse(_ table: CSVTable) -> (lines: [RosterLine], problems: [ImportProblem]) {
        var names: [PersonID: (String, Int)] = [:]
        var seen: [PositionKey: Int] = [:]
        var contacts: [PersonID: (Person, Int)] = [:]
        let (lines, problems) = CSVRecord.parse(table, columns: columns, required: requiredColumns) { (record: CSVRecord) throws(ImportProblem) -> RosterLine in
            let parsed = try parseRow(record)
            if let (name, line) = names[parsed.person.id], name != parsed.person.nama {
                throw record.problem(
                    id: "id \(parsed.person.id) bernama '\(name)' di baris \(line), tetapi '\(parsed.person.nama)' di sini",
                    en: "id \(parsed.person.id) is named '\(name)' on line \(line) and '\(parsed.person.nama)' here")
            }
            if let (earlier, line) = contacts[parsed.person.id] {
                for (column, was, now) in [("email", earlier.email, parsed.person.email), ("telepon", earlier.telepon, parsed.person.telepon)] {
                    if let was, let now, was != now {
                        throw record.problem(
                            id: "\(column) \(parsed.person.id) adalah '\(was)' di baris \(line), tetapi '\(now)' di sini",
                            en: "the \(column) of \(parsed.person.id) is '\(was)' on line \(line) and '\(now)' here")
                    }
                }
            }
            if let line = seen[parsed.position.key] {
                throw record.problem(
                    id: "posisi \(parsed.position.key) sudah ada di baris \(line)",
                    en: "the position \(parsed.position.key) is already on line \(line)")
            }
            names[parsed.person.id] = (parsed.person.nama, record.line)
            if var known = contacts[parsed.person.id] {
                known.0.email = known.0.email ?? parsed.person.email
                known.0.telepon = known.0.telepon ?? parsed.person.telepon
                contacts[parsed.person.id] = known
            } else {
                contacts[parsed.person.id] = (parsed.person, record.line)
            }
            seen[parsed.position.key] = record.line
            return parsed
        }
        // A contact given on one of a person's rows is theirs on every row (a Plt. row need
        // not repeat it).
        let merged = lines.map { line in
            var person = line.person
            person.email = contacts[person.id]?.0.email
            person.telepon = contacts[person.id]?.0.telepon
            return RosterLine(line: line.line, person: person, position: line.position)
        }
        return (merged, problems)
    }

    static func parseRow(_ r: CSVRecord) throws(ImportProblem) -> RosterLine {
        guard let idText = r["id"] else { throw r.problem(id: "id kosong", en: "id is empty") }
        var kepegawaian: Kepegawaian? = nil
        if let text = r["kepegawaian"] {
            guard let k = Kepegawaian(parsing: text) else {
                throw r.problem(
                    id: "kepegawaian '\(text)' tidak dikenal; gunakan pns, pppk atau non_asn",
                    en: "kepegawaian '\(text)' is unknown; use pns, pppk or non_asn")
            }
            kepegawaian = k
        }
        let id: PersonID
        do { id = try PersonID(validating: idText, kepegawaian: kepegawaian) } catch { throw r.problem(error) }
        guard let nama = r["nama"] else { throw r.problem(id: "nama kosong", en: "nama is empty") }
        guard let peranText = r["peran"] else {
            throw r.problem(
                id: "peran kosong; gunakan kepala_sekolah atau pengawas_sekolah",
                en: "peran is empty; use kepala_sekolah or pengawas_sekolah")
        }
        guard let role = Role(parsing: peranText) else {
            throw r.problem(
                id: "peran '\(peranText)' tidak dikenal; gunakan kepala_sekolah atau pengawas_sekolah",
                en: "peran '\(peranText)' is unknown; use kepala_sekolah or pengawas_sekolah")
        }
        var jabatan = Jabatan.definitif
        if let text = r["jabatan"] {
            guard let j = Jabatan(parsing: text) else {
                throw r.problem(
                    id: "jabatan '\(text)' tidak dikenal; gunakan definitif atau plt",
                    en: "jabatan '\(text)' is unknown; use definitif or plt")
            }
            jabatan = j
        }
        if jabatan == .plt && role != .kepalaSekolah {
            throw r.problem(id: "jabatan plt hanya untuk kepala_sekolah", en: "jabatan plt is for a kepala_sekolah only")
        }
        var npsn: NPSN? = nil
        if let text = r["npsn"] {
            guard let n = NPSN(text) else {
                throw r.problem(id: "npsn '\(text)' bukan NPSN (8 angka)", en: "npsn '\(text)' is not an NPSN (8 digits)")
            }
            npsn = n
        }
        if role == .kepalaSekolah && npsn == nil {
            throw r.problem(id: "kepala_sekolah memerlukan npsn sekolahnya", en: "a kepala_sekolah needs the school's npsn")
        }
        func otherID(_ column: String, _ text: String) throws(ImportProblem) -> PersonID {
            do { return try PersonID(validating: text) } catch { throw r.problem(error, column: column) }
        }
        let atasan = try r["atasan_id"].map { (t) throws(ImportProblem) in try otherID("atasan_id", t) }
        let penilai = try r["pejabat_penilai_id"].map { (t) throws(ImportProblem) in try otherID("pejabat_penilai_id", t) }
        var tim: [PersonID] = []
        for t in r.list("tim_kinerja") { tim.append(try otherID("tim_kinerja", t)) }
        if tim.contains(id) || atasan == id || penilai == id {
            throw r.problem(
                id: "seseorang tidak dapat menjadi atasan, Tim Kinerja atau Pejabat Penilai bagi dirinya sendiri",
                en: "a person cannot be their own atasan, Tim Kinerja or Pejabat Penilai")
        }
        var binaan: [NPSN] = []
        for t in r.list("sekolah_binaan") {
            guard let n = NPSN(t) else {
                throw r.problem(id: "sekolah_binaan '\(t)' bukan NPSN (8 angka)", en: "sekolah_binaan '\(t)' is not an NPSN (8 digits)")
            }
            binaan.append(n)
        }
        if !binaan.isEmpty && role != .pengawasSekolah {
            throw r.problem(id: "sekolah_binaan hanya untuk pengawas_sekolah", en: "sekolah_binaan is for a pengawas_sekolah only")
        }
        let (email, telepon) = try r.contact()
        let person = Person(
            id: id, nama: nama, kepegawaian: kepegawaian ?? (idText.filter(\.isNumber).count == 18 && id.rawValue.count == 18 ? .pns : .nonAsn),
            email: email, telepon: telepon)
        // A school's name, kecamatan and jenjang come with its principal's row.
        let principal = role == .kepalaSekolah
        let position = Position(
            key: PositionKey(personID: id, role: role, npsn: npsn), jabatan: jabatan,
            namaSekolah: principal ? r["nama_sekolah"] : nil, atasanID: atasan, timKinerja: tim,
            pejabatPenilaiID: penilai, sekolahBinaan: binaan, kecamatan: principal ? r["kecamatan"] : nil,
            jenjang: principal ? r["jenjang"] : nil)
        return RosterLine(line: r.line, person: person, position: position)
    }
}
