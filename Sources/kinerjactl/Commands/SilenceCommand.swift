import ArgumentParser
import KinerjaRPC

struct SilenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence", abstract: "Stop reminders for a person or a school until a date, without losing them.",
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Silence a person (--person) or a school (--npsn) until a date, with a reason.",
            discussion: "Example: kinerjactl silence add --person 197410051999031002 --until 2026-12-15 --reason \"cuti sakit\"")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("A person id.", valueName: "id")) var person: String?
        @Option(help: ArgumentHelp("A school's NPSN.", valueName: "npsn")) var npsn: String?
        @Option(help: ArgumentHelp("Last silent day.", valueName: "YYYY-MM-DD")) var until: String
        @Option(help: ArgumentHelp("Why (kept in the audit history).", valueName: "text")) var reason: String

        func validate() throws {
            if (person == nil) == (npsn == nil) { throw ValidationError("give --person or --npsn, one of them") }
        }

        func run() throws {
            let silence = try global.run { try $0.call(Kinerja.AddSilence.self, .init(person: person, npsn: npsn, until: until, reason: reason)).silence }
            if global.json { return try Printer.json(silence) }
            Printer.out(SilenceCommand.table([silence]).render(legend: global.legend))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Silences active today (--all: every silence, ended ones too).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include ended and removed silences.") var all = false

        func run() throws {
            let silences = try global.run { try $0.callInPieces(Kinerja.ListSilences.self, .init(all: all ? true : nil)) { $0.silences += $1.silences }.silences }
            if global.json { return try Printer.json(silences) }
            Printer.out(SilenceCommand.table(silences).render(legend: global.legend))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "End a silence now (it stays in the history).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The silence id.", valueName: "id")) var id: Int

        func run() throws {
            let silence = try global.run { try $0.call(Kinerja.RemoveSilence.self, .init(id: id)).silence }
            if global.json { return try Printer.json(silence) }
            Printer.out(SilenceCommand.table([silence]).render(legend: global.legend))
        }
    }

    static func table(_ silences: [SilenceItem]) -> Table {
        var table = Table(["ID", Language.t("SUBJEK", "SUBJECT"), Language.t("SAMPAI", "UNTIL"), Language.t("ALASAN", "REASON"), Language.t("OLEH", "BY"), Language.t("DIHAPUS", "REMOVED")])
        for s in silences {
            table.add(["\(s.id)", s.person ?? "npsn \(s.npsn ?? "-")", s.until, s.reason, s.createdBy, Printer.cell(s.removedAt)])
        }
        return table
    }
}
