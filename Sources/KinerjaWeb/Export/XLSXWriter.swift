import Foundation
import KinerjaCore
import ZIPFoundation

/// A list as an Office Open XML workbook (.xlsx, ECMA-376): one sheet, a bold header row
/// frozen at the top, numbers as numbers and dates as date cells (so that a spreadsheet
/// sorts and filters them as an office expects), text as inline strings. The XML parts
/// are written here; the zip around them is ZIPFoundation's.
enum XLSXWriter {
    static func workbook(_ table: ListTable, sheetName: String, modified: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(table)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Style indexes of `styles`: 0 plain, 1 bold (the header), 2 a date as YYYY-MM-DD.
    static func sheet(_ table: ListTable) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += "<cols>" + table.columns.indices.map { #"<col min="\#($0 + 1)" max="\#($0 + 1)" width="\#(width(of: $0, in: table))" customWidth="1"/>"# }.joined() + "</cols>"
        xml += "<sheetData>"
        xml += row(1, table.columns.enumerated().map { cell(column: $0.offset, row: 1, text: $0.element.title, style: 1) })
        for (index, values) in table.rows.enumerated() {
            let r = index + 2
            xml += row(r, values.enumerated().map { column, value in
                switch value {
                case .number(let n?): return #"<c r="\#(reference(column, r))"><v>\#(n)</v></c>"#
                case .share(let done, let of): return #"<c r="\#(reference(column, r))"><v>\#(ListTable.Cell.percent(done, of))</v></c>"#
                case .date(let text?):
                    guard let date = LocalDate(text) else { return cell(column: column, row: r, text: text, style: 0) }
                    return #"<c r="\#(reference(column, r))" s="2"><v>\#(serial(of: date))</v></c>"#
                case .number(nil), .date(nil): return ""
                default: return cell(column: column, row: r, text: value.plain, style: 0)
                }
            })
        }
        xml += "</sheetData>"
        if !table.columns.isEmpty {
            xml += #"<autoFilter ref="A1:\#(reference(table.columns.count - 1, table.rows.count + 1))"/>"#
        }
        xml += "</worksheet>"
        return xml
    }

    private static func row(_ number: Int, _ cells: [String]) -> String {
        #"<row r="\#(number)">"# + cells.joined() + "</row>"
    }

    private static func cell(column: Int, row: Int, text: String, style: Int) -> String {
        let styled = style == 0 ? "" : #" s="\#(style)""#
        return #"<c r="\#(reference(column, row))"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
    }

    /// `A1`-style reference of a zero-based column and a one-based row.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row)"
    }

    /// A spreadsheet's day number: days since 30 December 1899.
    static func serial(of date: LocalDate) -> Int { epoch.days(until: date) }

    private static let epoch = LocalDate(year: 1899, month: 12, day: 30)!

    private static func width(of column: Int, in table: ListTable) -> Int {
        let longest = table.rows.prefix(500).reduce(table.columns[column].title.count) { longest, row in
            column < row.count ? max(longest, row[column].plain.count) : longest
        }
        return min(max(longest + 2, 8), 60)
    }

    /// Text as XML character data; characters XML 1.0 forbids (controls but tab and line
    /// ends) are left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static let contentTypes = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """#

    private static let rootRelationships = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """#

    private static func workbookXML(sheetName: String) -> String {
        // A sheet's name: at most 31 characters, none of []:*?/\.
        let name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + #"<sheets><sheet name="\#(escape(name.isEmpty ? "Sheet1" : name))" sheetId="1" r:id="rId1"/></sheets>"#
            + #"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'\#(escape(name.isEmpty ? "Sheet1" : name).replacing("'", with: "''"))'!$A$1</definedName></definedNames></workbook>"#
    }

    private static let workbookRelationships = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """#

    private static let styles = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """#
}
