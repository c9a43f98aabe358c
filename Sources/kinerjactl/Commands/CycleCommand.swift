import ArgumentParser
import KinerjaRPC

struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle", abstract: "Cycles (siklus) and their deadlines.", subcommands: [Show.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a cycle's dates and the deadline of every step, per role.",
            discussion: "CYCLE is YYYY-1 (January–June) or YYYY-2 (July–December); default: the current cycle.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The cycle, e.g. 2026-2.", valueName: "cycle")) var cycle: String?

        func run() throws {
            let info = try global.run { try $0.call(Kinerja.ShowCycle.self, .init(cycle: cycle)).cycle }
            if global.json { return try Printer.json(info) }
            Printer.out("\(Language.t("siklus", "cycle")) \(info.cycle): \(info.start) – \(info.end) (\(Language.t("aturan", "rules")) \(info.rulesYear))")
            Printer.out("\(Language.t("batas perencanaan", "planning deadline")): \(info.planningDeadline)")
            for ext in info.extensions { Printer.out("\(Language.t("perpanjangan", "extension")): \(ext)") }
            var table = Table([Language.t("PERAN", "ROLE"), Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE")])
            for d in info.deadlines { table.add([d.role, d.step, d.due]) }
            table.print(legend: global.legend)
        }
    }
}
