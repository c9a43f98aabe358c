import Crypto
import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaSheets

/// A file a client sent to import, read into the rows the parsers take: a CSV's text, or a
/// file's bytes (base64 on the wire, since a Varlink message is JSON text) that are an
/// .xlsx workbook, recognised by its zip signature, or a CSV. The daemon reads what it
/// received, never a path (DESIGN.md, "Store"); the reading runs where the import runs, on
/// Swift's global executor, not on an event loop.
struct ImportFile {
    enum Content {
        case text(String)
        case bytes(Data)
    }

    let content: Content
    /// The workbook's sheet by name; nil for the first one not hidden.
    let sheet: String?

    init(text: String, sheet: String? = nil) {
        content = .text(text)
        self.sheet = sheet
    }

    /// What the import call carried: `text` is the CSV, or with `base64` the file's bytes.
    init(wire text: String, base64: Bool, sheet: String?) throws(OfficeError) {
        self.sheet = sheet
        guard base64 else {
            content = .text(text)
            return
        }
        guard let data = Data(base64Encoded: text) else {
            throw WireToCore.invalid("content", id: "content bukan base64", en: "content is not base64")
        }
        content = .bytes(data)
    }

    /// The hex SHA-256 of the file as sent (the CSV's UTF-8, or the file's bytes): the
    /// import's audit row names the file by it.
    var sha256: String {
        let digest: SHA256.Digest
        switch content {
        case .text(let text): digest = SHA256.hash(data: Data(text.utf8))
        case .bytes(let data): digest = SHA256.hash(data: data)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The file's good rows and problems through `parse`; a file that is no table (empty,
    /// a quote never closed) is the only problem, as for a CSV. A workbook that cannot be
    /// read at all, or a sheet that is not there, is refused as `InvalidInput`.
    func parse<Line>(
        _ parse: (CSVTable) -> (lines: [Line], problems: [ImportProblem])
    ) throws(OfficeError) -> (lines: [Line], problems: [ImportProblem]) {
        switch try table() {
        case .success(let table): return parse(table)
        case .failure(let problem): return ([], [problem])
        }
    }

    private func table() throws(OfficeError) -> Result<CSVTable, ImportProblem> {
        switch content {
        case .text(let text):
            return try csv(text)
        case .bytes(let data) where Workbook.isZip(data):
            let rows: [CSVTable.Row]
            do {
                rows = try Workbook(data).rows(sheet: sheet)
            } catch {
                throw WireToCore.invalid(error.field, id: error.message(in: .indonesian), en: error.message(in: .english))
            }
            return Result { () throws(ImportProblem) in try CSVTable(rows: rows) }
        case .bytes(let data):
            guard let text = String(validating: data, as: UTF8.self) else {
                throw WireToCore.invalid(
                    "content", id: "berkas bukan buku kerja .xlsx dan bukan CSV UTF-8; simpan ulang sebagai salah satunya",
                    en: "the file is neither an .xlsx workbook nor a UTF-8 CSV; save it again as one of them")
            }
            return try csv(text)
        }
    }

    private func csv(_ text: String) throws(OfficeError) -> Result<CSVTable, ImportProblem> {
        guard sheet == nil else {
            throw WireToCore.invalid(
                "sheet", id: "lembar (sheet) hanya untuk buku kerja .xlsx; berkas ini CSV",
                en: "a sheet is for an .xlsx workbook only; this file is a CSV")
        }
        return Result { () throws(ImportProblem) in try CSVTable(parsing: text) }
    }
}
