import ArgumentParser
import KinerjaRPC
import KinerjactlCore

struct SilenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: Language.t(
            "Hentikan pengingat untuk seseorang atau sebuah sekolah sampai suatu tanggal, tanpa kehilangannya.",
            "Stop reminders for a person or a school until a date, without losing them."),
        discussion: HelpExamples.list(
            "silence add --person 197410051999031002 --until 2026-12-15 \\\n      --reason \"cuti sakit\"", "silence list", "silence remove 1",
            "silence list --all"),
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Language.t(
                "Bisukan seseorang (--person) atau sebuah sekolah (--npsn) sampai suatu tanggal, dengan alasannya.",
                "Silence a person (--person) or a school (--npsn) until a date, with a reason."),
            discussion: HelpExamples.see("silence"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text("Id seseorang.", "A person id.", value: Placeholder.id)) var person: String?
        @Option(help: .text("NPSN sebuah sekolah.", "A school's NPSN.", value: Placeholder.npsn)) var npsn: String?
        @Option(help: .text("Hari terakhir pengingat dibisukan.", "Last silent day.", value: Placeholder.date)) var until: String
        @Option(help: .text("Alasannya (disimpan di riwayat audit).", "Why (kept in the audit history).", value: Placeholder.text)) var reason: String

        func validate() throws {
            if (person == nil) == (npsn == nil) {
                throw ValidationError(Language.t("berikan --person atau --npsn, salah satunya", "give --person or --npsn, one of them"))
            }
            try checked { try ArgumentSyntax.date(until, Placeholder.option("--until")) }
        }

        func run() throws {
            let silence = try global.run { try $0.call(Kinerja.AddSilence.self, .init(person: person, npsn: npsn, until: until, reason: reason)).silence }
            if global.json { return try Printer.json(silence) }
            SilenceCommand.table([silence]).print(legend: global.legend)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Language.t(
                "Pembisuan yang berlaku hari ini (--all: semuanya, yang sudah berakhir juga).", "Silences active today (--all: every silence, ended ones too)."))
        @OptionGroup var global: GlobalOptions
        @Flag(help: .text("Termasuk pembisuan yang sudah berakhir atau dihapus.", "Include ended and removed silences.")) var all = false

        func run() throws {
            let silences = try global.run { try $0.callWhole(Kinerja.ListSilences.self, .init(all: all ? true : nil)).silences }
            if global.json { return try Printer.json(silences) }
            SilenceCommand.table(silences).print(legend: global.legend)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: Language.t("Akhiri sebuah pembisuan sekarang (tetap ada di riwayat).", "End a silence now (it stays in the history)."),
            discussion: HelpExamples.see("silence"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .text("Id pembisuannya.", "The silence id.", value: Placeholder.id)) var id: Int

        func run() throws {
            let silence = try global.run { try $0.call(Kinerja.RemoveSilence.self, .init(id: id)).silence }
            if global.json { return try Printer.json(silence) }
            SilenceCommand.table([silence]).print(legend: global.legend)
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
