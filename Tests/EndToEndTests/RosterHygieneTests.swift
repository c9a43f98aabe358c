import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, finding 8: what a roster can carry to the daemon and on to an administrator's
/// terminal. Control characters, overlong fields and rings of atasan are refused by line;
/// and what the terminal gets from the daemon (a name stored before, a hook's stderr) has
/// its control characters escaped by kinerjactl.
@Suite("Roster hygiene", .timeLimit(.minutes(3)))
struct RosterHygieneTests {
    static let header = "id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan\n"
    static let kadis = "196808141994031005"
    static let a = "198609262015051001", b = "197501012000031002"

    @Test("a NUL, an escape sequence, a 100,000-character name and a ring A → B → A: refused by line, nothing written")
    func refusedByLine() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let file = daemon.directory + "/roster.csv"
        let rows = [
            "\(Self.a),pns,Budi\u{0}Santoso,pengawas_sekolah,,,,\(Self.kadis),,\(Self.kadis),",
            "197002141993032002,pns,\u{1B}]0;pwned\u{7}\u{1B}[2J Siti,pengawas_sekolah,,,,\(Self.kadis),,\(Self.kadis),",
            "197107091996031003,pns,\(String(repeating: "a", count: 100_000)),pengawas_sekolah,,,,\(Self.kadis),,\(Self.kadis),",
            "\(Self.b),pns,Ani,pengawas_sekolah,,,,197812012005012004,,\(Self.kadis),",
            "197812012005012004,pns,Neneng,pengawas_sekolah,,,,\(Self.b),,\(Self.kadis),",
        ]
        try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "roster", file])
        #expect(result.status == 1, "rejected: \(result.stderr.prefix(2000))")
        // The daemon's words follow the caller's language (KINERJA_LANG=en here), as kinerjactl's frame does.
        for (line, words) in [(2, "control character U+0000"), (3, "control character U+001B"), (4, "100000 characters; at most 200"),
                              (5, "chain of superiors comes back to this person"), (6, "chain of superiors comes back to this person")] {
            #expect(result.stderr.contains("line \(line): ") && result.stderr.contains(words), "line \(line) \(words): \(result.stderr.prefix(3000))")
        }
        #expect(!result.stderr.utf8.contains(0x1B) && !result.stderr.utf8.contains(0), "no raw control byte reaches the terminal")
        #expect(try cli.people(["--all"]).isEmpty, "nothing written")
    }

    @Test("a name stored with an escape sequence and a hook's stderr reach the terminal escaped")
    func terminalOutputIsEscaped() throws {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, configCopy: true)
        let hooks = daemon.directory + "/hooks.d"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "\(TestEnvironment.packageRoot)/config/hooks.d", with: hooks)
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try "#!/bin/sh\ncat > /dev/null\nprintf '\\033[2J\\033[31mfake\\nkinerjactl: all delivered\\n' >&2\nexit 1\n"
            .write(toFile: hooks + "/10-noisy", atomically: true, encoding: .utf8)
        chmod(hooks + "/10-noisy", 0o755)
        try daemon.start()
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        // As a store written before names were checked holds it.
        let store = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite")
        _ = try store.rows("UPDATE person SET nama = 'Heru' || char(27) || '[2J' || char(10) || 'Kepala Dinas' WHERE id = '198201192009031004';")
        _ = daemon.stop()
        try daemon.start()

        for arguments in [["people", "list"], ["people", "show", "198201192009031004"], ["hooks", "test", "10-noisy"]] {
            let result = try cli.run(arguments)
            let output = result.stdout + result.stderr
            #expect(!output.utf8.contains(0x1B), "\(arguments): a raw escape reached the terminal: \(output.debugDescription.prefix(400))")
            #expect(output.contains("\\x1B[2J"), "\(arguments): shown escaped: \(output.prefix(2000))")
        }
        let people = try cli.run(["people", "list", "--no-legend"])
        #expect(!people.stdout.split(separator: "\n").contains { $0.hasPrefix("Kepala Dinas") }, "a name cannot start a line of its own")
        let json = try cli.run(["people", "show", "198201192009031004", "--json"])
        #expect(json.stdout.contains(#"\u001b[2J\nKepala Dinas"#), "--json keeps the name, escaped as JSON: \(json.stdout.prefix(500))")
    }
}
