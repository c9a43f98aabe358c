import Foundation

/// Which cell styles show a number as a date (`xl/styles.xml`). A date in a workbook is a
/// number (days since the epoch) with a date format; nothing else marks it. A cell's `s` is
/// an index into `cellXfs`, whose `numFmtId` is a built-in format or one of `numFmts`.
struct DateStyles {
    /// Indices into `cellXfs` whose number format is a date.
    let dateStyles: Set<Int>

    init(dateStyles: Set<Int> = []) { self.dateStyles = dateStyles }

    init(_ data: Data, part: String) throws(WorkbookError) {
        let handler = Handler()
        try XMLPartReader.read(data, part: part, into: handler)
        var dates = Set<Int>()
        for (index, format) in handler.cellFormats.enumerated()
        where DateStyles.isDate(format: format, code: handler.codes[format]) {
            dates.insert(index)
        }
        dateStyles = dates
    }

    func isDate(style: Int) -> Bool { dateStyles.contains(style) }

    /// Built-in formats that are dates (ECMA-376 Part 1, numFmt): 14 to 17 and 22 in every
    /// locale; 27 to 31, 36 and 50 to 58 are the East Asian locales' dates. The times (18 to
    /// 21, 45 to 47) are not: a time of day is not a date.
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...31) + [36] + Array(50...58))

    /// Whether a format shows a date: a built-in date, or a code with a day or year in it
    /// (`yyyy\-mm\-dd`, `[$-421]dd mmmm yyyy`, `DD/MM/YYYY`) once quoted text, escaped
    /// characters and bracketed parts (locale, colour, elapsed time) are left out. `m`
    /// alone is not enough: it is also the minutes of `h:mm`.
    static func isDate(format: Int, code: String?) -> Bool {
        guard let code else { return builtInDates.contains(format) }
        var quoted = false, bracketed = false, escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            default:
                if !quoted && !bracketed && "dDyY".contains(character) { return true }
            }
        }
        return false
    }

    private final class Handler: XMLPartHandler {
        /// Custom format codes by id.
        var codes: [Int: String] = [:]
        /// The `numFmtId` of each `cellXfs` entry, in order.
        var cellFormats: [Int] = []
        private var inCellFormats = false

        func start(_ name: String, attributes: [String: String]) throws(WorkbookError) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { codes[id] = code }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }

        func end(_ name: String) throws(WorkbookError) {
            if name == "cellXfs" { inCellFormats = false }
        }
    }
}
