import ArgumentParser
import KinerjaRPC
import KinerjactlCore

/// Stages 1–2 of a cycle, the office's own preconditions: who has them done, who is still
/// blocked by one, and recording them as the operator and the Kepala Dinas do them.
struct PreconditionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preconditions",
        abstract: Language.t(
            "Tahap 1–2 siklus: Pemutakhiran Data (operator Dinas) dan Plotting Tim Kinerja (Kepala Dinas), per orang.",
            "Stages 1–2 of a cycle: Pemutakhiran Data (the office's operator) and Plotting Tim Kinerja (the Kepala Dinas), per person."),
        discussion: Language.t(
            "Di kantor yang menyebut operatornya di [office] kinerja.toml: selama tahap 1 atau 2 seseorang belum tercatat, rencananya tampil terblokir dengan sebab dan pemiliknya, bukan terlambat, dan pengingatnya pergi ke operator dan Kepala Dinas. Banyak sekaligus: 'kinerjactl import preconditions'.\n\n",
            "In an office that names its operator in kinerja.toml's [office]: while a person's stage 1 or 2 is not recorded, their plans show blocked with the cause and its owner, never late, and its reminders go to the operator and the Kepala Dinas. Many at once: 'kinerjactl import preconditions'.\n\n")
            + HelpExamples.list(
                "preconditions list --missing", "preconditions record pemutakhiran-data 197812012005012004 \\\n      --date 2026-07-06",
                "preconditions record plotting-tim-kinerja 197812012005012004 \\\n      197107091996031003 --date 2026-07-10 \\\n      --decree-number 800/412/Disdik/2026 --decree-date 2026-07-10"),
        subcommands: [List.self, Record.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Language.t(
                "Jumlah selesai dan belum, tenggat, pemilik, dan catatan setiap orang aktif.",
                "Counts done and missing, deadlines, owners, and each active person's record."),
            discussion: HelpExamples.see("preconditions"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text("Siklus (bawaan: yang berjalan).", "The cycle (default: the current one).", value: Placeholder.cycle)) var cycle: String?
        @Flag(help: .text("Hanya orang yang tahap 1 atau 2-nya belum tercatat.", "Only people whose stage 1 or 2 is not recorded.")) var missing = false

        func validate() throws {
            if let cycle { try checked { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) } }
        }

        func run() throws {
            let answer = try global.run { try $0.call(Kinerja.ListPreconditions.self, .init(cycle: cycle, missing: missing ? true : nil)) }
            if global.json { return try Printer.json(answer) }
            let c = answer.counts
            if !c.tracked {
                Printer.err(Language.t(
                    "kinerjactl: kantor ini tidak mencatat tahap 1–2 ([office] operator_name tidak ada di kinerja.toml): tidak ada yang terblokir karenanya",
                    "kinerjactl: this office does not track stages 1–2 (no [office] operator_name in kinerja.toml): nothing is blocked by them"))
            }
            var counts = Table([Language.t("TAHAP", "STAGE"), Language.t("TENGGAT", "DUE"), Language.t("SELESAI", "DONE"), Language.t("BELUM", "MISSING"), Language.t("PEMILIK", "OWNER")])
            counts.add(["1 pemutakhiran-data", c.pemutakhiranDataDue, "\(c.pemutakhiranDataDone)", "\(c.pemutakhiranDataMissing)", PreconditionsCommand.name(c.pemutakhiranDataOwner)])
            counts.add(["2 plotting-tim-kinerja", c.plottingTimKinerjaDue, "\(c.plottingTimKinerjaDone)", "\(c.plottingTimKinerjaMissing)", PreconditionsCommand.name(c.plottingTimKinerjaOwner)])
            Printer.out(Language.t("Siklus \(answer.cycle), \(c.persons) orang aktif", "Cycle \(answer.cycle), \(c.persons) active people"))
            counts.print(legend: global.legend)
            guard !answer.persons.isEmpty else { return }
            Printer.out("")
            var table = Table(["ID", Language.t("NAMA", "NAME"), "PEMUTAKHIRAN-DATA", "PLOTTING-TIM-KINERJA", Language.t("NOMOR SK", "DECREE"), Language.t("TANGGAL SK", "DECREE DATE")])
            for p in answer.persons {
                table.add([p.id, p.nama, Printer.cell(p.pemutakhiranData), Printer.cell(p.plottingTimKinerja), Printer.cell(p.decreeNumber), Printer.cell(p.decreeDate)])
            }
            table.print(legend: global.legend)
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: Language.t(
                "Catat tahap 1 (pemutakhiran-data) atau 2 (plotting-tim-kinerja) selesai untuk satu orang atau lebih.",
                "Record stage 1 (pemutakhiran-data) or 2 (plotting-tim-kinerja) as done for one or more people."),
            discussion: HelpExamples.see("preconditions"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .text(
            "pemutakhiran-data (1) atau plotting-tim-kinerja (2).", "pemutakhiran-data (1) or plotting-tim-kinerja (2).", value: Placeholder.stage))
        var stage: String
        @Argument(help: .text("NIP (atau id lain) orangnya.", "The people's NIPs (or other ids).", value: Placeholder.id)) var ids: [String]
        @Option(help: .text("Siklus (bawaan: yang berjalan).", "The cycle (default: the current one).", value: Placeholder.cycle)) var cycle: String?
        @Option(help: .text("Hari selesainya (bawaan: hari ini).", "The day it was done (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Nomor SK Kepala Dinas (Plotting).", "The Kepala Dinas's decree number (Plotting).", value: Placeholder.text)) var decreeNumber: String?
        @Option(help: .text("Tanggal SK.", "The decree's date.", value: Placeholder.date)) var decreeDate: String?

        func validate() throws {
            let known = ["pemutakhiran-data", "plotting-tim-kinerja", "1", "2"]
            if !known.contains(stage) {
                throw ValidationError(Language.t(
                    "tahap '\(stage)' tidak dikenal; gunakan pemutakhiran-data (1) atau plotting-tim-kinerja (2)",
                    "stage '\(stage)' is unknown; use pemutakhiran-data (1) or plotting-tim-kinerja (2)"))
            }
            if ids.isEmpty { throw ValidationError(Language.t("berikan sedikitnya satu NIP", "give at least one NIP")) }
            if let cycle { try checked { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) } }
            if let date { try checked { try ArgumentSyntax.date(date, Placeholder.option("--date")) } }
            if let decreeDate { try checked { try ArgumentSyntax.date(decreeDate, Placeholder.option("--decree-date")) } }
        }

        func run() throws {
            let result = try global.run {
                try $0.call(Kinerja.RecordPrecondition.self, .init(
                    precondition: stage, persons: ids, cycle: cycle, doneOn: date, decreeNumber: decreeNumber, decreeDate: decreeDate)).result
            }
            if global.json { return try Printer.json(result) }
            Printer.out(Language.t(
                "\(result.precondition) \(result.cycle): \(result.recorded) baru, \(result.updated) diubah, \(result.unchanged) tetap; \(result.plansRederived) rencana dinilai ulang",
                "\(result.precondition) \(result.cycle): \(result.recorded) recorded, \(result.updated) updated, \(result.unchanged) unchanged; \(result.plansRederived) plans derived again"))
        }
    }

    /// One line of the counts, as `status`, `cycle show` and `report compliance` print it.
    static func line(_ c: PreconditionCounts) -> String {
        Language.t(
            "pemutakhiran-data \(c.pemutakhiranDataDone) selesai, \(c.pemutakhiranDataMissing) belum (tenggat \(c.pemutakhiranDataDue)); plotting-tim-kinerja \(c.plottingTimKinerjaDone) selesai, \(c.plottingTimKinerjaMissing) belum (tenggat \(c.plottingTimKinerjaDue))",
            "pemutakhiran-data \(c.pemutakhiranDataDone) done, \(c.pemutakhiranDataMissing) missing (due \(c.pemutakhiranDataDue)); plotting-tim-kinerja \(c.plottingTimKinerjaDone) done, \(c.plottingTimKinerjaMissing) missing (due \(c.plottingTimKinerjaDue))")
    }

    /// An owner by name and post, else by role.
    static func name(_ party: Party) -> String {
        guard let nama = party.nama else { return party.id ?? party.role }
        return party.jabatan.map { "\(nama) (\($0))" } ?? nama
    }
}
