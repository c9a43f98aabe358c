import KinerjactlCore
import Testing

/// ArgumentParser's own words around kinerjactl's texts, in Indonesian. The inputs are what
/// swift-argument-parser 1.8.2 writes; the end-to-end tests check the real help screens.
@Suite("ArgumentParser's words in Indonesian")
struct ArgumentParserWordsTests {
    @Test("a help screen: headings, the help flag, defaults, the closing hint; usage lines hang under the command")
    func helpScreen() {
        let english = """
            OVERVIEW: Siklus dan batas waktunya.

            USAGE: kinerjactl cycle show [--socket <jalur>] [--json] [--no-legend]
                   [--timeout <detik>] [<siklus>]

            ARGUMENTS:
              <siklus>                Siklusnya, mis. 2026-2.

            OPTIONS:
              --timeout <detik>       Berapa detik menunggu kinerjad. (default: 30)
              -h, --help              Show help information.

            SUBCOMMANDS:
              show (default)          Tampilkan tanggal siklus.
              help                    Show subcommand help information.

              See 'kinerjactl help cycle <subcommand>' for detailed help.
            """
        #expect(ArgumentParserWords.indonesian(english) == """
            IKHTISAR: Siklus dan batas waktunya.

            PEMAKAIAN: kinerjactl cycle show [--socket <jalur>] [--json] [--no-legend]
                       [--timeout <detik>] [<siklus>]

            ARGUMEN:
              <siklus>                Siklusnya, mis. 2026-2.

            OPSI:
              --timeout <detik>       Berapa detik menunggu kinerjad. (bawaan: 30)
              -h, --help              Tampilkan bantuan ini.

            SUBPERINTAH:
              show (bawaan)           Tampilkan tanggal siklus.
              help                    Tampilkan bantuan subperintah.

              Lihat 'kinerjactl help cycle <subperintah>' untuk bantuan lengkap.
            """)
    }

    @Test("a usage error: the message, the usage line and the hint")
    func usageErrors() {
        let cases: [(String, String)] = [
            ("kinerjactl: Missing expected argument '<siklus>'", "kinerjactl: Argumen belum diberikan: '<siklus>'"),
            ("kinerjactl: Unknown option '--bogus'", "kinerjactl: Opsi tidak dikenal: '--bogus'"),
            ("kinerjactl: Unknown option '--overdu'. Did you mean '--overdue'?", "kinerjactl: Opsi tidak dikenal: '--overdu'. Maksudnya '--overdue'?"),
            ("kinerjactl: Unexpected argument 'x'", "kinerjactl: Argumen tidak dikenal: 'x'"),
            ("kinerjactl: Missing value for '--until <TTTT-BB-HH>'", "kinerjactl: Nilai belum diberikan untuk '--until <TTTT-BB-HH>'"),
            ("kinerjactl: The value 'x' is invalid for '--limit <n>'", "kinerjactl: Nilai 'x' tidak sah untuk '--limit <n>'"),
            ("kinerjactl: Missing required subcommand.", "kinerjactl: Subperintah belum diberikan."),
            ("Usage: kinerjactl history [<options>] <subjek>", "Pemakaian: kinerjactl history [<opsi>] <subjek>"),
            ("  See 'kinerjactl history --help' for more information.", "  Lihat 'kinerjactl history --help' untuk keterangan lebih lanjut."),
        ]
        for (english, indonesian) in cases { #expect(ArgumentParserWords.indonesian(english) == indonesian) }
    }

    @Test("kinerjactl's own Indonesian passes unchanged")
    func ownWords() {
        let text = "kinerjactl: --from: '2026-13-01' bukan tanggal; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2026-12-01"
        #expect(ArgumentParserWords.indonesian(text) == text)
    }
}
