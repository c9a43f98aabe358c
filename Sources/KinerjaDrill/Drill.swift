import Foundation
import KinerjaCore
import KinerjaRPC

/// What a drill runs on, and for how long.
public struct DrillOptions: Sendable {
    /// Where kinerjad and kinerjactl are.
    public var binDirectory: String
    /// The repository: config/kinerja.toml, config/rules, config/examples, the example hook.
    public var packageRoot: String
    /// The first day (the daemon starts at its 00:00) and the last (the drill ends at its noon).
    public var from: LocalDate
    public var to: LocalDate
    /// Seconds of the daemon's time per real second.
    public var rate: Int
    /// Progress lines, as the drill goes.
    public var log: @Sendable (String) -> Void

    /// The example district's zone (config/kinerja.toml: Asia/Jakarta).
    let calendar = OfficeCalendar(identifier: "Asia/Jakarta")!

    public init(binDirectory: String, packageRoot: String, from: LocalDate, to: LocalDate, rate: Int, log: @escaping @Sendable (String) -> Void) {
        self.binDirectory = binDirectory
        self.packageRoot = packageRoot
        self.from = from
        self.to = to
        self.rate = rate
        self.log = log
    }
}

/// A drill: one kinerjad on an accelerated clock, never restarted, from `from` (started at
/// 18:00 the evening before, the district imported by midnight) to `to` (noon) on
/// the example district, with the scripted changes of `DrillScript`; then the journal and
/// the hook's log are checked against what `reminders preview` predicted (see
/// `DrillReport`). What it predicts: at the start of each month (00:30, before the day's
/// 07:00) a preview of the month; after each day's changes (noon) a preview of the rest of
/// the month replaces the prediction from the next day on.
public enum Drill {
    public static func run(_ options: DrillOptions) throws -> DrillReport {
        let began = Date()
        try DrillJournal.ensureRunning()
        let calendar = options.calendar
        // Started the evening before, so that the district is imported by the first day's
        // midnight whatever the rate, and the first day is predicted whole.
        let start = calendar.instant(options.from).addingTimeInterval(-6 * 3600)
        let daemon = try DrillDaemon(options: options, start: start)
        defer { if daemon.process.isRunning { _ = daemon.stop() } }
        var record = DrillRecord(lifecycle: CycleLifecycle(graceDays: try DrillDaemon.graceDays(in: options.packageRoot)))
        record.realStart = Date()
        options.log("kinerjad pid \(daemon.pid), clock \(options.from) ×\(options.rate), in \(daemon.directory)")

        let status = try daemon.status()
        guard status.clockRate == options.rate else {
            throw DrillError("status shows clockRate \(status.clockRate.map(String.init) ?? "null"), not \(options.rate)")
        }
        try daemon.ctl(["import", "roster", options.packageRoot + "/config/examples/roster.csv"])
        // The example progress is of cycle 2026-2: once that cycle is closed, nothing more is
        // recorded on it (a drill that starts later starts from fresh plans).
        if !record.lifecycle.isClosed(CycleID("2026-2")!, on: options.from) {
            try daemon.ctl(["import", "progress", options.packageRoot + "/config/examples/progress.csv"])
        }
        let now = try daemon.now()
        var day = calendar.date(of: now)
        // Predictions start with the first day whose 07:00 is still ahead.
        let firstDay = max(options.from, now < calendar.instant(day, hour: 6, minute: 30) ? day : day.adding(days: 1))
        if firstDay != options.from { record.failures.append("the district was imported only at \(DrillDaemon.rfc3339(now, calendar: calendar)); lower --rate") }
        record.firstDay = firstDay
        try predict(daemon, &record, from: firstDay, monthStart: true, options: options)

        let end = calendar.instant(options.to, hour: 12)
        day = firstDay
        while day <= options.to {
            if day.day == 1, day != firstDay {
                try daemon.wait(until: calendar.instant(day, hour: 0, minute: 30))
                try predict(daemon, &record, from: day, monthStart: true, options: options)
            }
            if let event = DrillScript.events.first(where: { $0.day == day }), day < options.to {
                try daemon.wait(until: calendar.instant(day, hour: 12))
                options.log("\(day): \(event.what)")
                try run(event, daemon, &record, options: options)
                try predict(daemon, &record, from: day.adding(days: 1), monthStart: false, options: options)
            }
            // The eve of a cycle: its plans exist before its first instant.
            if day == CycleID(containing: day).end, day < options.to {
                try daemon.wait(until: calendar.instant(day, hour: 23))
                try record.checkPlansExist(of: CycleID(containing: day).next, daemon: daemon)
            }
            day = day.adding(days: 1)
        }
        try daemon.wait(until: end)
        record.lastDay = options.to
        options.log("\(options.to) 12:00 reached after \(Int(Date().timeIntervalSince(began))) s; collecting the evidence")
        let evidence = try DrillEvidence.collect(from: daemon, record: record)
        let stopped = daemon.stop()
        if stopped != 0 { record.failures.append("kinerjad exited \(stopped) on SIGTERM") }
        let report = DrillReport.make(record: record, evidence: evidence, options: options, seconds: Date().timeIntervalSince(began))
        if report.failures.isEmpty { daemon.remove() }
        return report
    }

