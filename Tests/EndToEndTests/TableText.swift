/// The cells of kinerjactl's plain-text tables: columns are padded apart by at least two
/// spaces, the words of one cell ("kepala sekolah", "Praktik Kinerja") by one.
enum TableText {
    static func rows(_ output: String) -> [[String]] {
        output.split(separator: "\n").map { line in
            var cells: [String] = []
            var cell = ""
            var spaces = 0
            for character in line {
                if character == " " {
                    spaces += 1
                    continue
                }
                if spaces >= 2, !cell.isEmpty {
                    cells.append(cell)
                    cell = ""
                } else if spaces == 1, !cell.isEmpty {
                    cell += " "
                }
                spaces = 0
                cell.append(character)
            }
            if !cell.isEmpty { cells.append(cell) }
            return cells
        }
    }
}
