/// A plain-text table for people: a header (unless `--no-legend`), columns padded to
/// their widest cell. Results go to stdout; a script wanting structure uses `--json`.
/// Rendered as bytes: a country's overdue list is 200,000 lines.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, its cells' control characters escaped (a name cannot break a row).
    func render(legend: Bool) -> TerminalText {
        var out: [UInt8] = []
        render(legend: legend) { out.append(contentsOf: $0) }
        return TerminalText(safe: String(decoding: out, as: UTF8.self))
    }

    /// Writes the table to stdout, as `render` makes it.
    func print(legend: Bool) {
        render(legend: legend) { FileHandleOut.write(bytes: $0, fd: 1) }
    }

    /// The table's lines, handed to `write` about 64 KiB at a time.
    private func render(legend: Bool, write: ([UInt8]) -> Void) {
        let all = (legend ? [header] + rows : rows).map { $0.map(TerminalText.escaped) }
        guard !all.isEmpty else { return }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Table.width(cell)) } }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        for row in all {
            // Empty cells at the end of a row are not padded: no line ends in spaces.
            let last = row.lastIndex { !$0.isEmpty } ?? 0
            for (i, cell) in row.enumerated() where i <= last {
                out.append(contentsOf: cell.utf8)
                if i < last {
                    let pad = (i < widths.count ? widths[i] : 0) - Table.width(cell) + 2
                    if pad > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
                }
            }
            out.append(UInt8(ascii: "\n"))
            if out.count >= 1 << 16 {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { write(out) }
    }

    /// The characters a cell shows: its bytes when all ASCII (almost every cell).
    static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
