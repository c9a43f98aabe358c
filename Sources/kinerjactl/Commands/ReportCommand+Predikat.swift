import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

extension ReportCommand {
    struct Predikat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "predikat",
            abstract: Language.t(
                "Sebaran predikat per peran, per sekolah dan per penilai (Tim Kinerja), dan siapa yang belum dinilai.",
                "The predikat distribution per role, per school and per rater (Tim Kinerja), and who is still unassessed."),
            discussion: HelpExamples.list("report predikat", "report predikat --cycle 2026-2 --json"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text("Siklusnya (bawaan: yang berjalan).", "The cycle (default: current).", value: Placeholder.cycle)) var cycle: String?

        func validate() throws { try checked { if let cycle { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) } } }

        func run() throws {
            let report = try global.run { try $0.call(Kinerja.GetPredikatReport.self, .init(cycle: cycle)).report }
            if global.json { return try Printer.json(report) }
            let state = report.closed ? Language.t("ditutup, final", "closed, final") : Language.t("berjalan", "open")
            Printer.out("\(Language.t("predikat siklus", "predikat of cycle")) \(report.cycle) (\(state)), \(Language.t("per", "as of")) \(report.asOf)")
            Printer.out(Language.t(
                "\(report.assessed) dari \(report.plans) rencana berpredikat; \(report.againstMatrix) berbeda dari matriks (dengan alasan); \(report.sinkron) sudah Sinkron ke e-Kinerja",
                "\(report.assessed) of \(report.plans) plans have a predikat; \(report.againstMatrix) set against the matrix (with a reason); \(report.sinkron) handed over to e-Kinerja (Sinkron)"))
            let levels = Vocabulary.predikat.ids
            let heads = levels.map { Language.t(Vocabulary.predikat[$0]).uppercased().split(separator: " ").joined(separator: "-") }
            func row(_ g: PredikatGroup) -> [String] { ["\(g.plans)"] + levels.map { "\(g.predikat[$0] ?? 0)" } + ["\(g.unassessed)"] }
            let tail = [Language.t("BELUM-DINILAI", "UNASSESSED")]
            var roles = Table([Language.t("PERAN", "ROLE"), Language.t("RENCANA", "PLANS")] + heads + tail)
            for g in report.roles { roles.add([Language.t(Vocabulary.roles[g.key])] + row(g)) }
            roles.print(legend: global.legend)
            var schools = Table(["NPSN", Language.t("SEKOLAH", "SCHOOL"), Language.t("RENCANA", "PLANS")] + heads + tail)
            for g in report.schools { schools.add([g.key, Printer.cell(g.name)] + row(g)) }
            schools.print(legend: global.legend)
            var raters = Table([Language.t("PENILAI", "RATER"), Language.t("NAMA", "NAME"), Language.t("RENCANA", "PLANS")] + heads + tail)
            for g in report.supervisors { raters.add([g.key, Printer.cell(g.name)] + row(g)) }
            raters.print(legend: global.legend)
            guard !report.unassessed.isEmpty else { return }
            Printer.out(Language.t("Belum dinilai:", "Not assessed yet:"))
            var open = Table([Language.t("RENCANA", "PLAN"), Language.t("NAMA", "NAME"), Language.t("LANGKAH", "STEP"), Language.t("KEADAAN", "STATE")])
            for u in report.unassessed {
                let where_ = u.closedOn.map { Language.t("tidak selesai, siklus ditutup \($0)", "unfinished, cycle closed \($0)") }
                    ?? (u.pelaksanaanIncomplete ? Language.t("Pelaksanaan belum selesai", "Pelaksanaan not done") : Language.t("menunggu penilaian", "awaiting assessment"))
                open.add([u.plan, u.nama, u.step.map { Language.t(Vocabulary.steps[$0]) } ?? "-", where_])
            }
            open.print(legend: global.legend)
        }
    }
}
