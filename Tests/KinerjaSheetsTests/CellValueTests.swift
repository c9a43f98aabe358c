import Foundation
import KinerjaCore
import KinerjaSampleData
import Testing
@testable import KinerjaSheets

/// How a typed cell reads, for the ways writers other than Excel and LibreOffice write them
/// (a prefix on every element, strict OOXML, cells without references, ISO dates, phonetic
/// runs), and the rules under it: date formats, serial days, cell references.
@Suite("Cells as typed")
struct CellValueTests {
    static let main = WorkbookBuilder.main

    func rows(_ builder: WorkbookBuilder) throws -> [CSVTable.Row] { try Workbook(builder.data()).rows() }

    @Test("numbers without .0, decimals as written, booleans, ISO dates, a formula's text with no formula")
    func typedCells() throws {
        let cells = #"<c r="A2"><v>20571034</v></c><c r="B2"><v>3.5</v></c><c r="C2" t="n"><v>1E+3</v></c>"#
            + #"<c r="D2" t="b"><v>0</v></c><c r="E2" t="d"><v>2026-07-06T00:00:00</v></c><c r="F2" t="str"><v>teks</v></c>"#
            + #"<c r="G2" s="0"/><c r="H2" t="n"><v>-12</v></c>"#
        let header = "ABCDEFGH".map { WorkbookBuilder.text("\($0)1", "k\($0)") }.joined()
        let rows = try rows(WorkbookBuilder(sheets: [("S", WorkbookBuilder.sheet([header, cells]))]))
        #expect(rows[1].fields == ["20571034", "3.5", "1000", "FALSE", "2026-07-06", "teks", "", "-12"])
    }

    @Test("a 16-digit number has lost digits; 15 digits are kept")
    func fifteenDigits() throws {
        let header = WorkbookBuilder.text("A1", "id") + WorkbookBuilder.text("B1", "nama")
        let book = WorkbookBuilder(sheets: [("S", WorkbookBuilder.sheet([
            header, #"<c r="A2"><v>999999999999999</v></c>"#, #"<c r="B3"><v>1000000000000000</v></c>"#,
        ]))])
        let rows = try rows(book)
        #expect(rows[1].fields == ["999999999999999", ""] && rows[1].refusal == nil)
        #expect(rows[2].refusal == CellRefusal.lostDigits.problem(at: CellReference(column: 1, row: 3), column: "nama"))
    }

