import KinerjaCore
import KinerjaSheets
import Testing

/// Fixtures/hand-checked.py's workbook, cell by cell: as openpyxl writes it (inline strings,
/// formulas without a value) and as LibreOffice saves it once opened (shared strings, rich
/// text runs, cached formula values, a boolean as `TRUE()`).
@Suite("A hand-checked workbook: every kind of cell")
struct HandCheckedWorkbookTests {
    static let openpyxl = "hand-checked.xlsx"
    static let libreOffice = "hand-checked-libreoffice.xlsx"
    static let kadis = "196808141994031005"

    @Test("the sheets in tab order; without --sheet the first is read", arguments: [openpyxl, libreOffice])
    func firstSheetByDefault(_ file: String) throws {
        #expect(try Fixture.workbook(file).sheetNames == ["Petunjuk", "Roster", "Progres"])
        let first = try Fixture.table(file)
        #expect(first.header == ["petunjuk pengisian"])
        #expect(RosterParser.parse(first).problems.map(\.line) == [1], "the notes sheet is no roster")
    }

    @Test("a sheet by name, without regard to case", arguments: [openpyxl, libreOffice])
    func sheetByName(_ file: String) throws {
        #expect(try Fixture.table(file, sheet: "roster").rows.map(\.line) == [2, 3, 4, 5, 7, 8], "row 6 is empty")
        #expect(try Fixture.table(file, sheet: "PROGRES").rows.count == 6)
    }

    @Test("rich text, number cells, gaps between cells, a boolean", arguments: [openpyxl, libreOffice])
    func rosterCells(_ file: String) throws {
        let rows = try Fixture.table(file, sheet: "Roster").rows
        let kadis = Self.kadis
        #expect(rows[0].fields == [
            "197002141993032002", "pns", "Hj. Siti Nurjanah, S.Pd., M.Pd.", "kepala_sekolah", "definitif", "20571034",
            "SD Negeri 1 Sukamaju", kadis, "196811021993032004", kadis, "",
        ])
        #expect(rows[3].fields == [
            "196811021993032004", "pns", "Dra. Sri Rahayu Ningsih, M.Pd.", "pengawas_sekolah", "", "", "", kadis,
            "197002111997031004", kadis, "20571034|20571035|20571036",
        ])
        #expect(rows[4].line == 7 && rows[4].fields[4] == "TRUE")
    }

    @Test("an 18-digit NIP in a number cell refuses its row, naming the cell", arguments: [openpyxl, libreOffice])
    func nipStoredAsNumber(_ file: String) throws {
        let row = try Fixture.table(file, sheet: "Roster").rows[2]
        let refusal = try #require(row.refusal)
        #expect(refusal.line == 4)
        #expect(refusal.message(in: .indonesian) == "kolom id (sel A4): angka lebih dari 15 digit (seperti NIP) tersimpan sebagai angka dan kehilangan digit; format kolom sebagai Teks lalu ketik ulang")
        #expect(refusal.message(in: .english) == "column id (cell A4): a number of more than 15 digits (such as a NIP) is stored as a number and has lost digits; format the column as Text and type it again")
    }

    @Test("formulas: LibreOffice's cached values, text and number, and its error value")
    func formulasWithValues() throws {
        let rows = try Fixture.table(Self.libreOffice, sheet: "Roster").rows
        #expect(rows[1].refusal == nil)
        #expect(rows[1].fields[4...6] == ["", "20571035", "SD Negeri 2 Sukamaju"])
        #expect(rows[5].refusal?.message(in: .english) == "column npsn (cell F8): the formula gives the error #DIV/0!; fix the formula or type the value")
        #expect(rows[5].refusal?.line == 8)
    }

    @Test("formulas written by a script without their value refuse their rows")
    func formulasWithoutValues() throws {
        let rows = try Fixture.table(Self.openpyxl, sheet: "Roster").rows
        #expect(rows[1].refusal?.message(in: .indonesian) == "kolom npsn (sel F3): rumus tanpa nilai tersimpan; buka berkas di spreadsheet lalu simpan ulang agar nilainya dihitung")
        #expect(rows[5].refusal?.message(in: .english) == "column npsn (cell F8): a formula without a stored value; open the file in a spreadsheet and save it again so that its value is computed")
    }

    @Test("the roster parser reports the refused rows with the parser's own problems, by sheet row")
    func rosterImport() throws {
        let parsed = RosterParser.parse(try Fixture.table(Self.libreOffice, sheet: "Roster"))
        #expect(parsed.lines.map(\.line) == [2, 3, 5])
        #expect(parsed.lines.map(\.position.namaSekolah) == ["SD Negeri 1 Sukamaju", "SD Negeri 2 Sukamaju", nil])
        #expect(parsed.lines[1].position.key.npsn?.rawValue == "20571035")
        #expect(parsed.problems.map(\.line) == [4, 7, 8])
        #expect(parsed.problems[1].message(in: .indonesian) == "jabatan 'TRUE' tidak dikenal; gunakan definitif atau plt")
    }

    @Test("date cells become YYYY-MM-DD whatever their format; a serial without one stays a number", arguments: [openpyxl, libreOffice])
    func progressDates(_ file: String) throws {
        let table = try Fixture.table(file, sheet: "Progres")
        let rows = try table.rows
        #expect(rows.map { $0.fields[5] }.prefix(5) == ["2026-07-08", "2026-07-14", "2026-07-02", "2026-07-10", "46216"])
        #expect(rows[0].fields[6] == "RHK disetujui atasan", "rich text runs read as one text")
        #expect(rows[2].fields[1] == "", "B4 is not written")
        let parsed = ProgressParser.parse(table)
        #expect(parsed.lines.prefix(4).map(\.date.description) == ["2026-07-08", "2026-07-14", "2026-07-02", "2026-07-10"])
        #expect(parsed.problems.first?.line == 6)
        #expect(parsed.problems.first?.message(in: .english) == "tanggal '46216' is not a date YYYY-MM-DD")
    }

    @Test("a date from a formula: its cached value in its date format")
    func dateFormula() throws {
        #expect(try Fixture.table(Self.libreOffice, sheet: "Progres").rows[5].fields[5] == "2026-07-13")
        #expect(try Fixture.table(Self.openpyxl, sheet: "Progres").rows[5].refusal?.line == 7)
    }
}
