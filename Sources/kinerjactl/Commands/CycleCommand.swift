import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle", abstract: Language.t("Siklus dan batas waktunya.", "Cycles (siklus) and their deadlines."),
        subcommands: [Show.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Language.t(
                "Tampilkan tanggal siklus dan batas setiap langkah, per peran.",
                "Show a cycle's dates and the deadline of every step, per role."),
            discussion: Language.t(
                "SIKLUS ditulis TAHUN-1 (Januari–Juni) atau TAHUN-2 (Juli–Desember); bawaan: siklus yang sedang berjalan.\n\n",
                "CYCLE is YEAR-1 (January–June) or YEAR-2 (July–December); default: the current cycle.\n\n")
                + HelpExamples.list("cycle show 2026-2"))

        @OptionGroup var global: GlobalOptions
        @Argument(help: .text("Siklusnya, mis. 2026-2.", "The cycle, e.g. 2026-2.", value: Placeholder.cycle)) var cycle: String?

        func validate() throws {
            try checked { if let cycle { try ArgumentSyntax.cycle(cycle, Placeholder.argument(Placeholder.cycle)) } }
        }

        func run() throws {
            let info = try global.run { try $0.call(Kinerja.ShowCycle.self, .init(cycle: cycle)).cycle }
            if global.json { return try Printer.json(info) }
            Printer.out("\(Language.t("siklus", "cycle")) \(info.cycle): \(info.start) – \(info.end) (\(Language.t("aturan", "rules")) \(info.rulesYear))")
            Printer.out("\(Language.t("batas perencanaan", "planning deadline")): \(info.planningDeadline)")
            for ext in info.extensions { Printer.out("\(Language.t("perpanjangan", "extension")): \(Language.t(Vocabulary.deadlineExtension(ext)))") }
            if let p = info.preconditions { Printer.out("\(Language.t("tahap 1–2", "stages 1–2")): \(PreconditionsCommand.line(p))") }
            var table = Table([Language.t("PERAN", "ROLE"), Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE")])
            for d in info.deadlines { table.add([Language.t(Vocabulary.roles[d.role]), Language.t(Vocabulary.steps[d.step]), d.due]) }
            table.print(legend: global.legend)
        }
    }
}
