import Foundation
import ZIPFoundation

/// Small .xlsx packages made in a test, for what a fixture saved by a spreadsheet cannot
/// hold: a damaged part, a DTD, a zip bomb, a writer's unusual but valid choices, a
/// generated district of thousands of rows. Zipped by ZIPFoundation, the library the
/// daemon unzips with; text goes in inline strings, as openpyxl and Apache POI write it.
public struct WorkbookBuilder {
    public var sheets: [(name: String, xml: String)]
    public var sharedStrings: [String] = []
    /// The `<numFmts>` and `<cellXfs>` of the styles part.
    public var styles = #"<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"#
    public var workbookProperties = "<workbookPr/>"
    /// Parts replaced or added as they are, by name.
    public var extraParts: [String: Data] = [:]
    /// Deflated (as spreadsheets write them) or stored, which keeps a generated file large.
    public var deflated = true

    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public init(sheets: [(name: String, xml: String)], styles: String? = nil) {
        self.sheets = sheets
        if let styles { self.styles = styles }
    }

    /// A worksheet whose rows are the given `<c>` elements, numbered from 1.
    public static func sheet(_ rows: [String]) -> String {
        let body = rows.enumerated().map { #"<row r="\#($0.offset + 1)">\#($0.element)</row>"# }.joined()
        return #"<worksheet xmlns="\#(main)"><sheetData>\#(body)</sheetData></worksheet>"#
    }

    /// A worksheet of text cells, row by row, the empty ones left out as spreadsheets do.
    public static func sheet(table: [[String]]) -> String {
        sheet(table.enumerated().map { row in
            row.element.enumerated().filter { !$0.element.isEmpty }.map { cell in
                text(column(cell.offset) + String(row.offset + 1), cell.element)
            }.joined()
        })
    }

    /// An inline string cell.
    public static func text(_ reference: String, _ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escaped)</t></is></c>"#
    }

    /// A column's letters: 0 is A, 26 AA.
    static func column(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : column(index / 26 - 1) + column(index % 26)
    }

    public func data() throws -> Data {
        var parts: [String: Data] = [:]
        func put(_ name: String, _ text: String) { parts[name] = Data(text.utf8) }
        put("_rels/.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(Self.relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        let sheetList = sheets.indices.map { #"<sheet name="\#(sheets[$0].name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 10)"/>"# }
        put("xl/workbook.xml", """
            <workbook xmlns="\(Self.main)" xmlns:r="\(Self.relationships)">\(workbookProperties)<sheets>\(sheetList.joined())</sheets></workbook>
            """)
        var relationships = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 10)" Type="\#(Self.relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }
        relationships.append(#"<Relationship Id="rId1" Type="\#(Self.relationships)/styles" Target="styles.xml"/>"#)
        relationships.append(#"<Relationship Id="rId2" Type="\#(Self.relationships)/sharedStrings" Target="sharedStrings.xml"/>"#)
        put("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships.joined())</Relationships>
            """)
        for (index, sheet) in sheets.enumerated() { put("xl/worksheets/sheet\(index + 1).xml", sheet.xml) }
        put("xl/styles.xml", #"<styleSheet xmlns="\#(Self.main)">\#(styles)</styleSheet>"#)
        let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
        put("xl/sharedStrings.xml", #"<sst xmlns="\#(Self.main)" count="\#(sharedStrings.count)">\#(items)</sst>"#)
        parts.merge(extraParts) { $1 }
        return try Self.zip(parts, deflated: deflated)
    }

    /// The parts zipped in memory.
    public static func zip(_ parts: [String: Data], deflated: Bool = true) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: deflated ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ArchiveHasNoData() }
        return data
    }

    struct ArchiveHasNoData: Error {}
}
