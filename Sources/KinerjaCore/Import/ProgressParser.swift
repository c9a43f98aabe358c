/// Reads a progress CSV (DESIGN.md, "CSV formats"). Rows are only parsed here; they are
/// applied in file order through the same state machine as single commands.
public enum ProgressParser {
    /// The columns; the choice columns after `catatan` are optional (DESIGN.md, "CSV and
    /// spreadsheet formats"): what was chosen or rated at a step, as `plan complete` takes it,
    /// lists separated by `|`.
    public static let columns = ["id", "npsn", "siklus", "langkah", "status", "tanggal", "catatan"] + ChoiceColumns.names
    public static let requiredColumns = ["id", "siklus", "status", "tanggal"]
    /// The status words of the file and what they do.
    public static let statuses = ["selesai", "disetujui", "dikembalikan", "mulai", "terblokir", "dibuka"]

    public static func parse(_ text: String) -> (lines: [ProgressLine], problems: [ImportProblem]) {
        CSVRecord.parse(text, through: parse)
    }

    /// The good rows of a table (a CSV's, a workbook sheet's) and a problem for every bad one.
    public static func parse(_ table: CSVTable) -> (lines: [ProgressLine], problems: [ImportProblem]) {
        CSVRecord.parse(table, columns: columns, required: requiredColumns, row: parseRow)
    }

    static func parseRow(_ r: CSVRecord) throws(ImportProblem) -> ProgressLine {
        guard let idText = r["id"] else { throw r.problem(id: "id kosong", en: "id is empty") }
        let id: PersonID
        do { id = try PersonID(validating: idText, kepegawaian: .nonAsn) } catch { throw r.problem(error) }
        var npsn: NPSN? = nil
        if let text = r["npsn"] {
            guard let n = NPSN(text) else {
                throw r.problem(id: "npsn '\(text)' bukan NPSN (8 angka)", en: "npsn '\(text)' is not an NPSN (8 digits)")
            }
            npsn = n
        }
        guard let cycleText = r["siklus"], let cycle = CycleID(cycleText) else {
            let text = r["siklus"] ?? ""
            throw r.problem(
                id: "siklus '\(text)' bukan siklus; tulis YYYY-1 (Januari–Juni) atau YYYY-2 (Juli–Desember)",
                en: "siklus '\(text)' is not a cycle; use YYYY-1 (January–June) or YYYY-2 (July–December)")
        }
        guard let dateText = r["tanggal"], let date = LocalDate(dateText) else {
            let text = r["tanggal"] ?? ""
            throw r.problem(id: "tanggal '\(text)' bukan tanggal YYYY-MM-DD", en: "tanggal '\(text)' is not a date YYYY-MM-DD")
        }
        guard let status = r["status"]?.lowercased(), statuses.contains(status) else {
            let text = r["status"] ?? ""
            throw r.problem(
                id: "status '\(text)' tidak dikenal; gunakan \(statuses.joined(separator: ", "))",
                en: "status '\(text)' is unknown; use \(statuses.joined(separator: ", "))")
        }
        let note = r["catatan"]
        func step() throws(ImportProblem) -> Step {
            guard let text = r["langkah"] else {
                throw r.problem(
                    id: "langkah kosong; status \(status) memerlukan langkah", en: "langkah is empty; status \(status) needs a step")
            }
            guard let s = Step(rawValue: text.lowercased()) else {
                let steps = Step.allCases.map(\.rawValue).joined(separator: ", ")
                throw r.problem(
                    id: "langkah '\(text)' tidak dikenal; langkah yang ada: \(steps)", en: "langkah '\(text)' is unknown; steps: \(steps)")
            }
            return s
        }
        if status != "selesai" && status != "disetujui", let column = ChoiceColumns.names.first(where: { r[$0] != nil }) {
            throw r.problem(
                id: "kolom \(column) hanya untuk status selesai atau disetujui, bukan \(status)",
                en: "column \(column) goes with status selesai or disetujui only, not \(status)")
        }
        let action: PlanAction
        switch status {
        case "selesai", "disetujui":
            var details = try ChoiceColumns.details(of: r)
            details.catatan = note
            action = .complete(try step(), details)
        case "dikembalikan":
            guard let reason = note else {
                throw r.problem(
                    id: "dikembalikan memerlukan alasan di kolom catatan", en: "dikembalikan needs the reason in catatan")
            }
            action = .returnForRevision(try step(), reason: reason)
        case "mulai":
            action = .start(try step())
        case "terblokir":
            let cause = note.flatMap { BlockCause(rawValue: $0.lowercased()) } ?? .lainnya
            action = .block(cause, note: cause == .lainnya ? note : nil)
        default:
            action = .unblock
        }
        return ProgressLine(line: r.line, personID: id, npsn: npsn, cycle: cycle, action: action, date: date)
    }
}
