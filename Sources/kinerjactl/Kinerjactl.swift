import ArgumentParser
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
        abstract: "Pengelolaan Kinerja kepala sekolah dan pengawas sekolah: status, rencana, impor, laporan.",
        discussion: """
        Talks to kinerjad over its Varlink socket (--socket, $KINERJA_SOCKET, default /run/kinerja/kinerja.sock).
        Reading is open to whoever may connect; changes need root, the kinerjad user or the admin group.
        Results go to stdout (tables, or --json), messages to stderr. Set KINERJA_LANG=en for English.

        Exit codes: 0 ok; 1 refused by the daemon (named error); 2 usage error;
        3 daemon not reachable or no answer in time; 4 permission denied.

        Examples:
          kinerjactl import roster config/examples/roster.csv
          kinerjactl people list --overdue
          kinerjactl plan complete 198609262015051001 praktik-kinerja --date 2026-07-20
        """,
        subcommands: [
            StatusCommand.self, CycleCommand.self, PeopleCommand.self, PlanCommand.self, HistoryCommand.self,
            ReportCommand.self, ImportCommand.self, BackupCommand.self, RemindersCommand.self, SilenceCommand.self, HooksCommand.self,
        ])

    /// Runs the command with the documented exit codes: a usage mistake is 2 (ArgumentParser's
    /// own code for a failed validation is 64).
    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.movedBehindSubcommand(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser's message and usage lines, about what was typed here.
                Printer.err(TerminalText(safe: fullMessage(for: error)))
                cExit(Exit.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
