/// Reads a progress CSV (DESIGN.md, "CSV formats"). Rows are only parsed here; they are
/// applied in file order through the same state machine as single commands, and their
/// words (`status`, `langkah`, the cause of `terblokir`) are read by `ActionWords`, as a
/// `Transition` call's are. A `terblokir` row's `catatan` is its cause, and after a colon
/// its note (`rhk-atasan`, `lainnya: menunggu SK`); an unknown cause is refused.
public enum ProgressParser {
    /// The columns; the choice columns after `catatan` are optional (DESIGN.md, "CSV and
    /// spreadsheet formats"): what was chosen or rated at a step, as `plan complete` takes it,
    /// lists separated by `|`.
    public static let columns = ["id", "npsn", "siklus", "langkah", "status", "tanggal", "catatan"] + ChoiceColumns.names
    public static let requiredColumns = ["id", "siklus", "status", "tanggal"]

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
        let note = r["catatan"]
        let verb = r["status"]?.lowercased() ?? ""
        var details = try ChoiceColumns.details(of: r)
        details.catatan = note
        if verb != "selesai" && verb != "disetujui", let column = ChoiceColumns.names.first(where: { r[$0] != nil }) {
            throw r.problem(
                id: "kolom \(column) hanya untuk status selesai atau disetujui, bukan \(verb)",
                en: "column \(column) goes with status selesai or disetujui only, not \(verb)")
        }
        let action: PlanAction
        do {
            let step = try r["langkah"].map { text throws(ActionProblem) in try ActionWords.step(text) }
            if verb == "terblokir" {
                // The cause, and after a colon the note: `rhk-atasan` or `lainnya: menunggu SK`.
                let parts = note?.split(separator: ":", maxSplits: 1).map { $0.trimmedOfWhitespace() }
                let blockNote = parts.flatMap { $0.count > 1 && !$0[1].isEmpty ? $0[1] : nil }
                action = try ActionWords.action(verb: verb, step: step, cause: parts?.first, note: blockNote)
            } else {
                action = try ActionWords.action(verb: verb, step: step, cause: nil, note: note, details: details)
            }
        } catch {
            throw r.problem(error)
        }
        return ProgressLine(line: r.line, personID: id, npsn: npsn, cycle: cycle, action: action, date: date)
    }
}
