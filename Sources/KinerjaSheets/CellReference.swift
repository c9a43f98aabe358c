/// A cell's place in A1 notation (`C7`: column C, row 7), as a cell's `r` and the messages
/// name it. Columns count from 0 here (A = 0), rows from 1, as the spreadsheet shows them.
struct CellReference: Hashable, CustomStringConvertible {
    let column: Int
    let row: Int

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `C7`; nil for anything else. Letters and digits are bounded so that the
    /// numbers cannot overflow (the spreadsheets stop at XFD1048576).
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 4 || digits > 9 { return nil }
        }
        guard letters > 0, row > 0 else { return nil }
        self.init(column: column - 1, row: row)
    }

    /// The column's letters: 0 is A, 25 Z, 26 AA.
    static func letters(ofColumn column: Int) -> String {
        var scalars: [Character] = []
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            scalars.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(scalars)
    }

    var description: String { CellReference.letters(ofColumn: column) + String(row) }
}
