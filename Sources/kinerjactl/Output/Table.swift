/// A plain-text table for people: a header (unless `--no-legend`), columns padded to
/// their widest cell. Results go to stdout; a script wanting structure uses `--json`.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, its cells' control characters escaped (a name cannot break a row).
    func render(legend: Bool) -> TerminalText {
        let all = (legend ? [header] + rows : rows).map { $0.map(TerminalText.escaped) }
        guard !all.isEmpty else { return "" }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            out += line + "\n"
        }
        return TerminalText(safe: out)
    }
}
