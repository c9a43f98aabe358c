import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: Language.t("Laporan atas satu siklus.", "Reports over a cycle."),
        subcommands: [Compliance.self, Predikat.self], defaultSubcommand: Compliance.self)

    struct Compliance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compliance",
            abstract: Language.t(
                "Per langkah: selesai, tepat waktu, telat, lewat batas, terblokir, berjalan, tidak selesai (siklus ditutup); per peran dan per sekolah.",
                "Per step: done, on time, late, overdue, blocked, pending, unfinished (closed cycle); per role and per school."),
            discussion: HelpExamples.list("report compliance --cycle 2026-2"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text("Siklusnya (bawaan: yang berjalan).", "The cycle (default: current).", value: Placeholder.cycle)) var cycle: String?

        func validate() throws { try checked { if let cycle { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) } } }

        func run() throws {
            let report = try global.run { try $0.callWhole(Kinerja.GetComplianceReport.self, .init(cycle: cycle)).report }
            if global.json { return try Printer.json(report) }
            Printer.out("\(Language.t("kepatuhan siklus", "compliance of cycle")) \(report.cycle), \(Language.t("per", "as of")) \(report.asOf)")
            var steps = Table([Language.t("PERAN", "ROLE"), Language.t("LANGKAH", "STEP"), Language.t("SELESAI", "DONE"), Language.t("TEPAT", "ON-TIME"), Language.t("TELAT", "LATE"), Language.t("LEWAT", "OVERDUE"), Language.t("BLOKIR", "BLOCKED"), Language.t("BERJALAN", "PENDING"), Language.t("TIDAK-SELESAI", "UNFINISHED")])
            for s in report.steps {
                steps.add([Language.t(Vocabulary.roles[s.role]), Language.t(Vocabulary.steps[s.step]), "\(s.done)", "\(s.onTime)", "\(s.late)", "\(s.overdue)", "\(s.blocked)", "\(s.pending)", "\(s.unfinished)"])
            }
            steps.print(legend: global.legend)
            var roles = Table([Language.t("PERAN", "ROLE"), Language.t("RENCANA", "PLANS"), Language.t("SELESAI", "COMPLETE"), Language.t("LEWAT", "OVERDUE"), Language.t("BLOKIR", "BLOCKED"), Language.t("BELUM-DIAJUKAN", "NOT-SUBMITTED"), Language.t("TIDAK-SELESAI", "UNFINISHED")])
            for g in report.roles { roles.add([Language.t(Vocabulary.roles[g.key]), "\(g.plans)", "\(g.complete)", "\(g.overdue)", "\(g.blocked)", "\(g.notSubmitted)", "\(g.unfinished)"]) }
            roles.print(legend: global.legend)
            var schools = Table(["NPSN", Language.t("SEKOLAH", "SCHOOL"), Language.t("RENCANA", "PLANS"), Language.t("SELESAI", "COMPLETE"), Language.t("LEWAT", "OVERDUE"), Language.t("BLOKIR", "BLOCKED"), Language.t("BELUM-DIAJUKAN", "NOT-SUBMITTED"), Language.t("TIDAK-SELESAI", "UNFINISHED")])
            for g in report.schools { schools.add([g.key, Printer.cell(g.name), "\(g.plans)", "\(g.complete)", "\(g.overdue)", "\(g.blocked)", "\(g.notSubmitted)", "\(g.unfinished)"]) }
            schools.print(legend: global.legend)
            // What the plans chose and how they were rated: the choices that name a catalog
            // item or a rating (the three planned schools are a supervisor's own).
            var choices = Table([
                Language.t("PERAN", "ROLE"), Language.t("LANGKAH", "STEP"), Language.t("PILIHAN", "CHOICE"), Language.t("ISI", "VALUE"),
                Language.t("RENCANA", "PLANS"),
            ])
            for c in report.choices where c.choice != "sekolah" {
                let label = c.aspect.map { Vocabulary.choices[c.choice] + Bilingual(": ", ": ") + Vocabulary.refleksiAspects[$0] } ?? Vocabulary.choices[c.choice]
                let value = c.choice.hasPrefix("nilai") ? Language.t(Vocabulary.ratings[c.id]) : c.id + (c.nama.map { " — \($0)" } ?? "")
                choices.add([Language.t(Vocabulary.roles[c.role]), Language.t(Vocabulary.steps[c.step]), Language.t(label), value, "\(c.plans)"])
            }
            if !choices.rows.isEmpty { choices.print(legend: global.legend) }
            Printer.out(Language.t(
                "rencana dengan saran aturan tahun ini (mis. poin RHK kurang): \(report.advised)",
                "plans with advice of the year's rules (e.g. too few RHK points): \(report.advised)"))
            if let p = report.preconditions { Printer.out("\(Language.t("tahap 1–2", "stages 1–2")): \(PreconditionsCommand.line(p))") }
        }
    }
}
