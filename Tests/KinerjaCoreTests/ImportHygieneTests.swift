import Testing
@testable import KinerjaCore

/// Issue 14, finding 8: what a roster or progress file may hold. No control characters (a
/// NUL cut a name short; escape sequences and line breaks reached terminals and the journal
/// raw), no field longer than its column allows, no file longer than one import takes, and
/// no ring of atasan.
@Suite("Import hygiene")
struct ImportHygieneTests {
    static let header = "id,nama,peran,atasan_id\n"
    static let a = "198609262015051001", b = "197501012000031002", c = "196808141994031005", d = "197002141993032002"

    static func roster(_ rows: [String]) -> (lines: [RosterLine], problems: [ImportProblem]) {
        RosterParser.parse(header + rows.joined(separator: "\n") + "\n")
    }

    static func messages(_ problems: [ImportProblem]) -> [String] { problems.map { "\($0.line): \($0.message(in: .english))" } }

    @Test("a NUL, an escape sequence or a line break in a name is refused at its line, naming the column")
    func controlCharacters() {
        for name in ["Budi\u{0}Santoso", "\u{1B}[31mBudi\u{1B}[0m", "\"Budi\nKepala Dinas: approved\"", "Budi\u{85}", "Budi\u{7F}"] {
            let parsed = Self.roster(["\(Self.a),\(name),pengawas_sekolah,"])
            #expect(parsed.lines.isEmpty, "\(name.debugDescription) accepted")
            #expect(Self.messages(parsed.problems).first?.hasPrefix("2: the column nama holds the control character U+") == true,
                    "\(Self.messages(parsed.problems))")
        }
        let nul = Self.roster(["\(Self.a),Budi\u{0}Santoso,pengawas_sekolah,"])
        #expect(Self.messages(nul.problems) == ["2: the column nama holds the control character U+0000, which cannot be printed; remove it from the file"])
        let note = ProgressParser.parse("id,siklus,langkah,status,tanggal,catatan\n\(Self.a),2026-2,penyusunan,dikembalikan,2026-07-10,\"target\nbelum realistis\"\n")
        #expect(note.problems.isEmpty && note.lines.count == 1, "a note may run over lines: \(note.problems)")
        let bell = ProgressParser.parse("id,siklus,langkah,status,tanggal,catatan\n\(Self.a),2026-2,penyusunan,dikembalikan,2026-07-10,alasan\u{7}\n")
        #expect(bell.lines.isEmpty && bell.problems.count == 1)
    }

    @Test("names of 200 characters pass, 201 and 100,000 are refused; ids over 64 characters too")
    func lengths() {
        let fits = Self.roster(["\(Self.a),\(String(repeating: "é", count: 200)),pengawas_sekolah,"])
        #expect(fits.problems.isEmpty && fits.lines.first?.person.nama.count == 200)
        for length in [201, 100_000] {
            let parsed = Self.roster(["\(Self.a),\(String(repeating: "a", count: length)),pengawas_sekolah,"])
            #expect(Self.messages(parsed.problems) == ["2: the column nama has \(length) characters; at most 200"])
        }
        let id = String(repeating: "X", count: 65)
        let long = RosterParser.parse("id,kepegawaian,nama,peran\n\(id),non_asn,Budi,pengawas_sekolah\n")
        #expect(Self.messages(long.problems) == ["2: the id has 65 characters; at most 64"])
        #expect(throws: PersonIDError.tooLong(length: 65)) { try PersonID(validating: id) }
    }

    @Test("a table of more than 500,000 rows is refused, a CSV before it is read into rows")
    func rowBound() throws {
        let rows = String(repeating: "\(Self.a),Budi,pengawas_sekolah,\n", count: 10)
        let fits = try CSVTable(parsing: Self.header + rows)
        #expect(CSVRecord.parse(fits, columns: RosterParser.columns, required: ["id"], maxRows: 10) { $0.line }.lines.count == 10)
        let over = CSVRecord.parse(try CSVTable(parsing: Self.header + rows + "x\n"), columns: RosterParser.columns, required: ["id"], maxRows: 10) {
            $0.line
        }
        #expect(over.lines.isEmpty && Self.messages(over.problems) == [
            "12: the file has more than 10 rows; split it into several files and import them one by one",
        ])
        let country = RosterParser.parse(Self.header + String(repeating: "x\n", count: CSVTable.maxRows + 1))
        #expect(Self.messages(country.problems) == [
            "500002: the file has more than 500000 rows; split it into several files and import them one by one",
        ])
        #expect(throws: ImportProblem.self, "counted before any row is made") {
            try CSVTable(parsing: Self.header + String(repeating: "x\n", count: CSVTable.maxRows + 1))
        }
    }

    static func line(_ person: String, atasan: String?, _ number: Int) -> RosterLine {
        RosterLine(
            line: number, person: Person(id: PersonID(trusted: person), nama: "P \(number)", kepegawaian: .pns),
            position: Position(key: PositionKey(personID: PersonID(trusted: person), role: .pengawasSekolah, npsn: nil),
                               atasanID: atasan.map(PersonID.init(trusted:))))
    }

    @Test("A → B → A and A → B → C → A are refused at every row that closes the ring; a chain is not")
    func ringsInTheFile() {
        let two = AtasanCycles.problems(lines: [Self.line(Self.a, atasan: Self.b, 2), Self.line(Self.b, atasan: Self.a, 3)], existing: [])
        #expect(Self.messages(two) == [
            "2: atasan_id: the chain of superiors comes back to this person (\(Self.a) → \(Self.b) → \(Self.a)); nobody can be their own superior's superior",
            "3: atasan_id: the chain of superiors comes back to this person (\(Self.b) → \(Self.a) → \(Self.b)); nobody can be their own superior's superior",
        ])
        let three = AtasanCycles.problems(
            lines: [Self.line(Self.a, atasan: Self.b, 2), Self.line(Self.b, atasan: Self.c, 3), Self.line(Self.c, atasan: Self.a, 4),
                    Self.line(Self.d, atasan: Self.a, 5)],
            existing: [])
        #expect(three.map(\.line) == [2, 3, 4], "the row that only hangs from the ring is fine: \(Self.messages(three))")
        let chain = AtasanCycles.problems(
            lines: [Self.line(Self.a, atasan: Self.b, 2), Self.line(Self.b, atasan: Self.c, 3), Self.line(Self.c, atasan: nil, 4)], existing: [])
        #expect(chain.isEmpty)
    }

    @Test("a ring through a stored person the file does not name is refused; the file's own rows replace what is stored")
    func ringsThroughTheStore() {
        let stored = AtasanLink(person: PersonID(trusted: Self.b), atasan: PersonID(trusted: Self.a))
        let closing = AtasanCycles.problems(lines: [Self.line(Self.a, atasan: Self.b, 2)], existing: [stored])
        #expect(closing.map(\.line) == [2])
        let renamed = AtasanCycles.problems(lines: [Self.line(Self.a, atasan: Self.b, 2), Self.line(Self.b, atasan: Self.c, 3)], existing: [])
        #expect(renamed.isEmpty, "B's row in the file takes the place of B's stored atasan")
    }
}
