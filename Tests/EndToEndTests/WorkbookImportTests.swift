import Foundation
import KinerjaRPC
import KinerjaSampleData
import Testing

/// .xlsx workbooks through the real kinerjactl and kinerjad: the example district saved as
/// .xlsx by LibreOffice imports exactly as its CSVs do, a bad row is named by its sheet row,
/// a sheet is chosen by name, and a large workbook goes up in pieces like a large CSV.
@Suite("Importing .xlsx workbooks")
struct WorkbookImportTests {
    /// The workbooks made by Tests/KinerjaSheetsTests/Fixtures/make-fixtures.sh.
    static func fixture(_ name: String) -> String { TestEnvironment.packageRoot + "/Tests/KinerjaSheetsTests/Fixtures/" + name }

    static let handChecked = fixture("hand-checked-libreoffice.xlsx")

    @Test("pejabat.xlsx, roster.xlsx and progress.xlsx import as their CSVs: the same summaries, the same people list, the same officials")
    func sameAsCSV() throws {
        var seen: [[String]] = []
        var people: [[PositionSummary]] = []
        var supervisors: [[PositionSummary]] = []
        for (officials, roster, progress) in [
            (TestEnvironment.example("pejabat.csv"), TestEnvironment.example("roster.csv"), TestEnvironment.example("progress.csv")),
            (Self.fixture("pejabat.xlsx"), Self.fixture("roster.xlsx"), Self.fixture("progress.xlsx")),
        ] {
            let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
            let cli = CLI(daemon, language: nil)
            let officialsRun = try cli.run(["import", "officials", officials])
            let rosterRun = try cli.run(["import", "roster", roster])
            let progressRun = try cli.run(["import", "progress", progress])
            #expect(officialsRun.status == 0 && rosterRun.status == 0 && progressRun.status == 0, "\(officialsRun)\n\(rosterRun)\n\(progressRun)")
            let list = try cli.run(["people", "list", "--all"])
            seen.append([officialsRun.stdout, rosterRun.stdout, progressRun.stdout, list.stdout])
            people.append(try cli.people(["--all"]))
            // A supervisor's atasan, Tim Kinerja and Pejabat Penilai: officials, with their contacts.
            supervisors.append(try cli.json([PositionSummary].self, ["people", "show", "196909251995031003"]))
        }
        #expect(seen[0][0] == "4 dari 4 baris baik, disimpan: 4 baru, 0 diubah, 0 tetap; 0 pejabat tercatat tidak ada di berkas (tetap tercatat)\n")
        #expect(seen[0][1] == """
            35 dari 35 baris baik, disimpan: 69 baru, 0 diubah, 0 tetap, 0 dinonaktifkan
            0 orang aktif tidak ada di berkas dan tetap aktif; dengan --deactivate-missing mereka dinonaktifkan

            """)
        #expect(seen[0][2] == "200 dari 200 baris diterapkan, disimpan\n")
        #expect(seen[1] == seen[0])
        #expect(people[1] == people[0] && people[0].count == 35)
        #expect(supervisors[1] == supervisors[0] && supervisors[0].first?.parties.first?.nama == "Drs. H. Ahmad Syarifuddin, M.Si.", "\(supervisors)")
    }

    @Test("a workbook's bad rows named by sheet row; --dry-run and --skip-invalid as for a CSV")
    func badRowsBySheetRow() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon, language: nil)
        let rejected = try cli.run(["import", "roster", Self.handChecked, "--sheet", "Roster"])
        #expect(rejected.status == 1, "\(rejected)")
        #expect(rejected.stderr == """
            kinerjactl: impor ditolak, tidak ada yang disimpan:
              baris 4: kolom id (sel A4): angka lebih dari 15 digit (seperti NIP) tersimpan sebagai angka dan kehilangan digit; format kolom sebagai Teks lalu ketik ulang
              baris 7: jabatan 'TRUE' tidak dikenal; gunakan definitif atau plt
              baris 8: kolom npsn (sel F8): rumus menghasilkan galat #DIV/0!; perbaiki rumusnya atau ketik nilainya

            """, "\(rejected)")
        #expect(try cli.people(["--all"]).isEmpty)

        let dry = try CLI.decode(ImportResult.self, from: try cli.run(["import", "roster", Self.handChecked, "--sheet", "Roster", "--dry-run", "--json"]))
        #expect(dry.dryRun && !dry.applied && dry.rows == 6 && dry.goodRows == 3 && dry.problems.map(\.line) == [4, 7, 8])
        let dryText = try cli.run(["import", "roster", Self.handChecked, "--sheet", "Roster", "--dry-run"])
        #expect(dryText.stderr.contains("  baris 4: kolom id (sel A4)"), "\(dryText)")

        let skipped = try cli.importFile("roster", Self.handChecked, ["--sheet", "roster", "--skip-invalid"])
        #expect(skipped.applied && skipped.goodRows == 3 && skipped.added == 6, "\(skipped)")
        #expect(Set(try cli.people(["--all"]).map(\.id)) == ["197002141993032002", "197107091996031003", "196811021993032004"])

        // The progress sheet: dates from date cells and a formula; a serial number without a
        // date format and a person not in the roster refused, on their rows.
        let progress = try CLI.decode(ImportResult.self, from: try cli.run(["import", "progress", Self.handChecked, "--sheet", "Progres", "--dry-run", "--json"]))
        #expect(progress.transitions == 4 && progress.problems.map(\.line) == [6, 7], "\(progress)")
        #expect(progress.problems.first?.message == "tanggal '46216' bukan tanggal YYYY-MM-DD")
    }

    @Test("without --sheet the first sheet is read; a sheet that is not there, --sheet on a CSV, an .xls")
    func sheetChoice() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon, language: nil)
        let first = try cli.run(["import", "roster", Self.handChecked])
        #expect(first.status == 1 && first.stderr.contains("baris 1: kolom 'petunjuk pengisian' tidak dikenal"), "\(first)")
        let missing = try cli.run(["import", "roster", Self.handChecked, "--sheet", "Data"])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr == "kinerjactl: sheet: lembar 'Data' tidak ada; lembar yang ada: 'Petunjuk', 'Roster', 'Progres'\n")
        let english = try CLI(daemon).run(["import", "roster", TestEnvironment.example("roster.csv"), "--sheet", "Roster"])
        #expect(english.status == 2 && english.stderr.contains("--sheet is for an .xlsx workbook"), "\(english)")
        let xls = daemon.directory + "/roster.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        let old = try CLI(daemon).run(["import", "roster", xls])
        #expect(old.status == 2 && old.stderr.contains("is an .xls workbook (Excel 97–2003) or an .xlsx with a password"), "\(old)")
        #expect(try cli.people(["--all"]).isEmpty)
    }

    @Test("another Varlink client sends a workbook too: the Python reference client, its bytes in base64 and a sheet")
    func pythonClientSendsWorkbook() throws {
        let python = try InteropTests.python()
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.handChecked)).base64EncodedString()
        let call = try InteropTests.varlink(python, [
            "call", "unix:" + daemon.socketPath + "/id.kinerja.Kinerja.ImportRoster",
            try InteropTests.json(["content": bytes, "base64": true, "sheet": "Roster", "skipInvalid": true]),
        ])
        #expect(call.status == 0 && call.stderr.isEmpty, "\(call)")
        let result = try InteropTests.decode(Kinerja.ImportResultReply.self, call).result
        #expect(result.applied && result.goodRows == 3 && result.problems.map(\.line) == [4, 7, 8], "\(result)")
        #expect(try CLI(daemon).people().count == 3)
    }

    @Test("a 3,000-row workbook (over one message) goes up in pieces and reads as its CSV: every row unchanged")
    func largeWorkbookUploads() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let roster = GeneratedRoster(rows: 3_000, tag: "Sama")
        let csv = try cli.importFile("roster", try roster.write(to: daemon.directory + "/roster.csv"))
        #expect(csv.applied && csv.added > 0)
        let table = roster.csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var builder = WorkbookBuilder(sheets: [("Roster", WorkbookBuilder.sheet(table: table))])
        builder.deflated = false
        let data = try builder.data()
        #expect(data.count > 256 * 1024, "over the inline limit: \(data.count) bytes")
        let path = daemon.directory + "/roster.xlsx"
        try data.write(to: URL(fileURLWithPath: path))
        let xlsx = try cli.importFile("roster", path)
        #expect(xlsx.applied && xlsx.rows == 3_000 && xlsx.problems.isEmpty, "\(xlsx)")
        #expect(xlsx.unchanged == csv.added && xlsx.added == 0 && xlsx.updated == 0, "\(xlsx)")
    }
}
