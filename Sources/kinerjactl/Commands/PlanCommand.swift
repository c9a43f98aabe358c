import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: Language.t("Tampilkan rencana, dan catat langkah-langkahnya.", "Show a plan, and record its workflow steps."),
        discussion: Language.t(
            """
            Langkah kepala sekolah: praktik-kinerja, pengembangan-kompetensi, perilaku-kerja, rangkuman (rencana lalu diajukan dan tidak dapat diubah lagi), dokumen-persiapan, observasi, dokumen-tindak-lanjut, tindak-lanjut-observasi, dokumen-refleksi-tindak-lanjut.

            Langkah pengawas sekolah: penyusunan, pemeriksaan (Tim Kinerja), persetujuan (Pejabat Penilai), diskusi-persiapan, pendampingan, diskusi-tindak-lanjut, upaya-tindak-lanjut, refleksi-tindak-lanjut.

            Lalu, bagi keduanya, Penilaian Kinerja: penilaian (Tim Kinerja; plan rate), penetapan-predikat (Pejabat Penilai; plan predikat), sinkron (ke e-Kinerja; plan sinkron).

            Contoh, seorang pengawas dari data contoh (config/examples) yang RHK atasannya kini ada:
            """,
            """
            Steps of a kepala sekolah: praktik-kinerja, pengembangan-kompetensi, perilaku-kerja, rangkuman (the plan is then submitted and frozen), dokumen-persiapan, observasi, dokumen-tindak-lanjut, tindak-lanjut-observasi, dokumen-refleksi-tindak-lanjut.

            Steps of a pengawas sekolah: penyusunan, pemeriksaan (Tim Kinerja), persetujuan (Pejabat Penilai), diskusi-persiapan, pendampingan, diskusi-tindak-lanjut, upaya-tindak-lanjut, refleksi-tindak-lanjut.

            Then, for both, Penilaian Kinerja: penilaian (Tim Kinerja; plan rate), penetapan-predikat (Pejabat Penilai; plan predikat), sinkron (to e-Kinerja; plan sinkron).

            Example, a supervisor of the example district (config/examples) whose atasan's RHK is there now:
            """) + """

              kinerjactl plan unblock 196811021993032004
              kinerjactl plan complete 196811021993032004 penyusunan \\
                  --praktik-kinerja d1-kualitas-pembelajaran --kompetensi kepribadian-1.1 \\
                  --sekolah 20571034,20571036,20571112 --perilaku-kerja \\
              berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif
              kinerjactl plan approve 196811021993032004 pemeriksaan
              kinerjactl plan return 196811021993032004 persetujuan \\
                  --reason "target belum realistis"
            """,
        subcommands: [Show.self, Start.self, Complete.self, Approve.self, Return.self, Block.self, Unblock.self, Rate.self, SetPredikat.self, Sinkron.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Language.t(
                "Tampilkan rencana: lini waktu, revisi, blokir dan apa yang dapat dicatat berikutnya.",
                "Show a plan: timeline, revisions, blocks and what may be recorded next."),
            discussion: HelpExamples.list("plan show 197410051999031002 --npsn 20571113", "plan show 2026-2/196811021993032004/ps"))
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
            commandName: "start",
            abstract: Language.t(
                "Catat bahwa sebuah langkah dimulai, mis. pendampingan atau upaya-tindak-lanjut.",
                "Record that a step started (mulai), e.g. pendampingan or upaya-tindak-lanjut."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: .text("Langkahnya.", "The step.", value: Placeholder.step)) var step: String
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?

        func validate() throws { try PlanCommand.check(step: step, date: date) }

        func run() throws { try PlanCommand.transition(global, target, action: "mulai", step: step, date: date) }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: Language.t(
                "Catat bahwa sebuah langkah selesai, dengan apa yang dipilih atau dinilai.",
                "Record that a step is done (selesai), with what was chosen or rated."),
            discussion: Language.t(
                "Contoh (siklus 2026-2 dengan config/rules/2025.toml, data contoh config/examples):",
                "Examples (cycle 2026-2 with config/rules/2025.toml, the example district of config/examples):") + """

              kinerjactl plan complete 197902272005032001 praktik-kinerja \\
                  --praktik-kinerja d3-komunitas-belajar
              kinerjactl plan complete 197902272005032001 pengembangan-kompetensi \\
                  --kompetensi kepribadian-1.1
              kinerjactl plan complete 197902272005032001 perilaku-kerja \\
                  --perilaku-kerja berorientasi-pelayanan,kolaboratif
              kinerjactl plan complete 197303291999021002 refleksi-tindak-lanjut \\
                  --refleksi kesadaran-dalam-refleksi=sesuai-ekspektasi \\
                  --refleksi upaya-belajar=sesuai-ekspektasi \\
                  --refleksi peningkatan-kinerja=di-atas-ekspektasi

            """ + Language.t(
                "Dengan aturan 2024 (config/rules/2024.toml) Pengembangan Kompetensi berupa butir RHK berpoin, paling sedikit 32 poin:",
                "Under the 2024 rules (config/rules/2024.toml) Pengembangan Kompetensi is RHK items with points, at least 32:") + """

              --rhk rhk-pelatihan-mandiri:2 --rhk rhk-narasumber-praktik-baik:2
            """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: .text("Langkahnya.", "The step.", value: Placeholder.step)) var step: String
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Catatan.", "A note (catatan).", value: Placeholder.text)) var note: String?
        @Option(help: .text("Id indikator Praktik Kinerja.", "Praktik Kinerja indicator id.", value: Placeholder.id)) var praktikKinerja: String?
        @Option(help: .text("Butir RHK dan jumlahnya, dapat diulang.", "An RHK item and its quantity, repeatable.", value: Bilingual("id[:jumlah]", "id[:count]")))
        var rhk: [String] = []
        @Option(help: .text("Id indikator kompetensi.", "Competency indicator id.", value: Placeholder.id)) var kompetensi: String?
        @Option(help: .text("Id aspek Perilaku Kerja, dipisah koma.", "Perilaku Kerja aspect ids, comma-separated.", value: Placeholder.ids))
        var perilakuKerja: String?
        @Option(help: .text("Tiga sekolah yang direncanakan, NPSN dipisah koma.", "The three planned schools, comma-separated NPSNs.", value: Placeholder.npsns))
        var sekolah: String?
        @Option(help: .text("Sekolah fokus (Diskusi Persiapan).", "The focus school (Diskusi Persiapan).", value: Placeholder.npsn)) var sekolahFokus: String?
        @Option(help: .text(
            "di-bawah-ekspektasi, sesuai-ekspektasi atau di-atas-ekspektasi.", "di-bawah-ekspektasi, sesuai-ekspektasi or di-atas-ekspektasi.",
            value: Placeholder.rating))
        var rating: String?
        @Option(help: .text("Nilai satu aspek Refleksi, dapat diulang.", "A Refleksi aspect's rating, repeatable.", value: Bilingual("aspek=nilai", "aspect=rating")))
        var refleksi: [String] = []

        func validate() throws {
            for item in rhk {
                let parts = item.split(separator: ":")
                if parts.count > 2 || (parts.count == 2 && Int(parts[1]) == nil) {
                    throw ValidationError(Language.t(
                        "--rhk '\(item)': tulis id atau id:jumlah, mis. rhk-narasumber-praktik-baik:2",
                        "--rhk '\(item)': write id or id:count, e.g. rhk-narasumber-praktik-baik:2"))
                }
            }
            for item in refleksi where item.split(separator: "=").count != 2 {
                throw ValidationError(Language.t(
                    "--refleksi '\(item)': tulis aspek=nilai, mis. upaya-belajar=sesuai-ekspektasi",
                    "--refleksi '\(item)': write aspect=rating, e.g. upaya-belajar=sesuai-ekspektasi"))
            }
            try PlanCommand.check(step: step, date: date)
            try checked {
                if let rating { try ArgumentSyntax.known(rating, in: Vocabulary.ratings, Placeholder.option("--rating")) }
                for item in refleksi {
                    try ArgumentSyntax.known(String(item.split(separator: "=")[1]), in: Vocabulary.ratings, Placeholder.option("--refleksi"))
                }
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
            commandName: "approve",
            abstract: Language.t(
                "Catat persetujuan pada langkah pemeriksaan atau persetujuan.", "Record an approval (disetujui) at pemeriksaan or persetujuan."),
            discussion: HelpExamples.see("plan"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: .text("pemeriksaan atau persetujuan.", "pemeriksaan or persetujuan.", value: Placeholder.step)) var step: String
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Catatan.", "A note (catatan).", value: Placeholder.text)) var note: String?

        func validate() throws { try PlanCommand.check(step: step, date: date) }

        func run() throws { try PlanCommand.transition(global, target, action: "disetujui", step: step, date: date, note: note) }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: Language.t(
                "Kembalikan rencana pengawas untuk direvisi, dengan alasannya.",
                "Return a supervisor's plan for revision (dikembalikan), with the reason."),
            discussion: HelpExamples.see("plan"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: .text("pemeriksaan atau persetujuan.", "pemeriksaan or persetujuan.", value: Placeholder.step)) var step: String
        @Option(help: .text("Mengapa rencana kembali ke pengawas.", "Why it goes back to the supervisor.", value: Placeholder.text)) var reason: String
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?

        func validate() throws { try PlanCommand.check(step: step, date: date) }

        func run() throws { try PlanCommand.transition(global, target, action: "dikembalikan", step: step, date: date, note: reason) }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "block",
            abstract: Language.t(
                "Tandai rencana terblokir karena prasyarat yang menjadi urusan pihak lain.", "Mark a plan blocked (terblokir) by a precondition someone else owns."),
            discussion: HelpExamples.list("plan block 198506052010121003 --cause pemutakhiran-data \\\n      --note \"NIP di SIM Tendik belum sesuai\""))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: .text(
            "rhk-atasan, pemutakhiran-data, plotting-tim-kinerja atau lainnya.", "rhk-atasan, pemutakhiran-data, plotting-tim-kinerja or lainnya.",
            value: Placeholder.cause))
        var cause: String
        @Option(help: .text("Catatan.", "A note.", value: Placeholder.text)) var note: String?
        @Option(help: .text("Sejak kapan (bawaan: hari ini).", "Since when (default: today).", value: Placeholder.date)) var date: String?

        func validate() throws {
            try checked {
                try ArgumentSyntax.known(cause, in: Vocabulary.blockCauses, Placeholder.option("--cause"))
                if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) }
            }
        }

        func run() throws { try PlanCommand.transition(global, target, action: "terblokir", date: date, cause: cause, note: note) }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unblock",
            abstract: Language.t("Tandai rencana yang terblokir bebas kembali.", "Mark a blocked plan free again (dibuka)."),
            discussion: HelpExamples.list("plan unblock 196811021993032004"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: .text("Sejak kapan (bawaan: hari ini).", "Since when (default: today).", value: Placeholder.date)) var date: String?

        func validate() throws { try checked { if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) } } }

        func run() throws { try PlanCommand.transition(global, target, action: "dibuka", date: date) }
    }

    /// A step id the CLI knows, and a date written as one.
    static func check(step: String, date: String?) throws {
        try checked {
            try ArgumentSyntax.known(step, in: Vocabulary.steps, Placeholder.argument(Placeholder.step))
            if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) }
        }
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
        // Said as the history will say it: "Praktik Kinerja selesai".
        let change = Vocabulary.auditAction([action, step ?? cause].compactMap { $0 }.joined(separator: " "))
        Printer.err(Language.t("tercatat: \(change.indonesian) — \(plan.summary.plan)", "recorded: \(change.english) — \(plan.summary.plan)"))
        print(plan, legend: global.legend)
    }

    static func print(_ plan: PlanDetail, legend: Bool) {
        let s = plan.summary
        Printer.out("\(plan.nama) — \(Language.t(Vocabulary.roles[plan.peran]))\(plan.npsn.map { " \($0) \(plan.namaSekolah ?? "")" } ?? "")")
        Printer.out("\(Language.t("rencana", "plan")): \(s.plan)\(plan.openedOn.map { Language.t("  (dibuka \($0): posisi baru di tengah siklus)", "  (opened \($0): a position new mid-cycle)") } ?? "")")
        let standing = [PeopleCommand.step(s), s.due.map { "\(Language.t("batas", "due")) \($0)" } ?? "", PeopleCommand.days(s),
                        s.flags.isEmpty ? "" : "[\(Language.t(Vocabulary.flagList(s.flags)))]"]
        Printer.out("\(Language.t("langkah", "step")): \(standing.filter { !$0.isEmpty }.joined(separator: "  "))")
        if let since = s.blockedSince {
            let cause = s.blockCause.map { Language.t(Vocabulary.blockCauses[$0]) } ?? "-"
            Printer.out("\(Language.t("terblokir sejak", "blocked since")) \(since): \(cause)\(s.blockNote.map { " (\($0))" } ?? "")")
            Printer.out("\(Language.t("menunggu tindakan", "awaiting action of")): \(PeopleCommand.awaiting(s) ?? "-")")
        }
        var table = Table([Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), Language.t("MULAI", "STARTED"), Language.t("SELESAI", "DONE"), Language.t("KEADAAN", "STATE"), Language.t("CATATAN", "NOTE")])
        for item in plan.timeline {
            table.add([Language.t(Vocabulary.steps[item.step]), item.due + (item.note.map { deadlineNote($0, due: item.due) } ?? ""),
                       Printer.cell(item.startedOn), Printer.cell(item.completedOn),
                       Language.t(Vocabulary.timelineStates[item.state]),
                       [item.rating.map { Language.t(Vocabulary.ratings[$0]) }, item.catatan].compactMap { $0 }.joined(separator: "; ")])
        }
        table.print(legend: legend)
        if !plan.choices.isEmpty {
            Printer.out(Language.t("Pilihan dan penilaian:", "Choices and ratings:"))
            var choices = Table([Language.t("LANGKAH", "STEP"), Language.t("PILIHAN", "CHOICE"), Language.t("ISI", "VALUE")])
            for c in plan.choices { choices.add([Language.t(Vocabulary.steps[c.step]), Language.t(choiceLabel(c)), choiceValue(c)]) }
            choices.print(legend: legend)
            if let points = plan.rhkPoints { Printer.out(Language.t("jumlah poin RHK: \(points)", "RHK points in all: \(points)")) }
        }
        if let r = plan.rekomendasi {
            Printer.out(Language.t(
                "rekomendasi Tim Kinerja (matriks predikat): \(Language.t(Vocabulary.predikat[r]))",
                "Tim Kinerja's recommendation (predikat matrix): \(Language.t(Vocabulary.predikat[r]))"))
        }
        for a in plan.advice { Printer.out("\(Language.t("saran", "advice")): \(a.message)") }
        for r in plan.revisions { Printer.out("\(Language.t("dikembalikan", "returned")) \(r.on) (\(r.by)): \(r.reason)") }
        for b in plan.blocks {
            Printer.out("\(Language.t("terblokir", "blocked")) \(b.since)–\(b.until ?? "…") (\(Language.t(Vocabulary.blockCauses[b.cause])))\(b.note.map { ": \($0)" } ?? "")")
        }
        if !plan.allowed.isEmpty {
            Printer.out("\(Language.t("berikutnya", "next")): \(plan.allowed.map { Language.t(Vocabulary.allowedAction($0)) }.joined(separator: " | "))")
        }
    }

    /// Beside a deadline: where it moved from and why, or the days blocked at the step:
    /// " (semula 2026-07-31; terblokir 146 hari, dibuka 2026-11-25)".
    static func deadlineNote(_ note: DeadlineNoteItem, due: String) -> String {
        var parts: [String] = []
        if note.published != due { parts.append(Language.t("semula \(note.published)", "was \(note.published)")) }
        if note.blockedDays > 0 { parts.append(Language.t("terblokir \(note.blockedDays) hari", "blocked \(note.blockedDays) days")) }
        if let day = note.unblockedOn { parts.append(Language.t("dibuka \(day)", "unblocked \(day)")) }
        if let day = note.openedOn { parts.append(Language.t("posisi baru sejak \(day)", "new position since \(day)")) }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
    }

    /// What a choice is: "Praktik Kinerja", "nilai Refleksi: Upaya Belajar".
    static func choiceLabel(_ c: PlanChoiceItem) -> Bilingual {
        guard let aspect = c.aspect else { return Vocabulary.choices[c.choice] }
        return Vocabulary.choices[c.choice] + Bilingual(": ", ": ") + Vocabulary.refleksiAspects[aspect]
    }

    /// Its value: the id and the catalog's name, RHK with quantity and points, a rating in words.
    static func choiceValue(_ c: PlanChoiceItem) -> String {
        if ["nilai", "nilai-refleksi", "nilai-praktik-kinerja", "nilai-perilaku-kerja"].contains(c.choice) { return Language.t(Vocabulary.ratings[c.id]) }
        if c.choice == "predikat" { return Language.t(Vocabulary.predikat[c.id]) }
        if c.choice == "alasan" { return c.id }
        var text = c.id
        if let jumlah = c.jumlah, jumlah != 1 { text += " ×\(jumlah)" }
        if let nama = c.nama { text += " — \(nama)" }
        if let poin = c.poin {
            let jumlah = c.jumlah ?? 1
            text += Language.t(" (\(poin) poin\(jumlah == 1 ? "" : " × \(jumlah) = \(poin * jumlah)"))", " (\(poin) points\(jumlah == 1 ? "" : " × \(jumlah) = \(poin * jumlah)"))")
        }
        return text
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
