import ArgumentParser
import KinerjaRPC

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show a plan, and record its workflow steps.",
        discussion: """
        Steps of a kepala sekolah: praktik-kinerja, pengembangan-kompetensi, perilaku-kerja, rangkuman
        (the plan is then submitted and frozen), dokumen-persiapan, observasi, dokumen-tindak-lanjut,
        tindak-lanjut-observasi, dokumen-refleksi-tindak-lanjut.
        Steps of a pengawas sekolah: penyusunan, pemeriksaan (Tim Kinerja), persetujuan (Pejabat Penilai),
        diskusi-persiapan, pendampingan, diskusi-tindak-lanjut, upaya-tindak-lanjut, refleksi-tindak-lanjut.
        """,
        subcommands: [Show.self, Start.self, Complete.self, Approve.self, Return.self, Block.self, Unblock.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a plan: timeline, revisions, blocks and what may be recorded next.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget

        func run() throws {
            let plan = try global.run {
                try $0.call(Kinerja.ShowPlan.self, .init(plan: target.plan, person: target.person, npsn: target.npsn, cycle: target.cycle)).plan
            }
            if global.json { return try Printer.json(plan) }
            PlanCommand.print(plan, legend: global.legend)
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Record that a step started (mulai), e.g. pendampingan or upaya-tindak-lanjut.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: ArgumentHelp("The step.", valueName: "step")) var step: String
        @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var date: String?

        func run() throws { try PlanCommand.transition(global, target, action: "mulai", step: step, date: date) }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete", abstract: "Record that a step is done (selesai), with what was chosen or rated.",
            discussion: """
            Examples:
              kinerjactl plan complete 198609262015051001 praktik-kinerja --praktik-kinerja d3-visi-misi
              kinerjactl plan complete 198609262015051001 pengembangan-kompetensi --rhk rhk-pelatihan-mandiri:2 --rhk rhk-narasumber:2
              kinerjactl plan complete 197501012000031002 refleksi-tindak-lanjut \\
                  --refleksi kesadaran-dalam-refleksi=sesuai-ekspektasi --refleksi upaya-belajar=sesuai-ekspektasi \\
                  --refleksi peningkatan-kinerja=di-atas-ekspektasi
            """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: ArgumentHelp("The step.", valueName: "step")) var step: String
        @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var date: String?
        @Option(help: ArgumentHelp("A note (catatan).", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("Praktik Kinerja indicator id.", valueName: "id")) var praktikKinerja: String?
        @Option(help: ArgumentHelp("An RHK item and its quantity, repeatable.", valueName: "id[:jumlah]")) var rhk: [String] = []
        @Option(help: ArgumentHelp("Competency indicator id.", valueName: "id")) var kompetensi: String?
        @Option(help: ArgumentHelp("Perilaku Kerja aspect ids, comma-separated.", valueName: "ids")) var perilakuKerja: String?
        @Option(help: ArgumentHelp("The three planned schools, comma-separated NPSNs.", valueName: "npsns")) var sekolah: String?
        @Option(help: ArgumentHelp("The focus school (Diskusi Persiapan).", valueName: "npsn")) var sekolahFokus: String?
        @Option(help: ArgumentHelp("di-bawah-ekspektasi, sesuai-ekspektasi or di-atas-ekspektasi.", valueName: "rating")) var rating: String?
        @Option(help: ArgumentHelp("A Refleksi aspect's rating, repeatable.", valueName: "aspect=rating")) var refleksi: [String] = []

        func validate() throws {
            for item in rhk {
                let parts = item.split(separator: ":")
                if parts.count > 2 || (parts.count == 2 && Int(parts[1]) == nil) {
                    throw ValidationError("--rhk '\(item)': write id or id:quantity, e.g. rhk-narasumber:2")
                }
            }
            for item in refleksi where item.split(separator: "=").count != 2 {
                throw ValidationError("--refleksi '\(item)': write aspect=rating, e.g. upaya-belajar=sesuai-ekspektasi")
            }
        }

        func run() throws {
            let list: (String?) -> [String]? = { $0.map { $0.split(separator: ",").map { String($0).trimmingSpaces } } }
            let details = StepDetailsInput(
                praktikKinerja: praktikKinerja,
                rhk: rhk.isEmpty ? nil : rhk.map { item in
                    let parts = item.split(separator: ":")
                    return RHKChoiceInput(id: String(parts[0]), jumlah: parts.count == 2 ? Int(parts[1])! : 1)
                },
                kompetensi: kompetensi, perilakuKerja: list(perilakuKerja), sekolah: list(sekolah), sekolahFokus: sekolahFokus,
                rating: rating,
                ratings: refleksi.isEmpty ? nil : Dictionary(refleksi.map { item in
                    let parts = item.split(separator: "=")
                    return (String(parts[0]), String(parts[1]))
                }, uniquingKeysWith: { _, last in last }),
                catatan: note)
            try PlanCommand.transition(global, target, action: "selesai", step: step, date: date, details: details)
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: "Record an approval (disetujui) at pemeriksaan or persetujuan.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: ArgumentHelp("pemeriksaan or persetujuan.", valueName: "step")) var step: String
        @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var date: String?
        @Option(help: ArgumentHelp("A note (catatan).", valueName: "text")) var note: String?

        func run() throws { try PlanCommand.transition(global, target, action: "disetujui", step: step, date: date, note: note) }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return", abstract: "Return a supervisor's plan for revision (dikembalikan), with the reason.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: ArgumentHelp("pemeriksaan or persetujuan.", valueName: "step")) var step: String
        @Option(help: ArgumentHelp("Why it goes back to the supervisor.", valueName: "text")) var reason: String
        @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var date: String?

        func run() throws { try PlanCommand.transition(global, target, action: "dikembalikan", step: step, date: date, note: reason) }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "block", abstract: "Mark a plan blocked (terblokir) by a precondition someone else owns.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: ArgumentHelp("rhk-atasan, pemutakhiran-data, plotting-tim-kinerja or lainnya.", valueName: "cause")) var cause: String
        @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("Since when (default: today).", valueName: "YYYY-MM-DD")) var date: String?

        func run() throws { try PlanCommand.transition(global, target, action: "terblokir", date: date, cause: cause, note: note) }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unblock", abstract: "Mark a blocked plan free again (dibuka).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: ArgumentHelp("Since when (default: today).", valueName: "YYYY-MM-DD")) var date: String?

        func run() throws { try PlanCommand.transition(global, target, action: "dibuka", date: date) }
    }

    static func transition(
        _ global: GlobalOptions, _ target: PlanTarget, action: String, step: String? = nil, date: String? = nil,
        cause: String? = nil, note: String? = nil, details: StepDetailsInput? = nil
    ) throws {
        let params = Kinerja.Transition.Parameters(
            plan: target.plan, person: target.person, npsn: target.npsn, cycle: target.cycle, action: action,
            step: step, date: date, cause: cause, note: note, details: details)
        let plan = try global.run { try $0.call(Kinerja.Transition.self, params).plan }
        if global.json { return try Printer.json(plan) }
        Printer.err(Language.t("tercatat: \(action) \(step ?? "") untuk \(plan.summary.plan)", "recorded: \(action) \(step ?? "") on \(plan.summary.plan)"))
        print(plan, legend: global.legend)
    }

    static func print(_ plan: PlanDetail, legend: Bool) {
        let s = plan.summary
        Printer.out("\(plan.nama) — \(plan.peran)\(plan.npsn.map { " \($0) \(plan.namaSekolah ?? "")" } ?? "")")
        Printer.out("\(Language.t("rencana", "plan")): \(s.plan)")
        Printer.out("\(Language.t("langkah", "step")): \(s.step ?? Language.t("selesai semua", "all done"))\(s.due.map { "  \(Language.t("batas", "due")) \($0)  \(PeopleCommand.days(s.daysLeft))" } ?? "")\(s.flags.isEmpty ? "" : "  [\(s.flags.joined(separator: ", "))]")")
        var table = Table([Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), Language.t("MULAI", "STARTED"), Language.t("SELESAI", "DONE"), Language.t("KEADAAN", "STATE"), Language.t("CATATAN", "NOTE")])
        for item in plan.timeline {
            table.add([item.step, item.due, Printer.cell(item.startedOn), Printer.cell(item.completedOn), item.state,
                       [item.rating, item.catatan].compactMap { $0 }.joined(separator: "; ")])
        }
        table.print(legend: legend)
        for r in plan.revisions { Printer.out("\(Language.t("dikembalikan", "returned")) \(r.on) (\(r.by)): \(r.reason)") }
        for b in plan.blocks { Printer.out("\(Language.t("terblokir", "blocked")) \(b.since)–\(b.until ?? "…") (\(b.cause))\(b.note.map { ": \($0)" } ?? "")") }
        if !plan.allowed.isEmpty { Printer.out("\(Language.t("berikutnya", "next")): \(plan.allowed.joined(separator: " | "))") }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
