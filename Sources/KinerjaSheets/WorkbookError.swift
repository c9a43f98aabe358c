import KinerjaCore

/// Why a workbook cannot be read at all (as opposed to a bad row, which is an
/// `ImportProblem`): not an .xlsx, damaged, too large, or no such sheet. The words say what
/// the office can do about it, in both of its languages.
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the error is about: `sheet` for a sheet that is not there, `content` otherwise.
    public let field: String
    let indonesian: String
    let english: String

    init(field: String = "content", id indonesian: String, en english: String) {
        self.field = field
        self.indonesian = indonesian
        self.english = english
    }

    public func message(in language: OfficeLanguage) -> String { language.text(id: indonesian, en: english) }

    public var description: String { english }

    /// A zip without a workbook in it (an .ods, a .docx, any other zip).
    static let notAWorkbook = WorkbookError(
        id: "berkas ini bukan buku kerja .xlsx (mungkin .ods atau dokumen lain); simpan sebagai .xlsx atau CSV UTF-8",
        en: "the file is not an .xlsx workbook (perhaps an .ods or another document); save it as .xlsx or CSV UTF-8")

    /// A part that cannot be unpacked or read as XML.
    static func damaged(_ part: String, _ reason: String) -> WorkbookError {
        WorkbookError(
            id: "buku kerja rusak: bagian \(part) tidak dapat dibaca (\(reason)); simpan ulang dari spreadsheet",
            en: "the workbook is damaged: its part \(part) cannot be read (\(reason)); save it again from the spreadsheet")
    }

    static func noSuchSheet(_ name: String, among names: [String]) -> WorkbookError {
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return WorkbookError(
            field: "sheet", id: "lembar '\(name)' tidak ada; lembar yang ada: \(list)",
            en: "there is no sheet '\(name)'; the sheets are: \(list)")
    }

    /// More than a bound of `WorkbookLimits`: what was too large and the bound.
    static func tooLarge(id indonesian: String, en english: String) -> WorkbookError {
        WorkbookError(
            id: "buku kerja terlalu besar: \(indonesian); bagi menjadi beberapa berkas",
            en: "the workbook is too large: \(english); split it into several files")
    }
}
