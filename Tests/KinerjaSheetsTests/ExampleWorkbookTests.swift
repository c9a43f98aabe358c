import KinerjaCore
import Testing

/// The example district's CSVs as an office has them in a spreadsheet: opened in
/// LibreOffice and saved as .xlsx (Fixtures/make-fixtures.sh). Each reads as its CSV does:
/// the same fields on the same lines, so the same positions and actions.
@Suite("The example CSVs saved as .xlsx by LibreOffice")
struct ExampleWorkbookTests {
    @Test(
        "a roster .xlsx reads as its CSV (comma; semicolon, BOM and CRLF): field for field, line for line",
        arguments: [("roster.xlsx", "roster.csv", 35), ("roster-semicolon.xlsx", "roster-semicolon.csv", 5)])
    func roster(workbook: String, csvFile: String, positions: Int) throws {
        let sheet = try Fixture.table(workbook)
        let csv = try CSVTable(parsing: Fixture.example(csvFile))
        #expect(sheet.header == csv.header && sheet.header.first == "id")
        #expect(try sheet.rows.map(\.line) == csv.rows.map(\.line))
        #expect(try sheet.rows.map(\.fields) == csv.rows.map(\.fields))
        let parsed = RosterParser.parse(sheet)
        #expect(parsed.lines.count == positions && parsed.problems.isEmpty)
        #expect(parsed.lines == RosterParser.parse(csv).lines)
    }

    @Test("progress.xlsx, tanggal as date cells, reads as progress.csv: 200 actions")
    func progress() throws {
        let sheet = try Fixture.table("progress.xlsx")
        let csv = try CSVTable(parsing: Fixture.example("progress.csv"))
        #expect(try sheet.rows.map(\.line) == csv.rows.map(\.line))
        #expect(try sheet.rows.map(\.fields) == csv.rows.map(\.fields))
        let parsed = ProgressParser.parse(sheet)
        #expect(parsed.lines.count == 200 && parsed.problems.isEmpty)
        #expect(parsed.lines == ProgressParser.parse(csv).lines)
    }

    @Test("pejabat.xlsx, ids and telepon as text, reads as pejabat.csv: 4 officials")
    func officials() throws {
        let sheet = try Fixture.table("pejabat.xlsx")
        let csv = try CSVTable(parsing: Fixture.example("pejabat.csv"))
        #expect(try sheet.rows.map(\.line) == csv.rows.map(\.line))
        #expect(try sheet.rows.map(\.fields) == csv.rows.map(\.fields))
        let parsed = OfficialsParser.parse(sheet)
        #expect(parsed.lines.count == 4 && parsed.problems.isEmpty)
        #expect(parsed.lines == OfficialsParser.parse(csv).lines)
    }
}