    /// Previews from `from` to the end of its month and takes what it lists as planned as
    /// the prediction of those days (replacing an earlier one).
    static func predict(_ daemon: DrillDaemon, _ record: inout DrillRecord, from: LocalDate, monthStart: Bool, options: DrillOptions) throws {
        let monthEnd = from.endOfMonth
        guard from <= options.to else { return }
        let through = min(monthEnd, options.to)
        let items = try daemon.json([ReminderItem].self, ["reminders", "preview", "--from", "\(from)", "--to", "\(through)"])
        let now = try daemon.now()
        // Taken before the first day's 07:00 (at the month's start) or before midnight (after a change).
        let limit = monthStart ? options.calendar.instant(from, hour: 6, minute: 45) : options.calendar.instant(from)
        if now >= limit {
            record.failures.append("the drill fell behind: the preview from \(from) was taken at \(DrillDaemon.rfc3339(now, calendar: options.calendar)); lower --rate")
        }
        record.predict(items, from: from, through: through, monthStart: monthStart, calendar: options.calendar)
    }

    static func run(_ event: DrillEvent, _ daemon: DrillDaemon, _ record: inout DrillRecord, options: DrillOptions) throws {
        for action in event.actions {
            switch action {
            case .ctl(let arguments):
                try daemon.ctl(arguments)
                if arguments.starts(with: ["silence", "add"]) { record.noteSilence(arguments, on: event.day) }
            case .acknowledgeFirst(let person, let kind):
                let items = try daemon.json([ReminderItem].self, [
                    "reminders", "preview", "--person", person, "--from", "\(event.day.adding(days: 1))", "--to", "\(event.day.adding(days: 40))",
                ])
                guard let item = items.first(where: { $0.state == "planned" && (kind == nil || $0.kind == kind) }) else {
                    record.failures.append("\(event.day): nothing planned to acknowledge for \(person)")
                    continue
                }
                try daemon.ctl(["reminders", "ack", item.id])
                record.acknowledged.append((AcknowledgementKey(occurrenceID: item.id)!, event.day))
            case .rosterChange(let drop, let add):
                let roster = try String(contentsOfFile: options.packageRoot + "/config/examples/roster.csv", encoding: .utf8)
                let lines = roster.split(separator: "\n").filter { !$0.hasPrefix(drop + ",") }.map(String.init) + [add]
                let path = daemon.directory + "/roster-\(event.day).csv"
                try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
                // A whole roster: whoever it no longer names is marked inactive.
                try daemon.ctl(["import", "roster", path, "--deactivate-missing"])
                record.departed.append((drop, event.day))
            }
        }
        record.changeDays.insert(event.day)
    }
}

extension DrillDaemon {
    /// `close_cycle_after_days` of the shipped configuration (its default when absent).
    static func graceDays(in root: String) throws -> Int {
        let text = try String(contentsOfFile: root + "/config/kinerja.toml", encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("close_cycle_after_days") {
            if let value = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) { return value }
        }
        return CycleLifecycle().graceDays
    }
}
