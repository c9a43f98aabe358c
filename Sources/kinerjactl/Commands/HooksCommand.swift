import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: Language.t("Hook pengingat: program yang mengirim pesannya.", "Reminder hooks: the executables that send the actual messages."),
        discussion: Language.t(
            """
            Hook adalah program di hooks_directory (kinerja.toml), dijalankan untuk setiap pengingat yang terkirim menurut urutan nama,
            dengan satu baris JSON di stdin ("api": 1) dan variabel lingkungan KINERJA_*. Keluar 0: terkirim;
            keluar 75: diulang nanti dengan jeda yang makin panjang; selain itu: gagal. config/hooks.d berisi contohnya.
            """,
            """
            A hook is an executable in hooks_directory (kinerja.toml), run for each fired reminder in name order,
            with one JSON line on stdin ("api": 1) and KINERJA_* environment variables. Exit 0: delivered;
            exit 75: retried later with backoff; anything else: failed. config/hooks.d has an example.
            """) + "\n\n" + HelpExamples.list("hooks list", "hooks test 50-append-to-file"),
        subcommands: [List.self, Test.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Language.t("Daftar hook, menurut urutan dijalankan.", "The hooks, in the order they run."))
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
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: Language.t(
                "Jalankan satu hook dengan contoh pengingat dan tampilkan hasilnya (tidak ada yang dicatat).",
                "Run one hook with a sample reminder and show what happened (nothing is recorded)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .text("Nama berkas hooknya.", "The hook's file name.", value: Placeholder.name)) var name: String

        func run() throws {
            let result = try global.run { try $0.call(Kinerja.TestHook.self, .init(name: name)).result }
            if global.json { return try Printer.json(result) }
            Printer.out("\(result.hook): \(Language.t(Vocabulary.hookOutcomes[result.outcome])) (\(Language.t("kode keluar", "exit")) \(result.exitCode.map(String.init) ?? "-"), \(result.milliseconds) ms)")
            if !result.stderr.isEmpty {
                Printer.out("stderr:")
                for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false) { Printer.out("  \(line)") }
            }
            if result.outcome != HookTestOutcome.delivered.rawValue { throw Exit.refused }
        }
    }
}
