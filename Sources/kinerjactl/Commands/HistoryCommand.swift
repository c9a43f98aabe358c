import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: Language.t(
            "Tampilkan riwayat audit sebuah rencana atau orang: siapa mengubah apa, kapan.",
            "Show the audit history of a plan or a person: who changed what, when."),
        discussion: HelpExamples.list("history 197206171998121002", "history 2026-2/197206171998121002/ps --verbose"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: .text("Id rencana (2026-2/ID/ks@NPSN) atau id orang.", "A plan id (2026-2/ID/ks@NPSN) or a person id.", value: Placeholder.subject))
    var subject: String
    @Option(help: .text("Paling banyak sekian entri, yang terbaru dulu.", "At most this many entries, newest first.", value: Placeholder.count))
    var limit: Int = 50
    @Flag(help: .text("Tampilkan keadaan sebelum dan sesudah setiap perubahan.", "Show the state before and after each change.")) var verbose = false

    func validate() throws {
        try checked {
            try ArgumentSyntax.planOrPerson(subject, Placeholder.argument(Placeholder.subject))
            try ArgumentSyntax.within(limit, WireBounds.historyLimit, Placeholder.option("--limit"))
        }
    }

    func run() throws {
        let entries = try global.run { try $0.callWhole(Kinerja.History.self, .init(subject: subject, limit: limit)).entries }
        if global.json { return try Printer.json(entries) }
        var table = Table([Language.t("WAKTU", "TIME"), Language.t("PENGGUNA", "USER"), Language.t("TINDAKAN", "ACTION"), Language.t("SUBJEK", "SUBJECT")])
        for e in entries { table.add([e.at, "\(e.user) (\(e.uid))", Language.t(Vocabulary.auditAction(e.action)), e.subject]) }
        table.print(legend: global.legend)
        if verbose {
            for e in entries {
                Printer.out("\(e.at) \(Language.t(Vocabulary.auditAction(e.action)))\n  \(Language.t("sebelum:", "before:")) \(e.before ?? "-")\n  \(Language.t("sesudah:", "after: ")) \(e.after ?? "-")")
            }
        }
    }
}
