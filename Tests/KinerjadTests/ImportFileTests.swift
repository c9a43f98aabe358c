import Foundation
import KinerjaCore
import KinerjaRPC
import Testing
@testable import kinerjad

/// What an import call carries, as the daemon reads it: a CSV's text, or a file's bytes in
/// base64 that are a workbook or a CSV; what cannot be either is refused with the field named.
@Suite("Import files from the wire")
struct ImportFileTests {
    static let csv = "id,nama,peran\n197505052000121002,Rina Marlina,pengawas_sekolah\n"

    func field(of error: OfficeError) -> String? {
        if case .invalidInput(let field, _) = error { return field }
        return nil
    }

    @Test("a CSV's text, or the same CSV's bytes in base64, read alike")
    func csvTextOrBytes() throws {
        let text = try ImportFile(wire: Self.csv, base64: false, sheet: nil).parse(RosterParser.parse)
        let bytes = try ImportFile(wire: Data(Self.csv.utf8).base64EncodedString(), base64: true, sheet: nil).parse(RosterParser.parse)
        #expect(text.lines.count == 1 && text.lines == bytes.lines)
    }

    @Test("an empty file is the parsers' problem on line 1, as for a CSV")
    func emptyFile() throws {
        let parsed = try ImportFile(wire: "", base64: true, sheet: nil).parse(RosterParser.parse)
        #expect(parsed.lines.isEmpty && parsed.problems.map(\.line) == [1])
    }

    @Test("refused: not base64; bytes neither a zip nor UTF-8; a sheet for a CSV; a zip that is no workbook")
    func refusals() throws {
        #expect(throws: OfficeError.self) { try ImportFile(wire: "not base64!", base64: true, sheet: nil) }
        let latin1 = Data([0x69, 0x64, 0x0A, 0xE9, 0x0A]).base64EncodedString()
        do {
            _ = try ImportFile(wire: latin1, base64: true, sheet: nil).parse(RosterParser.parse)
            Issue.record("Latin-1 bytes were read")
        } catch { #expect(field(of: error) == "content") }
        do {
            _ = try ImportFile(wire: Self.csv, base64: false, sheet: "Roster").parse(RosterParser.parse)
            Issue.record("a sheet was taken for a CSV")
        } catch { #expect(field(of: error) == "sheet") }
        let notAWorkbook = Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).base64EncodedString()
        do {
            _ = try ImportFile(wire: notAWorkbook, base64: true, sheet: nil).parse(RosterParser.parse)
            Issue.record("a damaged zip was read")
        } catch { #expect(field(of: error) == "content") }
    }
}
