import ArgumentParser
import KinerjaRPC

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks", abstract: "Reminder hooks: the executables that send the actual messages.",
        discussion: """
        A hook is an executable in hooks_directory (kinerja.toml), run for each fired reminder in name order,
        with one JSON line on stdin ("api": 1) and KINERJA_* environment variables. Exit 0: delivered;
        exit 75: retried later with backoff; anything else: failed. config/hooks.d has an example.
        """,
        subcommands: [List.self, Test.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The hooks, in the order they run.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let hooks = try global.run { try $0.call(Kinerja.ListHooks.self).hooks }
            if global.json { return try Printer.json(hooks) }
            var table = Table([Language.t("NAMA", "NAME"), Language.t("BERKAS", "PATH"), Language.t("DIJALANKAN", "RUNS")])
            for h in hooks {
                let runs = h.skipped.map { Language.t("tidak, dilewati: ", "no, skipped: ") + $0 }
                    ?? (h.executable ? Language.t("ya", "yes") : Language.t("tidak, tidak dapat dijalankan", "no, not executable"))
                table.add([h.name, h.path, runs])
            }
            Printer.out(table.render(legend: global.legend))
            for h in hooks where h.skipped != nil {
                Printer.err(Language.t("kinerjactl: peringatan: hook \(h.name) dilewati", "kinerjactl: warning: hook \(h.name) is skipped"))
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run one hook with a sample reminder and show what happened (nothing is recorded).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The hook's file name.", valueName: "name")) var name: String

        func run() throws {
            let result = try global.run { try $0.call(Kinerja.TestHook.self, .init(name: name)).result }
            if global.json { return try Printer.json(result) }
            Printer.out("\(result.hook): \(result.outcome) (exit \(result.exitCode.map(String.init) ?? "-"), \(result.milliseconds) ms)")
            if !result.stderr.isEmpty {
                Printer.out("stderr:")
                for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false) { Printer.out("  \(line)") }
            }
            if result.outcome != "delivered" { throw Exit.refused }
        }
    }
}
