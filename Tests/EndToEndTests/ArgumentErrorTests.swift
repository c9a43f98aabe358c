import Foundation
import Testing

/// A mistyped value is a usage error (exit 2), found before any call, whose message names the
/// value and what is accepted. Run with no daemon at all: nothing is asked of one.
@Suite("kinerjactl refuses a bad value before any call")
struct ArgumentErrorTests {
    static let cases: [(arguments: [String], names: [String])] = [
        (["cycle", "show", "2026-3"], ["'2026-3'", "TAHUN-1", "TAHUN-2"]),
        (["reminders", "preview", "--from", "2026-13-01"], ["--from", "'2026-13-01'", "TTTT-BB-HH"]),
        (["reminders", "list", "--since", "1 Desember"], ["--since", "'1 Desember'"]),
        (["plan", "complete", "196811021993032004", "observasi2"], ["'observasi2'", "praktik-kinerja", "refleksi-tindak-lanjut"]),
        (["plan", "block", "196811021993032004", "--cause", "rhk"], ["--cause", "'rhk'", "rhk-atasan", "plotting-tim-kinerja"]),
        (["people", "list", "--role", "guru"], ["--role", "'guru'", "kepala_sekolah", "pengawas_sekolah"]),
        (["people", "list", "--step", "observation"], ["--step", "'observation'", "observasi"]),
        (["report", "compliance", "--cycle", "2026"], ["--cycle", "'2026'"]),
        (["plan", "show", "2026-3/196811021993032004/ps"], ["'2026-3'"]),
        (["reminders", "deliveries", "--state", "done"], ["--state", "'done'", "delivered"]),
        (["reminders", "list", "--state", "planned"], ["--state", "'planned'", "fired", "missed", "silenced"]),
        (["plan", "complete", "197303291999021002", "refleksi-tindak-lanjut", "--refleksi", "upaya-belajar=baik"], ["'baik'", "sesuai-ekspektasi"]),
        (["silence", "add", "--person", "197410051999031002", "--until", "2026-12-32", "--reason", "cuti"], ["--until", "'2026-12-32'"]),
        (["status", "--timeout", "0"], ["--timeout"]),
    ]

    @Test("exit 2, naming the value and what is accepted, in Bahasa Indonesia and in English")
    func badValues() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { TestEnvironment.removeTree(directory) }
        let nobody = CLI(socket: directory + "/no-daemon.sock", language: nil)
        for (arguments, names) in Self.cases {
            let result = try nobody.run(arguments)
            #expect(result.status == 2, "\(result)")
            for name in names { #expect(result.stderr.contains(name), "\(name) not named: \(result)") }
            #expect(!result.stderr.contains("tidak dapat dihubungi"), "checked before any call: \(result)")
        }
        let english = try CLI(socket: directory + "/no-daemon.sock").run(["cycle", "show", "2026-3"])
        #expect(english.status == 2 && english.stderr.contains("'2026-3' is not a cycle; write YEAR-1 (January–June) or YEAR-2"), "\(english)")
    }
}
