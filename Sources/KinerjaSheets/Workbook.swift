import Foundation
import KinerjaCore

/// An .xlsx workbook (Office Open XML SpreadsheetML, as Excel, LibreOffice, Dapodik and the
/// national platform write it) read from its bytes: its sheets' names, and a sheet's rows
/// as the CSV path reads a file's (`CSVTable.Row`), so that one path of checks follows.
///
/// The package is a zip (ZIPFoundation) of XML parts (Foundation's XMLParser): the package
/// relationships name the workbook part, whose relationships name the sheets, the shared
/// strings and the styles. Everything it unpacks is bounded by `WorkbookLimits`.
public struct Workbook {
    /// The sheets' names in tab order.
    public let sheetNames: [String]
    /// The sheet read when none is named: the first the office sees, passing over hidden ones.
    public let firstSheet: String?

    private let parts: PackageParts
    private let limits: WorkbookLimits
    /// The part of each sheet, in the order of `sheetNames` (nil when it names none).
    private let sheetParts: [String?]
    private let strings: [String]
    private let styles: DateStyles
    private let dates: SerialDate

    /// `PK\u{3}\u{4}`: the bytes every zip, and so every .xlsx, starts with.
    public static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Whether `data` is a zip, to be read as a workbook rather than as a CSV's text.
    public static func isZip(_ data: Data) -> Bool { data.starts(with: signature) }

    public init(_ data: Data, limits: WorkbookLimits = .standard) throws(WorkbookError) {
        let parts = try PackageParts(data, limits: limits)
        let packageRelationships = "_rels/.rels"
        let workbookPart = try parts.data(packageRelationships)
            .flatMap { (data) throws(WorkbookError) in
                try Relationships(data, part: packageRelationships, source: "").target(kind: "officeDocument")
            } ?? "xl/workbook.xml"
        guard let workbookData = try parts.data(workbookPart) else { throw .notAWorkbook }
        let list = try SheetList(workbookData, part: workbookPart)
        let relationshipsPart = Relationships.part(of: workbookPart)
        guard let relationshipsData = try parts.data(relationshipsPart) else { throw .notAWorkbook }
        let relationships = try Relationships(relationshipsData, part: relationshipsPart, source: workbookPart)

        var strings: [String] = []
        if let part = relationships.target(kind: "sharedStrings"), let data = try parts.data(part) {
            strings = try SharedStrings(data, part: part).items
        }
        var styles = DateStyles()
        if let part = relationships.target(kind: "styles"), let data = try parts.data(part) {
            styles = try DateStyles(data, part: part)
        }
        self.parts = parts
        self.limits = limits
        self.sheetNames = list.sheets.map(\.name)
        self.firstSheet = (list.sheets.first { !$0.hidden } ?? list.sheets.first)?.name
        self.sheetParts = list.sheets.map { relationships.target(id: $0.relationship) }
        self.strings = strings
        self.styles = styles
        self.dates = SerialDate(uses1904Dates: list.uses1904Dates)
    }

    /// The rows of the sheet named `name` (the spreadsheets compare sheet names without
    /// case), or of `firstSheet` when `name` is nil. Rows with nothing in them are left
    /// out; the first row that is left is the header.
    public func rows(sheet name: String? = nil) throws(WorkbookError) -> [CSVTable.Row] {
        guard let wanted = name ?? firstSheet else { throw .notAWorkbook }
        guard let index = sheetNames.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) else {
            throw .noSuchSheet(wanted, among: sheetNames)
        }
        guard let part = sheetParts[index], let data = try parts.data(part) else {
            throw .damaged(sheetNames[index], "no worksheet part")
        }
        let reader = SheetReader(part: part, strings: strings, styles: styles, dates: dates, limits: limits)
        try XMLPartReader.read(data, part: part, into: reader)
        return reader.rows
    }
}
