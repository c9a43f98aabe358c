import Foundation
import KinerjaCore
import KinerjaSampleData
import Testing
@testable import KinerjaSheets

/// Workbooks that are refused whole, each with words that say what to do: not a workbook,
/// damaged, a DTD, no such sheet, and every bound of `WorkbookLimits` (a zip bomb among them).
@Suite("Workbooks refused whole")
struct WorkbookRefusalTests {
    static let header = WorkbookBuilder.text("A1", "id") + WorkbookBuilder.text("B1", "nama")

    func workbook(_ rows: [String], limits: WorkbookLimits = .standard) throws -> Workbook {
        try Workbook(WorkbookBuilder(sheets: [("Data", WorkbookBuilder.sheet(rows))]).data(), limits: limits)
    }

    @Test("an .ods (a zip, but no workbook part) is named as not an .xlsx")
    func odsIsNoWorkbook() throws {
        let ods = try WorkbookBuilder.zip([
            "mimetype": Data("application/vnd.oasis.opendocument.spreadsheet".utf8), "content.xml": Data("<office:document-content/>".utf8),
        ])
        #expect(throws: WorkbookError.notAWorkbook) { try Workbook(ods) }
        #expect(WorkbookError.notAWorkbook.message(in: .indonesian).contains("bukan buku kerja .xlsx"))
    }

    @Test("bytes that only start like a zip are a damaged workbook")
    func damagedZip() {
        #expect(throws: WorkbookError.self) { try Workbook(Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 100))) }
        #expect(Workbook.isZip(Data([0x50, 0x4B, 0x03, 0x04, 0])) && !Workbook.isZip(Data("id,nama\n".utf8)))
    }

    @Test("a sheet that is not there: the sheets that are")
    func noSuchSheet() throws {
        let book = try workbook([Self.header])
        #expect(throws: WorkbookError.noSuchSheet("Roster", among: ["Data"])) { try book.rows(sheet: "Roster") }
        let error = WorkbookError.noSuchSheet("Roster", among: ["Data"])
        #expect(error.field == "sheet")
        #expect(error.message(in: .indonesian) == "lembar 'Roster' tidak ada; lembar yang ada: 'Data'")
        #expect(error.message(in: .english) == "there is no sheet 'Roster'; the sheets are: 'Data'")
    }

    @Test("a DTD in a part is an error (OPC [M1.18]): no entity is expanded")
    func dtdRefused() throws {
        let xml = """
            <?xml version="1.0"?><!-- a comment first --><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\
            <worksheet xmlns="\(WorkbookBuilder.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>
            """
        let book = try Workbook(WorkbookBuilder(sheets: [("Data", xml)]).data())
        #expect(throws: WorkbookError.damaged("xl/worksheets/sheet1.xml", "DTD")) { try book.rows() }
        #expect(!XMLPartReader.declaresDTD(Data(#"<?xml version="1.0"?><!-- <!DOCTYPE --><a><![CDATA[<!DOCTYPE]]></a>"#.utf8)))
    }

    @Test("a zip bomb stops at the bound of a part's unpacked size, while inflating")
    func zipBomb() throws {
        // 64 MiB of spaces inside the sheet deflate to about 64 KiB.
        let padding = String(repeating: " ", count: 64 * 1024 * 1024)
        let xml = #"<worksheet xmlns="\#(WorkbookBuilder.main)"><sheetData>\#(padding)</sheetData></worksheet>"#
        let data = try WorkbookBuilder(sheets: [("Data", xml)]).data()
        #expect(data.count < 200 * 1024)
        var limits = WorkbookLimits.standard
        limits.partBytes = 16 * 1024 * 1024
        let book = try Workbook(data, limits: limits)
        #expect(throws: WorkbookError.tooLarge(
            id: "bagian xl/worksheets/sheet1.xml lebih dari 16 MiB setelah dibuka",
            en: "its part xl/worksheets/sheet1.xml unpacks to more than 16 MiB")) { try book.rows() }
    }

    @Test("the parts together are bounded too")
    func totalBytes() throws {
        var limits = WorkbookLimits.standard
        limits.totalBytes = 1024
        var builder = WorkbookBuilder(sheets: [("Data", WorkbookBuilder.sheet([Self.header]))])
        builder.sharedStrings = (0..<100).map { "teks nomor \($0)" }
        let data = try builder.data()
        #expect(throws: WorkbookError.tooLarge(id: "isinya lebih dari 0 MiB setelah dibuka", en: "it unpacks to more than 0 MiB")) {
            try Workbook(data, limits: limits)
        }
    }

    @Test("rows, columns and cells past their bounds")
    func rowsColumnsAndCells() throws {
        var limits = WorkbookLimits.standard
        limits.rows = 3
        let rows = [Self.header, WorkbookBuilder.text("A2", "1"), WorkbookBuilder.text("A3", "2"), WorkbookBuilder.text("A4", "3")]
        #expect(throws: WorkbookError.tooLarge(id: "lebih dari 3 baris", en: "more than 3 rows")) {
            try workbook(rows, limits: limits).rows()
        }
        #expect(throws: WorkbookError.tooLarge(id: "lebih dari 16384 kolom", en: "more than 16384 columns")) {
            try workbook([Self.header + WorkbookBuilder.text("XFE1", "x")]).rows()
        }
        limits = .standard
        limits.cells = 5
        #expect(throws: WorkbookError.tooLarge(id: "lebih dari 5 sel", en: "more than 5 cells")) {
            try workbook(Array(rows.prefix(3)), limits: limits).rows()
        }
        #expect(WorkbookError.tooLarge(id: "lebih dari 5 sel", en: "more than 5 cells").message(in: .indonesian)
            == "buku kerja terlalu besar: lebih dari 5 sel; bagi menjadi beberapa berkas")
    }

    @Test("a cell far right of the header widens no row; rows out of order are damage")
    func farCellAndRowOrder() throws {
        let rows = try workbook([Self.header, WorkbookBuilder.text("A2", "1") + WorkbookBuilder.text("XFD2", "far")]).rows()
        #expect(rows.map(\.fields) == [["id", "nama"], ["1", ""]])
        let swapped = #"<worksheet xmlns="\#(WorkbookBuilder.main)"><sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"/></sheetData></worksheet>"#
        let book = try Workbook(WorkbookBuilder(sheets: [("Data", swapped)]).data())
        #expect(throws: WorkbookError.damaged("xl/worksheets/sheet1.xml", "row 1 after row 2")) { try book.rows() }
    }

    @Test("a shared string index past the table is damage, not an empty cell")
    func sharedStringOutOfRange() throws {
        let book = try workbook([#"<c r="A1" t="s"><v>3</v></c>"#])
        #expect(throws: WorkbookError.damaged("xl/worksheets/sheet1.xml", "shared string 3")) { try book.rows() }
    }
}
