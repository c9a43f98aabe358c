import ArgumentParser
import KinerjaRPC

struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Reminders: recorded, previewed, live, acknowledged.",
        subcommands: [List.self, Preview.self, Watch.self, Ack.self, Deliveries.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Recorded reminders, newest first: fired, missed (daemon was down too long) or silenced.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("fired, missed or silenced.", valueName: "state")) var state: String?
        @Option(help: ArgumentHelp("Only this person's plans.", valueName: "id")) var person: String?
        @Option(help: ArgumentHelp("Only those due to fire on or after this day.", valueName: "YYYY-MM-DD")) var since: String?
        @Option(help: ArgumentHelp("Only those due to fire on or before this day.", valueName: "YYYY-MM-DD")) var until: String?
        @Option(help: ArgumentHelp("At most this many.", valueName: "n")) var limit: Int = 50

        func validate() throws {
            if let state, !["fired", "missed", "silenced"].contains(state) { throw ValidationError("--state must be fired, missed or silenced") }
            try Bounds.limit(limit)
        }

        func run() throws {
            let items = try global.run { try $0.call(Kinerja.ListReminders.self, .init(state: state, person: person, since: since, until: until, limit: limit)).reminders }
            if global.json { return try Printer.json(items) }
            Printer.out(RemindersCommand.table(items).render(legend: global.legend))
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "What would fire between two dates, without firing anything.",
            discussion: "Example: kinerjactl reminders preview --from 2026-12-01 --to 2026-12-31")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("First day (default: today).", valueName: "YYYY-MM-DD")) var from: String?
        @Option(help: ArgumentHelp("Last day (default: the first day).", valueName: "YYYY-MM-DD")) var to: String?
        @Option(help: ArgumentHelp("Only this person's plans.", valueName: "id")) var person: String?

        func run() throws {
            let items = try global.run { client -> [ReminderItem] in
                let today = try client.call(Kinerja.GetStatus.self).status.today
                let start = from ?? today
                return try client.callInPieces(Kinerja.PreviewReminders.self, .init(from: start, to: to ?? start, person: person)) {
                    $0.reminders += $1.reminders
                }.reminders
            }
            if global.json { return try Printer.json(items) }
            Printer.out(RemindersCommand.table(items).render(legend: global.legend))
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "watch", abstract: "Print reminders as they fire, until interrupted.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.run { client in
                try client.stream(Kinerja.WatchReminders.self, Empty()) { reply in
                    if global.json { try Printer.json(reply.reminder) } else { Printer.out("\(reply.reminder.fireAt)  \(reply.reminder.kind)  \(reply.reminder.message)") }
                    return true
                }
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge a reminder: no more reminders for the same plan, step and deadline.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The reminder id, as `reminders preview` or `reminders list` prints it (one still to come, or one fired).", valueName: "id")) var id: String

        func run() throws {
            _ = try global.run { try $0.call(Kinerja.AckReminder.self, .init(id: id)) }
            Printer.err(Language.t("diterima: \(id)", "acknowledged: \(id)"))
        }
    }

    struct Deliveries: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "Hook deliveries: pending, retrying, delivered or failed.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("pending, retrying, delivered or failed.", valueName: "state")) var state: String?
        @Option(help: ArgumentHelp("At most this many.", valueName: "n")) var limit: Int = 50

        func validate() throws { try Bounds.limit(limit) }

        func run() throws {
            let items = try global.run { try $0.call(Kinerja.ListDeliveries.self, .init(state: state, limit: limit)).deliveries }
            if global.json { return try Printer.json(items) }
            var table = Table(["HOOK", Language.t("KEADAAN", "STATE"), Language.t("PERCOBAAN", "ATTEMPTS"), Language.t("BERIKUTNYA", "NEXT"), "EXIT", Language.t("PENGINGAT", "REMINDER"), Language.t("GALAT", "ERROR")])
            for d in items {
                table.add([d.hook, d.state, "\(d.attempts)", Printer.cell(d.nextAttemptAt), d.lastExitCode.map(String.init) ?? "-", d.reminder,
                           String((d.lastError ?? "").prefix(60)).replacingNewlines])
            }
            Printer.out(table.render(legend: global.legend))
        }
    }

    static func table(_ items: [ReminderItem]) -> Table {
        var table = Table([Language.t("WAKTU", "FIRES"), Language.t("JENIS", "KIND"), Language.t("KEADAAN", "STATE"), Language.t("PENERIMA", "RECIPIENT"), Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), "ID"])
        for r in items {
            table.add([r.fireAt, r.kind, r.state + (r.late ? Language.t(" (terlambat)", " (late)") : ""), "\(r.recipientRole):\(r.recipient ?? "-")",
                       Printer.cell(r.step), r.due, r.id])
        }
        return table
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
