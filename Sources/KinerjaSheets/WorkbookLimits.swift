/// What a workbook may expand to. An .xlsx is a zip of XML: a few KiB can unpack to GiB (a
/// zip bomb), and a few bytes of XML (`<c r="XFD1048576"/>`) name a cell a million rows and
/// sixteen thousand columns away. Each bound is checked while reading, before the memory is
/// spent, and a workbook over one is refused whole with the bound named.
public struct WorkbookLimits: Sendable {
    /// Uncompressed bytes of one part (a sheet, the shared strings). A country's roster
    /// (250,000 positions) is a sheet of 140 MiB when written with inline strings.
    public var partBytes: Int
    /// Uncompressed bytes of all the parts read together.
    public var totalBytes: Int
    /// Rows of a sheet: 1,048,576 is the most a sheet holds in Excel and LibreOffice, so no
    /// real workbook is refused by it.
    public var rows: Int
    /// Columns of a sheet (A to XFD), the spreadsheets' own limit.
    public var columns: Int
    /// Cells of the table read, counting the empty ones between filled cells: a country's
    /// roster is 250,000 × 11 = 2.75 million.
    public var cells: Int

    public init(partBytes: Int, totalBytes: Int, rows: Int, columns: Int, cells: Int) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    public static let standard = WorkbookLimits(
        partBytes: 256 * 1024 * 1024, totalBytes: 512 * 1024 * 1024, rows: 1_048_576, columns: 16_384, cells: 10_000_000)
}