    @Test("x: prefixes, strict OOXML's namespace, cells and rows without references, phonetic runs")
    func otherWriters() throws {
        let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let xml = """
            <x:worksheet xmlns:x="\(strict)"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c>\
            <x:c t="inlineStr"><x:is><x:t>nama</x:t></x:is></x:c></x:row><x:row><x:c t="s"><x:v>0</x:v></x:c>\
            <x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Ani </x:t></x:r><x:r><x:t>Yulia</x:t></x:r><x:rPh sb="0" eb="1"><x:t>アニ</x:t></x:rPh></x:is></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        var builder = WorkbookBuilder(sheets: [("S", xml)])
        builder.extraParts["xl/sharedStrings.xml"] = Data("""
            <sst xmlns="\(Self.main)"><si><r><t>1975</t></r><r><t>0508</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>
            """.utf8)
        let rows = try rows(builder)
        #expect(rows.map(\.line) == [1, 2])
        #expect(rows[1].fields == ["19750508", "Ani Yulia"])
    }

    @Test("without a name, the first sheet the office sees: a hidden lookup sheet before it is passed over")
    func hiddenFirstSheet() throws {
        let header = WorkbookBuilder.text("A1", "id")
        var builder = WorkbookBuilder(sheets: [
            ("Daftar", WorkbookBuilder.sheet([WorkbookBuilder.text("A1", "kepala_sekolah")])), ("Roster", WorkbookBuilder.sheet([header])),
        ])
        builder.extraParts["xl/workbook.xml"] = Data("""
            <workbook xmlns="\(Self.main)" xmlns:r="\(WorkbookBuilder.relationships)"><sheets><sheet name="Daftar" sheetId="1" \
            state="veryHidden" r:id="rId10"/><sheet name="Roster" sheetId="2" r:id="rId11"/></sheets></workbook>
            """.utf8)
        let book = try Workbook(builder.data())
        #expect(book.sheetNames == ["Daftar", "Roster"] && book.firstSheet == "Roster")
        #expect(try book.rows().map(\.fields) == [["id"]])
        #expect(try book.rows(sheet: "daftar").map(\.fields) == [["kepala_sekolah"]])
    }

    @Test("a sheet of more than 10 MB reads: libxml2 refuses a larger piece at once (\"huge input lookup\")")
    func largeSheet() throws {
        let header = WorkbookBuilder.text("A1", "id") + WorkbookBuilder.text("B1", "nama")
        let padding = String(repeating: "\n", count: 12 * 1024 * 1024)
        let xml = #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="1">\#(header)</row>\#(padding)"#
            + #"<row r="2">\#(WorkbookBuilder.text("A2", "1"))</row></sheetData></worksheet>"#
        #expect(try rows(WorkbookBuilder(sheets: [("S", xml)])).map(\.fields) == [["id", "nama"], ["1", ""]])
    }

    @Test("date styles from cellXfs: built-in 14 and a custom code; the 1904 date system")
    func dateStyles() throws {
        let styles = #"<numFmts><numFmt numFmtId="164" formatCode="[$-421]dd mmmm yyyy"/></numFmts>"#
            + #"<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs>"#
        let cells = #"<c r="A2" s="1"><v>46211</v></c><c r="B2" s="2"><v>46211.75</v></c><c r="C2" s="3"><v>0.5</v></c>"#
        let header = WorkbookBuilder.text("A1", "a") + WorkbookBuilder.text("B1", "b") + WorkbookBuilder.text("C1", "c")
        var builder = WorkbookBuilder(sheets: [("S", WorkbookBuilder.sheet([header, cells]))], styles: styles)
        #expect(try rows(builder)[1].fields == ["2026-07-08", "2026-07-08", "0.5"], "a time of day is not a date")
        builder.workbookProperties = #"<workbookPr date1904="1"/>"#
        #expect(try rows(builder)[1].fields[0] == "2030-07-09")
    }

    @Test("format codes: a day or a year outside quotes, escapes and brackets makes a date")
    func dateFormatCodes() {
        for code in ["yyyy\\-mm\\-dd", "dd/mm/yyyy", "[$-421]dd mmmm yyyy", "m/d/yyyy", "DD.MM.YYYY", "d-mmm-yy"] {
            #expect(DateStyles.isDate(format: 164, code: code), "\(code)")
        }
        for code in ["General", "0", "#,##0.00", "@", "h:mm", "[h]:mm:ss", "mm:ss", "0 \"days\"", "0\\d", "[Red]0.00"] {
            #expect(!DateStyles.isDate(format: 164, code: code), "\(code)")
        }
        #expect(DateStyles.isDate(format: 14, code: nil) && DateStyles.isDate(format: 22, code: nil))
        #expect(!DateStyles.isDate(format: 0, code: nil) && !DateStyles.isDate(format: 20, code: nil) && !DateStyles.isDate(format: 49, code: nil))
    }

    @Test("serial days: Excel's 1900 system with its 29 February 1900, and the 1904 system")
    func serialDays() {
        let days1900 = SerialDate(uses1904Dates: false)
        #expect(days1900.day(1)?.description == "1900-01-01")
        #expect(days1900.day(59)?.description == "1900-02-28")
        #expect(days1900.day(60) == nil && days1900.day(0) == nil && days1900.day(-1) == nil)
        #expect(days1900.day(61)?.description == "1900-03-01")
        #expect(days1900.day(46211.999)?.description == "2026-07-08")
        #expect(days1900.day(2_958_465)?.description == "9999-12-31")
        #expect(days1900.day(2_958_466) == nil)
        #expect(SerialDate(uses1904Dates: true).day(0)?.description == "1904-01-01")
    }

    @Test("A1 references: letters to columns and back")
    func references() {
        #expect(CellReference("C7") == CellReference(column: 2, row: 7))
        #expect(CellReference("aa10") == CellReference(column: 26, row: 10))
        #expect(CellReference("XFD1048576") == CellReference(column: 16383, row: 1_048_576))
        for bad in ["", "C", "7", "7C", "C7C", "A0", "ABCDE1", "A1234567890"] { #expect(CellReference(bad) == nil, "\(bad)") }
        #expect([0, 25, 26, 701, 702, 16383].map(CellReference.letters(ofColumn:)) == ["A", "Z", "AA", "ZZ", "AAA", "XFD"])
    }
}
