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
    /// (or one its reader refused) as a problem with its line; a bad header is the only problem.
    static func parse<Line>(
        _ table: CSVTable, columns: [String], required: [String], row: (CSVRecord) throws(ImportProblem) -> Line
    ) -> (lines: [Line], problems: [ImportProblem]) {
        do {
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
                do throws(ImportProblem) { lines.append(try row(CSVRecord(row: r, columns: columns))) } catch { problems.append(error) }
            }
        } catch {
            // A quote never closed: the file is no table.
            return ([], [error])
        }
        return (lines, problems)
    }

    /// Reads `text` as a CSV through `parse`; a text that is no table (empty, a quote never
    /// closed) is the only problem.
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
