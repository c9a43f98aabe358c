import Foundation

/// The workbook part (`xl/workbook.xml`): its sheets in tab order, and which day its date
/// serial numbers count from.
struct SheetList {
    struct Sheet {
        let name: String
        /// The relationship id of the sheet's part.
        let relationship: String
        /// `state="hidden"` or `"veryHidden"`: a sheet the office does not see (a lookup list).
        let hidden: Bool
    }

    let sheets: [Sheet]
    /// `<workbookPr date1904="1"/>`: serial 0 is 1 January 1904 (old Mac Excel workbooks)
    /// instead of the 1900 system's 30 December 1899.
    let uses1904Dates: Bool

    init(_ data: Data, part: String) throws(WorkbookError) {
        let handler = Handler()
        try XMLPartReader.read(data, part: part, into: handler)
        sheets = handler.sheets
        uses1904Dates = handler.uses1904Dates
    }

    private final class Handler: XMLPartHandler {
        var sheets: [Sheet] = []
        var uses1904Dates = false

        func start(_ name: String, attributes: [String: String]) throws(WorkbookError) {
            switch name {
            case "workbookPr":
                uses1904Dates = XMLBoolean.isTrue(attributes["date1904"])
            case "sheet":
                // `r:id`: the relationships namespace, under whatever prefix the writer chose.
                guard let sheetName = attributes["name"],
                      let id = attributes.first(where: { $0.key == "id" || $0.key.hasSuffix(":id") })?.value
                else { return }
                let hidden = attributes["state"] == "hidden" || attributes["state"] == "veryHidden"
                sheets.append(Sheet(name: sheetName, relationship: id, hidden: hidden))
            default:
                break
            }
        }
    }
}

/// xsd:boolean as SpreadsheetML writes it: `1` or `true` (LibreOffice writes `true`, Excel `1`).
enum XMLBoolean {
    static func isTrue(_ text: String?) -> Bool { text == "1" || text == "true" }
}
