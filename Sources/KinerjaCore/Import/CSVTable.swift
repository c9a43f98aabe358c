import Foundation

/// A CSV file as spreadsheets in an Indonesian office save it: UTF-8 with or without a
/// BOM, LF or CRLF, comma, semicolon (Indonesian locale) or tab, RFC 4180 quoting.
/// Rows keep the line number they start on, because every error names its line.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number of the row's first line in the file.
        public let line: Int
        public let fields: [String]
    }

    /// Header names, lower-cased and trimmed.
    public let header: [String]
    public let rows: [Row]
    public let delimiter: Character

    /// Parses `text`; throws when there is no header row or a quote is never closed.
    public init(parsing text: String) throws(ImportProblem) {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let delimiter = CSVTable.detectDelimiter(body)
        var records = try CSVTable.records(body, delimiter: delimiter)
        // Blank lines (a trailing newline, an empty spreadsheet row) are not rows.
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = records.first else {
            throw ImportProblem(
                line: 1, id: "berkas kosong: baris judul kolom (header) wajib ada", en: "the file is empty: a header row is required")
        }
        self.delimiter = delimiter
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
    }

    /// The delimiter that occurs most in the first line, outside quotes.
    static func detectDelimiter(_ text: Substring) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle() }
            if !quoted && (ch == "\n" || ch == "\r\n" || ch == "\r") { break }
            if !quoted, counts[ch] != nil { counts[ch]! += 1 }
        }
        return [",", ";", "\t"].max { counts[$0]! < counts[$1]! } ?? ","
    }

    static func records(_ text: Substring, delimiter: Character) throws(ImportProblem) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var rowLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            // Swift treats "\r\n" as one Character.
            let isNewline = ch == "\n" || ch == "\r\n" || ch == "\r"
            if quoted {
                if ch == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if isNewline { line += 1; field.append("\n") } else { field.append(ch) }
                }
                continue
            }
            if ch == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty && !afterQuote {
                quoted = true
                field = ""
            } else if ch == delimiter {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if isNewline {
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = ""
                afterQuote = false
                line += 1
                rowLine = line
            } else if !afterQuote {
                field.append(ch)
            }
        }
        if quoted {
            throw ImportProblem(
                line: rowLine, id: "ada kolom bertanda kutip yang tidak ditutup (kurang \")",
                en: "a quoted field is never closed (missing \")")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
