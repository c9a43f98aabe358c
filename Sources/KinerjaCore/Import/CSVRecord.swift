import Foundation

/// One CSV row read through its header: fields by column name, trimmed, empty as nil.
/// The header's positions are looked up once per file (`columns`), not once per row: a
/// country's progress file has hundreds of thousands of rows. A format has a dozen columns
/// at most, so a name is found by comparing it with each (short strings compare as two
/// words), not by hashing it.
struct CSVRecord {
    let line: Int
    private let fields: [String]
    private let columns: [(name: String, index: Int)]

    init(row: CSVTable.Row, columns: [(name: String, index: Int)]) {
        line = row.line
        fields = row.fields
        self.columns = columns
    }

    /// Each column's position in a header (the first, for a name given twice).
    static func columns(of header: [String]) -> [(name: String, index: Int)] {
        var columns: [(name: String, index: Int)] = []
        for (index, name) in header.enumerated() where !columns.contains(where: { $0.name == name }) { columns.append((name, index)) }
        return columns
    }

    subscript(_ column: String) -> String? {
        guard let index = columns.first(where: { $0.name == column })?.index, index < fields.count else { return nil }
        let value = fields[index].trimmedOfWhitespace()
        return value.isEmpty ? nil : value
    }

    /// `a|b|c` as a list, ignoring empty parts.
    func list(_ column: String) -> [String] {
        (self[column] ?? "").split(separator: "|").map { $0.trimmedOfWhitespace() }.filter { !$0.isEmpty }
    }

    func problem(id indonesian: String, en english: String) -> ImportProblem {
        ImportProblem(line: line, id: indonesian, en: english)
    }

    /// A refusal of the row's content, in a column (`atasan_id: …`) or of the row as a whole.
    func problem(_ refusal: some Refusal, column: String? = nil) -> ImportProblem {
        let prefix = column.map { "\($0): " } ?? ""
        return problem(id: prefix + refusal.message(in: .indonesian), en: prefix + refusal.message(in: .english))
    }

    /// Reads `table` with the given columns: every good row through `row`, every bad one
    /// (or one its reader refused) as a problem with its line; a bad header, or more than
    /// `maxRows` rows, is the only problem.
    static func parse<Line>(
        _ table: CSVTable, columns: [String], required: [String], maxRows: Int = CSVTable.maxRows,
        row: (CSVRecord) throws(ImportProblem) -> Line
    ) -> (lines: [Line], problems: [ImportProblem]) {
        do {
            try CSVTable.checkRows(table.rowBound, maxRows: maxRows)
            try checkHeader(table.header, known: columns, required: required)
        } catch {
            return ([], [error])
        }
        var lines: [Line] = []
        var problems: [ImportProblem] = []
        let columns = CSVRecord.columns(of: table.header)
        do throws(ImportProblem) {
            try table.forEachRow { r throws(ImportProblem) in
                if let refusal = r.refusal {
                    problems.append(refusal)
                    return
                }
                do throws(ImportProblem) {
                    try checkFields(r, header: table.header)
                    lines.append(try row(CSVRecord(row: r, columns: columns)))
                } catch {
                    problems.append(error)
                }
            }
        } catch {
            // A quote never closed: the file is no table.
            return ([], [error])
        }
        return (lines, problems)
    }

    /// The longest value of a column, in characters: a name or a single value 200; the lists
    /// (`a|b|c`) and a note more.
    static let maxCharacters: [String: Int] = ["catatan": 2000, "tim_kinerja": 1000, "sekolah_binaan": 4000]
    static let defaultMaxCharacters = 200
    /// Columns whose text may hold line breaks and tabs: a note.
    static let multiline: Set<String> = ["catatan"]

    /// Refuses a field that holds a control character (a NUL would cut a name short in C
    /// code, an escape sequence or a line break would reach an administrator's terminal and
    /// the journal raw) or that is longer than its column allows.
    static func checkFields(_ row: CSVTable.Row, header: [String]) throws(ImportProblem) {
        for (index, name) in header.enumerated() where index < row.fields.count {
            let field = row.fields[index]
            // Control characters are C0 and DEL (single bytes) and C1 (0xC2 0x80–0x9F):
            // only a field holding one of those bytes is read character by character.
            let allowsBreaks = multiline.contains(name)
            let suspect = field.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
            for scalar in suspect ? Array(field.unicodeScalars) : [] where scalar.properties.generalCategory == .control {
                if allowsBreaks && (scalar == "\n" || scalar == "\t") { continue }
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                throw ImportProblem(
                    line: row.line,
                    id: "kolom \(name) berisi karakter kendali \(code) yang tidak tercetak; hapus dari berkas",
                    en: "the column \(name) holds the control character \(code), which cannot be printed; remove it from the file")
            }
            let limit = maxCharacters[name] ?? defaultMaxCharacters
            if field.utf8.count > limit, field.count > limit {
                throw ImportProblem(
                    line: row.line,
                    id: "kolom \(name) berisi \(field.count) karakter; paling banyak \(limit)",
                    en: "the column \(name) has \(field.count) characters; at most \(limit)")
            }
        }
    }

    /// Reads `text` as a CSV through `parse`; a text that is no table (empty, a quote never
    /// closed, too many rows) is the only problem.
    static func parse<Line>(
        _ text: String, through parse: (CSVTable) -> (lines: [Line], problems: [ImportProblem])
    ) -> (lines: [Line], problems: [ImportProblem]) {
        do { return parse(try CSVTable(parsing: text)) } catch { return ([], [error]) }
    }

    /// Checks the header against the columns a format knows, so that a typo in a column
    /// name is reported instead of silently dropping that column's data.
    static func checkHeader(_ header: [String], known: [String], required: [String]) throws(ImportProblem) {
        for name in header where !known.contains(name) {
            throw ImportProblem(
                line: 1, id: "kolom '\(name)' tidak dikenal; kolom yang ada: \(known.joined(separator: ", "))",
                en: "unknown column '\(name)'; the columns are: \(known.joined(separator: ", "))")
        }
        for name in required where !header.contains(name) {
            throw ImportProblem(
                line: 1, id: "kolom '\(name)' tidak ada; kolom wajib: \(required.joined(separator: ", "))",
                en: "the column '\(name)' is missing; required: \(required.joined(separator: ", "))")
        }
    }
}
