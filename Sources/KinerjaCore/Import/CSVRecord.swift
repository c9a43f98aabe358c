import Foundation

/// One CSV row read through its header: fields by column name, trimmed, empty as nil.
struct CSVRecord {
    let line: Int
    private let values: [String: String]

    init(row: CSVTable.Row, header: [String]) {
        line = row.line
        var values: [String: String] = [:]
        for (index, name) in header.enumerated() where index < row.fields.count {
            let value = row.fields[index].trimmedOfWhitespace()
            if !value.isEmpty { values[name] = value }
        }
        self.values = values
    }

    subscript(_ column: String) -> String? { values[column] }

    /// `a|b|c` as a list, ignoring empty parts.
    func list(_ column: String) -> [String] {
        (values[column] ?? "").split(separator: "|").map { $0.trimmedOfWhitespace() }.filter { !$0.isEmpty }
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
        for r in table.rows {
            if let refusal = r.refusal {
                problems.append(refusal)
                continue
            }
            do { lines.append(try row(CSVRecord(row: r, header: table.header))) } catch { problems.append(error) }
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
