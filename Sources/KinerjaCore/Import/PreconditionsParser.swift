/// Reads a stages 1–2 file (`kinerjactl prasyarat impor`): one row per person and stage
/// done, so an office records a whole district from the listing SIM Tendik or its own
/// spreadsheet gives. Columns: `id` (the NIP or other person id), `tahap`
/// (`pemutakhiran-data` or `plotting-tim-kinerja`, or 1 / 2), optional `tanggal` (the day it
/// was done; the import's date when empty), `nomor_sk` and `tanggal_sk` (the decree),
/// `siklus` (`YYYY-1` or `YYYY-2`; the current cycle when empty).
public enum PreconditionsParser {
    public static let columns = ["id", "tahap", "tanggal", "nomor_sk", "tanggal_sk", "siklus"]
    public static let requiredColumns = ["id", "tahap"]

    /// The good rows of a table and a problem for every bad one; a row without `tanggal`
    /// is done on `defaultDate`, one without `siklus` in `defaultCycle`.
    public static func parse(
        _ table: CSVTable, defaultCycle: CycleID, defaultDate: LocalDate
    ) -> (lines: [PreconditionLine], problems: [ImportProblem]) {
        var seen: [String: Int] = [:]
        return CSVRecord.parse(table, columns: columns, required: requiredColumns) { (r: CSVRecord) throws(ImportProblem) -> PreconditionLine in
            guard let idText = r["id"] else { throw r.problem(id: "id kosong", en: "id is empty") }
            let id: PersonID
            do throws(PersonIDError) { id = try PersonID(validating: idText) } catch { throw r.problem(error) }
            guard let stageText = r["tahap"], let stage = Precondition(words: stageText) else {
                throw r.problem(
                    id: "tahap '\(r["tahap"] ?? "")' tidak dikenal; gunakan pemutakhiran-data (1) atau plotting-tim-kinerja (2)",
                    en: "stage '\(r["tahap"] ?? "")' is unknown; use pemutakhiran-data (1) or plotting-tim-kinerja (2)")
            }
            var cycle = defaultCycle
            if let text = r["siklus"] {
                guard let named = CycleID(text) else {
                    throw r.problem(
                        id: "siklus '\(text)' tidak dikenal; tulis YYYY-1 atau YYYY-2", en: "cycle '\(text)' is unknown; write YYYY-1 or YYYY-2")
                }
                cycle = named
            }
            if let line = seen["\(id)|\(stage.rawValue)|\(cycle)"] {
                throw r.problem(id: "\(id) \(stage.rawValue) sudah ada di baris \(line)", en: "\(id) \(stage.rawValue) is already on line \(line)")
            }
            func date(_ column: String) throws(ImportProblem) -> LocalDate? {
                guard let text = r[column] else { return nil }
                guard let day = LocalDate(text) else {
                    throw r.problem(id: "\(column) '\(text)' bukan tanggal YYYY-MM-DD", en: "\(column) '\(text)' is not a date YYYY-MM-DD")
                }
                return day
            }
            let done = try date("tanggal") ?? defaultDate
            let decreeDate = try date("tanggal_sk")
            seen["\(id)|\(stage.rawValue)|\(cycle)"] = r.line
            return PreconditionLine(line: r.line, record: PreconditionRecord(
                person: id, cycle: cycle, precondition: stage, doneOn: done, decreeNumber: r["nomor_sk"], decreeDate: decreeDate))
        }
    }
}

/// One good row of a stages 1–2 file.
public struct PreconditionLine: Hashable, Sendable {
    public let line: Int
    public let record: PreconditionRecord
}

extension Precondition {
    /// A stage as an administrator writes it: its id, or its number (1, 2).
    public init?(words text: String) {
        let word = text.trimmedOfWhitespace().lowercased()
        if let known = Precondition(rawValue: word) { self = known; return }
        guard let found = Precondition.allCases.first(where: { "\($0.stage)" == word }) else { return nil }
        self = found
    }
}
