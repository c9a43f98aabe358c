import Foundation

/// The rows of an import file, as the roster and progress parsers read them: a CSV file as
/// spreadsheets in an Indonesian office save it (UTF-8 with or without a BOM, LF or CRLF,
/// comma, semicolon (Indonesian locale) or tab, RFC 4180 quoting), or a workbook's sheet
/// (KinerjaSheets). Rows keep the line number they start on, because every error names its line.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number of the row's first line in the file (a sheet's row number).
        public let line: Int
        public let fields: [String]
        /// Why the reader already refuses the row: a workbook cell whose value cannot be
        /// trusted (a NIP stored as a number, a formula's error). Reported instead of the
        /// parsers' checks, since the fields do not hold what the office typed.
        public let refusal: ImportProblem?

        public init(line: Int, fields: [String], refusal: ImportProblem? = nil) {
            self.line = line
            self.fields = fields
            self.refusal = refusal
        }

        var isBlank: Bool { refusal == nil && fields.allSatisfy { $0.trimmedOfWhitespace().isEmpty } }
    }

    /// Header names, lower-cased and trimmed.
    public let header: [String]
    /// The CSV's delimiter; nil for a workbook's sheet.
    public let delimiter: Character?
    /// Where the rows after the header come from: a CSV's rows are read as they are
    /// asked for (`forEachRow`), so that a country's roster is never held as a table of
    /// strings beside the lines parsed from it.
    private let source: Source

    /// At least the rows after the header: a sheet's count, a CSV's line feeds after the
    /// header's (a quoted field or a blank line may hold one too: an upper bound, known
    /// before any row is made).
    let rowBound: Int

    private enum Source: Sendable {
        case rows([Row])
        case text(CSVRecordReader)
    }

    /// Parses `text`'s header; throws when there is no header row, a quote is never closed
    /// before it (one never closed later is thrown by `forEachRow`), or the text has more
    /// lines than an import takes (counted before any row is made).
    public init(parsing text: String) throws(ImportProblem) {
        rowBound = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        try CSVTable.checkRows(rowBound, maxRows: CSVTable.maxRows)
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = CSVTable.detectDelimiter(body.utf8)
        var reader = CSVRecordReader(text: body.utf8, delimiter: separator)
        while let row = try reader.next() {
            guard row.isBlank else {
                header = row.fields.map { $0.trimmedOfWhitespace().lowercased() }
                delimiter = Character(Unicode.Scalar(separator))
                source = .text(reader)
                return
            }
        }
        throw CSVTable.empty
    }

    /// The table of rows read elsewhere (a workbook's sheet): the first row that is not
    /// blank is the header, as in a CSV. Throws when there is none.
    public init(rows records: [Row], delimiter: Character? = nil) throws(ImportProblem) {
        // Blank lines (a trailing newline, an empty spreadsheet row) are not rows.
        let records = records.filter { !$0.isBlank }
        guard let first = records.first else { throw CSVTable.empty }
        self.delimiter = delimiter
        header = first.fields.map { $0.trimmedOfWhitespace().lowercased() }
        source = .rows(Array(records.dropFirst()))
        rowBound = records.count - 1
    }

    private static let empty = ImportProblem(
        line: 1, id: "berkas kosong: baris judul kolom (header) wajib ada", en: "the file is empty: a header row is required")

    /// Calls `body` with each row after the header that is not blank, in order; throws when
    /// a quote is never closed.
    public func forEachRow(_ body: (Row) throws(ImportProblem) -> Void) throws(ImportProblem) {
        switch source {
        case .rows(let rows):
            for row in rows { try body(row) }
        case .text(var reader):
            while let row = try reader.next() {
                if !row.isBlank { try body(row) }
            }
        }
    }

    /// Every row after the header that is not blank.
    public var rows: [Row] {
        get throws(ImportProblem) {
            var rows: [Row] = []
            try forEachRow { rows.append($0) }
            return rows
        }
    }

    /// The rows one import may hold: a country's roster (250,000 positions) and progress
    /// (~300,000 rows) fit; a larger CSV is refused before it is read into rows, which would
    /// hold gigabytes (a 1,000,000-row file took 1.2 GiB and kept 820 MiB).
    public static let maxRows = 500_000

    /// Refuses more than `maxRows` rows (for a CSV: its line feeds after the header's, which
    /// a quoted field may hold too, an upper bound).
    static func checkRows(_ rows: Int, maxRows: Int) throws(ImportProblem) {
        guard rows > maxRows else { return }
        throw ImportProblem(
            line: maxRows + 2,
            id: "berkas lebih dari \(maxRows) baris; pecah menjadi beberapa berkas dan impor satu per satu",
            en: "the file has more than \(maxRows) rows; split it into several files and import them one by one")
    }

    // The file is read byte by byte: delimiters, quotes and line ends are ASCII, and UTF-8
    // never uses an ASCII byte inside another character. Through Characters (grapheme
    // clusters), reading a country's progress file took 27 s.
    static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The delimiter that occurs most in the first line, outside quotes (a comma on a tie).
    static func detectDelimiter(_ text: Substring.UTF8View) -> UInt8 {
        var counts = [0, 0, 0]
        var quoted = false
        for byte in text {
            if byte == quote { quoted.toggle() }
            if !quoted && (byte == lineFeed || byte == carriageReturn) { break }
            if !quoted, let index = delimiters.firstIndex(of: byte) { counts[index] += 1 }
        }
        return delimiters[counts.indices.max { counts[$0] < counts[$1] } ?? 0]
    }
}

/// A CSV's records one at a time, as RFC 4180 and the offices' spreadsheets write them.
struct CSVRecordReader: Sendable {
    let text: Substring.UTF8View
    let delimiter: UInt8
    private var index: Substring.UTF8View.Index
    private var line = 1

    init(text: Substring.UTF8View, delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
        index = text.startIndex
    }

    /// The next record (blank ones too), or nil at the end; throws when a quote is never closed.
    mutating func next() throws(ImportProblem) -> CSVTable.Row? {
        let quote = CSVTable.quote, lineFeed = CSVTable.lineFeed, carriageReturn = CSVTable.carriageReturn
        guard index < text.endIndex else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        let rowLine = line
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < text.endIndex {
            let byte = text[index]
            index = text.index(after: index)
            // "\r\n" is one line end, as "\n" and "\r" alone are.
            let isNewline = byte == lineFeed || byte == carriageReturn
            if byte == carriageReturn, index < text.endIndex, text[index] == lineFeed { index = text.index(after: index) }
            if quoted {
                if byte == quote {
                    if index < text.endIndex, text[index] == quote {
                        field.append(quote)
                        index = text.index(after: index)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else if isNewline {
                    line += 1
                    field.append(lineFeed)
                } else {
                    field.append(byte)
                }
                continue
            }
            if byte == quote && !afterQuote && String(decoding: field, as: UTF8.self).trimmedOfWhitespace().isEmpty {
                quoted = true
                field.removeAll(keepingCapacity: true)
            } else if byte == delimiter {
                endField()
                afterQuote = false
            } else if isNewline {
                endField()
                line += 1
                return CSVTable.Row(line: rowLine, fields: fields)
            } else if !afterQuote {
                field.append(byte)
            }
        }
        if quoted {
            throw ImportProblem(
                line: rowLine, id: "ada kolom bertanda kutip yang tidak ditutup (kurang \")",
                en: "a quoted field is never closed (missing \")")
        }
        guard !field.isEmpty || !fields.isEmpty else { return nil }
        endField()
        return CSVTable.Row(line: rowLine, fields: fields)
    }
}
