import ArgumentParser
import KinerjaRPC

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show the audit history of a plan or a person: who changed what, when.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A plan id (2026-2/ID/ks@NPSN) or a person id.", valueName: "subject")) var subject: String
    @Option(help: ArgumentHelp("At most this many entries, newest first.", valueName: "n")) var limit: Int = 50
    @Flag(help: "Show the state before and after each change.") var verbose = false

    func validate() throws { try Bounds.limit(limit, WireBounds.historyLimit) }

    func run() throws {
        let entries = try global.run { try $0.call(Kinerja.History.self, .init(subject: subject, limit: limit)).entries }
        if global.json { return try Printer.json(entries) }
        var table = Table([Language.t("WAKTU", "TIME"), Language.t("PENGGUNA", "USER"), Language.t("TINDAKAN", "ACTION"), Language.t("SUBJEK", "SUBJECT")])
        for e in entries { table.add([e.at, "\(e.user) (\(e.uid))", e.action, e.subject]) }
        Printer.out(table.render(legend: global.legend))
        if verbose {
            for e in entries {
                Printer.out("\(e.at) \(e.action)\n  before: \(e.before ?? "-")\n  after:  \(e.after ?? "-")")
            }
        }
    }
}
