/// A list as CSV (RFC 4180): UTF-8 with a byte-order mark, so that a spreadsheet opens the
/// names' accents right; comma-separated, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break.
enum CSVWriter {
    static func csv(_ table: ListTable) -> String {
        var text = "\u{FEFF}"
        text += table.columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            text += row.map { field($0.plain) }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// A field as written: quoted when needed, and text that a spreadsheet would take for a
    /// formula (`=`, `+`, `@` first) behind an apostrophe, so that a note from an imported
    /// roster cannot run as one in the office's spreadsheet.
    static func field(_ value: String) -> String {
        let value = value.first.map { "=+@".contains($0) } == true ? "'" + value : value
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
