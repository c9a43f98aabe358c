import KinerjaCore

/// Why a cell's value is not what the office typed, so that its row is refused with the
/// cell named rather than imported with a wrong value.
enum CellRefusal: Hashable {
    /// A number of more than 15 digits: spreadsheets keep 15 significant digits (a double
    /// holds integers exactly only up to 2^53, 16 digits, and Excel rounds what is typed to
    /// 15), so an 18-digit NIP typed into a number cell has already lost its last digits.
    case lostDigits
    /// A formula's error value (`#DIV/0!`, `#N/A`, `#REF!`).
    case formulaError(String)
    /// A formula whose value was never stored: written by a program that does not
    /// calculate (a script), never opened in a spreadsheet.
    case formulaWithoutValue

    /// The refusal of the row, naming the column (when the header names it) and the cell.
    func problem(at cell: CellReference, column: String?) -> ImportProblem {
        let idPlace = column.map { "kolom \($0) (sel \(cell))" } ?? "sel \(cell)"
        let enPlace = column.map { "column \($0) (cell \(cell))" } ?? "cell \(cell)"
        switch self {
        case .lostDigits:
            return ImportProblem(
                line: cell.row,
                id: "\(idPlace): angka lebih dari 15 digit (seperti NIP) tersimpan sebagai angka dan kehilangan digit; format kolom sebagai Teks lalu ketik ulang",
                en: "\(enPlace): a number of more than 15 digits (such as a NIP) is stored as a number and has lost digits; format the column as Text and type it again")
        case .formulaError(let value):
            return ImportProblem(
                line: cell.row, id: "\(idPlace): rumus menghasilkan galat \(value); perbaiki rumusnya atau ketik nilainya",
                en: "\(enPlace): the formula gives the error \(value); fix the formula or type the value")
        case .formulaWithoutValue:
            return ImportProblem(
                line: cell.row,
                id: "\(idPlace): rumus tanpa nilai tersimpan; buka berkas di spreadsheet lalu simpan ulang agar nilainya dihitung",
                en: "\(enPlace): a formula without a stored value; open the file in a spreadsheet and save it again so that its value is computed")
        }
    }
}
