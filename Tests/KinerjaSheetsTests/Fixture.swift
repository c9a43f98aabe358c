import Foundation
import KinerjaCore
import KinerjaSheets

/// The committed workbooks of `Fixtures/` (made by make-fixtures.sh) and the example CSVs
/// of `config/examples/` they were made from.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/examples")

    static func workbook(_ name: String) throws -> Workbook {
        try Workbook(Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func table(_ name: String, sheet: String? = nil) throws -> CSVTable {
        try CSVTable(rows: workbook(name).rows(sheet: sheet))
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
    }
}
