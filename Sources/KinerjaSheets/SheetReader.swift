import Foundation
import KinerjaCore

/// Reads a worksheet part (`<sheetData>`) into rows of text as the spreadsheet shows them,
/// for the same parsers as a CSV: each row keeps its row number (`<row r="7">`), each cell
/// goes to its column (`<c r="C7">`; empty cells are left out of the XML, so the columns
/// between are empty), and a typed cell becomes the text an office typed:
///
/// - text: shared (`t="s"`, an index into the shared strings), inline (`t="inlineStr"`) or a
///   formula's text (`t="str"`), rich text runs read as one text;
/// - a number (`t="n"` or no `t`): as written, without a `.0` (an NPSN of 8 digits is exact
///   in a number cell); more than 15 digits are refused (`CellRefusal.lostDigits`);
/// - a date: a number with a date style, or `t="d"` (ISO 8601), becomes `YYYY-MM-DD`;
/// - a boolean (`t="b"`): `TRUE` or `FALSE`; an error (`t="e"`) refuses the row;
/// - a formula: its cached value (`<v>`), as the spreadsheet last calculated it.
///
/// Once the header (the first row with text) is read, only its columns are kept: the
/// parsers read no others, and a stray cell far to the right must not widen every row.
final class SheetReader: XMLPartHandler {
    private let part: String
    private let strings: [String]
    private let styles: DateStyles
    private let dates: SerialDate
    private let limits: WorkbookLimits

    private(set) var rows: [CSVTable.Row] = []
    /// The header's names, by column, once read.
    private var header: [String]?
    private var cellCount = 0

    // The row being read.
    private var rowNumber = 0
    private var cells: [(column: Int, value: CellValue)] = []
    private var lastColumn = -1

    // The cell being read.
    private var column = 0
    private var type = "n"
    private var style = 0
    private var value = ""
    private var hasFormula = false
    private var inValue = false
    private var inInlineString = false
    private var inlineText = RichText()

    init(part: String, strings: [String], styles: DateStyles, dates: SerialDate, limits: WorkbookLimits) {
        self.part = part
        self.strings = strings
        self.styles = styles
        self.dates = dates
        self.limits = limits
    }

    /// A cell as read: its text, or why its row is refused.
    enum CellValue {
        case text(String)
        case refused(CellRefusal)
    }

    func start(_ name: String, attributes: [String: String]) throws(WorkbookError) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            guard number > rowNumber else { throw .damaged(part, "row \(number) after row \(rowNumber)") }
            guard number <= limits.rows else {
                throw .tooLarge(id: "lebih dari \(limits.rows) baris", en: "more than \(limits.rows) rows")
            }
            rowNumber = number
            cells.removeAll(keepingCapacity: true)
            lastColumn = -1
        case "c":
            column = attributes["r"].flatMap(CellReference.init)?.column ?? lastColumn + 1
            guard column < limits.columns else {
                throw .tooLarge(id: "lebih dari \(limits.columns) kolom", en: "more than \(limits.columns) columns")
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            hasFormula = false
            inlineText = RichText()
        case "v":
            inValue = true
        case "f":
            hasFormula = true
        case "is":
            inInlineString = true
        default:
            if inInlineString { inlineText.start(name) }
        }
    }

    func characters(_ text: String) {
        if inValue {
            value += text
        } else if inInlineString {
            inlineText.characters(text)
        }
    }

    func end(_ name: String) throws(WorkbookError) {
        switch name {
        case "v":
            inValue = false
        case "is":
            inInlineString = false
        case "c":
            cells.append((column, try cellValue()))
            lastColumn = column
        case "row":
            try finishRow()
        default:
            if inInlineString { inlineText.end(name) }
        }
    }

    private func cellValue() throws(WorkbookError) -> CellValue {
        if type == "inlineStr" { return .text(inlineText.take()) }
        // A formula's value is its `<v>`; a script that cannot calculate writes none, or an
        // empty one (openpyxl). Only a text result (`t="str"`) may be empty.
        if hasFormula && value.isEmpty && type != "str" { return .refused(.formulaWithoutValue) }
        switch type {
        case "s":
            guard !value.isEmpty else { return .text("") }
            guard let index = Int(value), strings.indices.contains(index) else {
                throw .damaged(part, "shared string \(value)")
            }
            return .text(strings[index])
        case "str":
            return .text(value)
        case "b":
            return .text(XMLBoolean.isTrue(value) ? "TRUE" : "FALSE")
        case "e":
            return .refused(.formulaError(value))
        case "d":
            // ISO 8601, `2026-07-06` or `2026-07-06T00:00:00`: the day.
            return .text(LocalDate(value.prefix(10)).map(\.description) ?? value)
        default:
            return number(value)
        }
    }

    private func number(_ text: String) -> CellValue {
        guard let number = Double(text) else { return .text(text) }
        if styles.isDate(style: style), let day = dates.day(number) { return .text(day.description) }
        if abs(number) >= 1e15 { return .refused(.lostDigits) }
        if number == number.rounded(.towardZero) { return .text(String(Int64(number))) }
        return .text(text)
    }

    private func finishRow() throws(WorkbookError) {
        guard let header else {
            // Before the header: the first row with text is it, as wide as its last named column.
            let named = cells.filter { if case .text(let t) = $0.value { !t.trimmedOfWhitespace().isEmpty } else { false } }
            guard let width = named.map({ $0.column + 1 }).max() else { return }
            var names = Array(repeating: "", count: width)
            for (column, value) in named { if case .text(let text) = value { names[column] = text } }
            try count(width)
            self.header = names.map { $0.trimmedOfWhitespace().lowercased() }
            rows.append(CSVTable.Row(line: rowNumber, fields: names))
            return
        }
        var fields = Array(repeating: "", count: header.count)
        var refusal: ImportProblem?
        for (column, value) in cells where column < header.count {
            switch value {
            case .text(let text):
                fields[column] = text
            case .refused(let reason):
                if refusal == nil {
                    let name = header[column]
                    refusal = reason.problem(at: CellReference(column: column, row: rowNumber), column: name.isEmpty ? nil : name)
                }
            }
        }
        // A row of empty cells (formatted, never typed in) is no row, as a blank line is not.
        if refusal == nil && fields.allSatisfy(\.isEmpty) { return }
        try count(fields.count)
        rows.append(CSVTable.Row(line: rowNumber, fields: fields, refusal: refusal))
    }

    private func count(_ width: Int) throws(WorkbookError) {
        cellCount += width
        guard cellCount <= limits.cells else {
            throw .tooLarge(id: "lebih dari \(limits.cells) sel", en: "more than \(limits.cells) cells")
        }
    }
}
