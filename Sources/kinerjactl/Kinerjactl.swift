import ArgumentParser
import KinerjactlCore
#if canImport(Glibc)
import Glibc
#endif

/// The C exit, named apart from ArgumentParser's `exit(withError:)`.
func cExit(_ code: Int32) -> Never { Glibc.exit(code) }

/// kinerjactl: the administrators' command line for kinerjad, speaking Varlink over the
/// daemon's Unix socket. A thin front: every answer comes from the daemon.
@main
struct Kinerjactl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerjactl",
        abstract: Language.t(
            "Pengelolaan Kinerja kepala sekolah dan pengawas sekolah: status, rencana, impor, laporan.",
            "Pengelolaan Kinerja of school principals and supervisors: status, plans, imports, reports."),
        discussion: Language.t(
            """
            Berbicara dengan kinerjad melalui soket Varlink-nya (--socket, $KINERJA_SOCKET, bawaan /run/kinerja/kinerja.sock).
            Membaca boleh bagi siapa pun yang dapat membuka soket (grup kinerja); mengubah hanya root, pengguna kinerjad atau grup admin (admin_group).
            Hasil ke stdout (tabel, atau --json), pesan ke stderr. KINERJA_LANG=en untuk bahasa Inggris.

            Kode keluar:
              0 selesai
              1 ditolak kinerjad (masukan salah, perubahan atau impor ditolak)
              2 salah pemakaian (opsi atau nilai salah, berkas tidak terbaca)
              3 kinerjad tidak dapat dihubungi, atau tidak menjawab tepat waktu
              4 tidak ada izin (membuka soket, atau mengubah data)
            """,
            """
            Talks to kinerjad over its Varlink socket (--socket, $KINERJA_SOCKET, default /run/kinerja/kinerja.sock).
            Reading is open to whoever may open the socket (group kinerja); changes need root, the kinerjad user or the admin group (admin_group).
            Results go to stdout (tables, or --json), messages to stderr. KINERJA_LANG=en for English.

            Exit codes:
              0 done
              1 refused by the daemon (bad input, refused change or import)
              2 usage error (bad option or value, unreadable file)
              3 the daemon is not reachable, or did not answer in time
              4 permission denied (opening the socket, or changing data)
            """) + "\n\n" + HelpExamples.list(
                "import roster config/examples/roster.csv", "people list --overdue",
                "plan complete 197812012005012004 praktik-kinerja \\\n      --date 2026-07-20 --praktik-kinerja d3-visi-misi"),
        subcommands: [
            StatusCommand.self, CycleCommand.self, PeopleCommand.self, PlanCommand.self, HistoryCommand.self,
            ReportCommand.self, ImportCommand.self, PreconditionsCommand.self, BackupCommand.self, RemindersCommand.self, SilenceCommand.self, HooksCommand.self,
        ])

    /// ArgumentParser's usage errors begin as kinerjactl's own messages do.
    static var _errorPrefix: String { "kinerjactl: " }

    /// Runs the command with the documented exit codes: a usage mistake is 2 (ArgumentParser's
    /// own code for a failed validation is 64). Help and usage errors come in kinerjactl's
    /// language, ArgumentParser's own words included (``ArgumentParserWords``).
    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.movedBehindSubcommand(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser's message and usage lines, about what was typed here.
                Printer.err(TerminalText(safe: inLanguage(fullMessage(for: error))))
                cExit(Exit.usage.rawValue)
            }
            if code == .success, !Language.english {
                let text = fullMessage(for: error)
                // Completion scripts and --experimental-dump-help's JSON pass unchanged.
                if isHelpScreen(text) {
                    Printer.out(TerminalText(safe: ArgumentParserWords.indonesian(text)))
                    cExit(0)
                }
            }
            exit(withError: error)
        }
    }

    static func inLanguage(_ text: String) -> String { Language.english ? text : ArgumentParserWords.indonesian(text) }

    /// A help screen begins with its overview or its usage line.
    static func isHelpScreen(_ text: String) -> Bool { text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ") }
}
