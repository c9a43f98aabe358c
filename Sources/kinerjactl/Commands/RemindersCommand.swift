import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders",
        abstract: Language.t(
            "Pengingat: yang tercatat, pratinjau, langsung, dikonfirmasi.", "Reminders: recorded, previewed, live, acknowledged."),
        subcommands: [List.self, Preview.self, Watch.self, Ack.self, Deliveries.self], defaultSubcommand: List.self)

    /// The states `reminders list` filters by: what the daemon records (a preview's planned and
    /// acknowledged are never recorded).
    static let recordedStates = ["fired", "missed", "silenced", "uncertain"]

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Language.t(
                "Pengingat yang tercatat, terbaru dulu: terkirim, terlewat (kinerjad terlalu lama mati), dibisukan atau tidak pasti (kinerjad-nya mati saat mengirim: periksa manual apakah sampai).",
                "Recorded reminders, newest first: fired, missed (daemon was down too long), silenced or uncertain (its daemon died while sending it: check by hand whether it arrived)."),
            discussion: HelpExamples.list("reminders list --since 2026-11-01 --until 2026-11-30"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text(
            "fired (terkirim), missed (terlewat), silenced (dibisukan) atau uncertain (tidak pasti).", "fired, missed, silenced or uncertain.",
            value: Placeholder.state))
        var state: String?
        @Option(help: .text("Hanya rencana orang ini.", "Only this person's plans.", value: Placeholder.id)) var person: String?
        @Option(help: .text("Hanya yang jadwal kirimnya pada atau sesudah tanggal ini.", "Only those due to fire on or after this day.", value: Placeholder.date))
        var since: String?
        @Option(help: .text("Hanya yang jadwal kirimnya pada atau sebelum tanggal ini.", "Only those due to fire on or before this day.", value: Placeholder.date))
        var until: String?
        @Option(help: .text("Paling banyak sekian.", "At most this many.", value: Placeholder.count)) var limit: Int = 50

        func validate() throws {
            try checked {
                if let state { try ArgumentSyntax.oneOf(state, RemindersCommand.recordedStates, Placeholder.option("--state")) }
                if let since { try ArgumentSyntax.date(since, Placeholder.option("--since")) }
                if let until { try ArgumentSyntax.date(until, Placeholder.option("--until")) }
                try ArgumentSyntax.within(limit, WireBounds.listLimit, Placeholder.option("--limit"))
            }
        }

        func run() throws {
            let items = try global.run { try $0.call(Kinerja.ListReminders.self, .init(state: state, person: person, since: since, until: until, limit: limit)).reminders }
            if global.json { return try Printer.json(items) }
            RemindersCommand.table(items).print(legend: global.legend)
            RemindersCommand.summary(items)
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: Language.t(
                "Apa yang akan terkirim di antara dua tanggal, tanpa mengirim apa pun.", "What would fire between two dates, without firing anything."),
            discussion: HelpExamples.list("reminders preview --from 2026-12-01 --to 2026-12-31"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text("Hari pertama (bawaan: hari ini).", "First day (default: today).", value: Placeholder.date)) var from: String?
        @Option(help: .text("Hari terakhir (bawaan: hari pertama).", "Last day (default: the first day).", value: Placeholder.date)) var to: String?
        @Option(help: .text("Hanya rencana orang ini.", "Only this person's plans.", value: Placeholder.id)) var person: String?

        func validate() throws {
            try checked {
                if let from { try ArgumentSyntax.date(from, Placeholder.option("--from")) }
                if let to { try ArgumentSyntax.date(to, Placeholder.option("--to")) }
            }
        }

        func run() throws {
            let items = try global.run { client -> [ReminderItem] in
                let today = try client.call(Kinerja.GetStatus.self).status.today
                let start = from ?? today
                return try client.callWhole(Kinerja.PreviewReminders.self, .init(from: start, to: to ?? start, person: person)).reminders
            }
            if global.json { return try Printer.json(items) }
            RemindersCommand.table(items).print(legend: global.legend)
            RemindersCommand.summary(items)
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: Language.t("Cetak pengingat saat terkirim, sampai dihentikan.", "Print reminders as they fire, until interrupted."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.run { client in
                try client.stream(Kinerja.WatchReminders.self, LanguageParameters()) { reply in
                    if global.json {
                        try Printer.json(reply.reminder)
                    } else {
                        Printer.out("\(reply.reminder.fireAt)  \(Language.t(Vocabulary.reminderKinds[reply.reminder.kind]))  \(reply.reminder.message)")
                    }
                    return true
                }
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: Language.t(
                "Konfirmasi sebuah pengingat: tidak ada lagi pengingat untuk rencana, langkah dan batas yang sama.",
                "Acknowledge a reminder: no more reminders for the same plan, step and deadline."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .text(
            "Id pengingat, seperti dicetak `reminders preview` atau `reminders list` (yang akan datang, atau yang sudah terkirim).",
            "The reminder id, as `reminders preview` or `reminders list` prints it (one still to come, or one fired).", value: Placeholder.id))
        var id: String

        func run() throws {
            _ = try global.run { try $0.call(Kinerja.AckReminder.self, .init(id: id)) }
            Printer.err(Language.t("dikonfirmasi: \(id)", "acknowledged: \(id)"))
        }
    }

    struct Deliveries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliveries",
            abstract: Language.t(
                "Pengiriman ke hook: menunggu, diulang, terkirim atau gagal.", "Hook deliveries: pending, retrying, delivered or failed."),
            discussion: HelpExamples.list("reminders deliveries --state failed"))
        @OptionGroup var global: GlobalOptions
        @Option(help: .text(
            "pending (menunggu), retrying (diulang), delivered (terkirim) atau failed (gagal).", "pending, retrying, delivered or failed.",
            value: Placeholder.state))
        var state: String?
        @Option(help: .text("Paling banyak sekian.", "At most this many.", value: Placeholder.count)) var limit: Int = 50

        func validate() throws {
            try checked {
                if let state { try ArgumentSyntax.known(state, in: Vocabulary.deliveryStates, Placeholder.option("--state")) }
                try ArgumentSyntax.within(limit, WireBounds.listLimit, Placeholder.option("--limit"))
            }
        }

        func run() throws {
            let items = try global.run { try $0.call(Kinerja.ListDeliveries.self, .init(state: state, limit: limit)).deliveries }
            if global.json { return try Printer.json(items) }
            var table = Table(["HOOK", Language.t("KEADAAN", "STATE"), Language.t("PERCOBAAN", "ATTEMPTS"), Language.t("BERIKUTNYA", "NEXT"), Language.t("KODE-KELUAR", "EXIT"), Language.t("PENGINGAT", "REMINDER"), Language.t("GALAT", "ERROR")])
            for d in items {
                table.add([d.hook, Language.t(Vocabulary.deliveryStates[d.state]), "\(d.attempts)", Printer.cell(d.nextAttemptAt), d.lastExitCode.map(String.init) ?? "-", d.reminder,
                           String((d.lastError ?? "").prefix(60)).replacingNewlines])
            }
            table.print(legend: global.legend)
        }
    }

    /// The reminders, each digest's items together as the daemon lists them, MESSAGE telling
    /// an item's place in its digest (one message a day per recipient): "2/11".
    static func table(_ items: [ReminderItem]) -> Table {
        var table = Table([Language.t("WAKTU", "FIRES"), Language.t("PESAN", "MESSAGE"), Language.t("JENIS", "KIND"), Language.t("KEADAAN", "STATE"), Language.t("PENERIMA", "RECIPIENT"), Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), "ID"])
        for digest in digests(items) {
            for (n, r) in digest.enumerated() {
                table.add([r.fireAt, "\(n + 1)/\(digest.count)", Language.t(Vocabulary.reminderKinds[r.kind]),
                           Language.t(Vocabulary.reminderStates[r.state]) + (r.late ? Language.t(" (susulan)", " (late)") : ""),
                           "\(Language.t(Vocabulary.recipientRoles[r.recipientRole])) \(r.recipientNama ?? r.recipient ?? "-")\(r.recipientJabatan.map { " (\($0))" } ?? "")",
                           r.step.map { Language.t(Vocabulary.steps[$0]) } ?? "-", r.due, r.id])
            }
        }
        return table
    }

    /// Runs of items of one digest, in the daemon's order.
    static func digests(_ items: [ReminderItem]) -> [[ReminderItem]] {
        var runs: [[ReminderItem]] = []
        for item in items {
            if let last = runs.last?.last, item.digest != nil, last.digest == item.digest {
                runs[runs.count - 1].append(item)
            } else {
                runs.append([item])
            }
        }
        return runs
    }

    /// "11 pengingat dalam 1 pesan" on stderr, after a listing.
    static func summary(_ items: [ReminderItem]) {
        let messages = digests(items).count
        Printer.err(Language.t("\(items.count) pengingat dalam \(messages) pesan", "\(items.count) reminders in \(messages) messages"))
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
