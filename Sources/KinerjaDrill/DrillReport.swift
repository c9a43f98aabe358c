import Foundation
import KinerjaCore
import KinerjaRPC

/// The drill's verdict: every check that failed, and the summary table (fired per kind and
/// month, predicted against fired).
public struct DrillReport: Sendable {
    public struct Month: Sendable {
        public let month: String
        public var fired: [String: Int] = [:]
        public var predictedAtStart = 0
        public var predicted = 0
        public var firedTotal = 0
        public var silenced = 0
        public var matches = true
        public var changes = 0
    }

    public var months: [Month] = []
    public var failures: [String] = []
    public var seconds: Double = 0
    public var rate = 0
    public var firstDay = "", lastDay = ""
    public var eveChecked: [String] = []
    public var closed: [String] = []

    static let kinds = ["lead", "due", "overdue", "escalation", "blocked"]

    static func make(record: DrillRecord, evidence: DrillEvidence, options: DrillOptions, seconds: Double) -> DrillReport {
        var report = DrillReport()
        report.failures = record.failures
        report.seconds = seconds
        report.rate = options.rate
        report.firstDay = record.firstDay.description
        report.lastDay = record.lastDay.description
        report.eveChecked = record.eveChecked.map(\.description)
        let calendar = options.calendar
        func fail(_ text: String) { report.failures.append(text) }

        // Exactly once: each fired record in one journal entry and one hook run (its digest's),
        // and no other.
        let firedIDs = evidence.fired.map(\.id)
        let fireAt = Dictionary(evidence.fired.map { ($0.id, $0.fireAt) }, uniquingKeysWith: { a, _ in a })
        var journalCount: [String: Int] = [:]
        for e in evidence.journal { for id in e.ids { journalCount[id, default: 0] += 1 } }
        var hookCount: [String: Int] = [:]
        for h in evidence.hook { hookCount[h.id, default: 0] += 1 }
        if Set(firedIDs).count != firedIDs.count { fail("the store recorded an occurrence twice") }
        for (id, n) in journalCount where n != 1 { fail("\(id): \(n) journal entries") }
        for (id, n) in hookCount where n != 1 { fail("\(id): \(n) lines in the hook's log") }
        for id in firedIDs where journalCount[id] == nil { fail("\(id): recorded as fired, not in the journal") }
        for id in firedIDs where hookCount[id] == nil { fail("\(id): recorded as fired, not in the hook's log") }
        for id in journalCount.keys where fireAt[id] == nil { fail("\(id): in the journal, not recorded as fired") }

        // At fire_time of its day, not late, one number of days everywhere.
        let hookByID = Dictionary(evidence.hook.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var fireDay: [String: LocalDate] = [:]
        for (id, text) in fireAt {
            guard let at = DrillDaemon.instant(text) else { fail("\(id): fireAt '\(text)'"); continue }
            let day = calendar.date(of: at)
            fireDay[id] = day
            if at != calendar.instant(day, hour: 7) { fail("\(id) fired at \(text), not at 07:00 (fire_time) of its day") }
            if let hook = hookByID[id], hook.fireAt != text { fail("\(id): the hook got fireAt \(hook.fireAt), the store says \(text)") }
        }
        for e in evidence.journal {
            guard let text = fireAt[e.id], let at = DrillDaemon.instant(text) else { continue }
            if e.late != "0" { fail("\(e.id): KINERJA_LATE=\(e.late)") }
            if let received = e.receivedAt, received < at.addingTimeInterval(-120) || received > at.addingTimeInterval(4 * 3600) {
                fail("\(e.id): journald received it at \(DrillDaemon.rfc3339(received, calendar: calendar)) on the daemon's clock, due \(text)")
            }
            let hookDays = hookByID[e.id]?.days.map(String.init)
            if hookDays != e.days { fail("\(e.id): KINERJA_DAYS \(e.days) in the journal, \(hookDays ?? "none") in the hook's JSON") }
            if let days = Int(e.days), days != 0, !e.message.contains("\(abs(days)) hari") {
                fail("\(e.id): KINERJA_DAYS \(days) is not the number in the message: \(e.message)")
            }
        }

        // Predicted against fired, per day and month, from the first predicted day on.
        var firedByDay: [Int: Set<String>] = [:]
        for (id, day) in fireDay where day >= record.firstDay && day <= record.lastDay { firedByDay[day.dayNumber, default: []].insert(id) }
        for (id, day) in fireDay where day < record.firstDay || day > record.lastDay { fail("\(id) fired on \(day), outside the drill") }
        var silencedByMonth: [String: Int] = [:]
        for item in evidence.silenced {
            if let at = DrillDaemon.instant(item.fireAt) { silencedByMonth[DrillRecord.month(calendar.date(of: at)), default: 0] += 1 }
        }
        var day = record.firstDay
        while day <= record.lastDay {
            let key = DrillRecord.month(day)
            if report.months.last?.month != key { report.months.append(Month(month: key)) }
            let predicted = record.predicted[day.dayNumber] ?? [], fired = firedByDay[day.dayNumber] ?? []
            if predicted != fired {
                report.months[report.months.count - 1].matches = false
                fail("\(day): fired but not predicted \(fired.subtracting(predicted).sorted()); predicted but not fired \(predicted.subtracting(fired).sorted())")
            }
            report.months[report.months.count - 1].predicted += predicted.count
            report.months[report.months.count - 1].firedTotal += fired.count
            for id in fired { report.months[report.months.count - 1].fired[record.kinds[id] ?? "?", default: 0] += 1 }
            if record.changeDays.contains(day) { report.months[report.months.count - 1].changes += 1 }
            day = day.adding(days: 1)
        }
        for index in report.months.indices {
            let key = report.months[index].month
            let atStart = record.atMonthStart[key] ?? []
            report.months[index].predictedAtStart = atStart.count
            report.months[index].silenced = silencedByMonth[key] ?? 0
            // A month without a change after its first preview fires exactly what that preview listed.
            let firedInMonth = Set(fireDay.filter { DrillRecord.month($0.value) == key }.map(\.key))
            if report.months[index].changes == 0, atStart != firedInMonth {
                fail("\(key): no change in the month, yet the month's first preview listed \(atStart.count) and \(firedInMonth.count) fired")
            }
        }

        // Nothing for silenced, acknowledged, departed or closed plans.
        let fired = evidence.fired
        for item in fired {
            guard let day = fireDay[item.id], let plan = PlanID(item.plan) else { continue }
            for s in record.silences where day > s.since && day <= s.until
                && (s.person == plan.position.personID.rawValue || (s.npsn != nil && s.npsn == plan.position.npsn?.rawValue)) {
                fail("\(item.id) fired on \(day) under the silence of \(s.person ?? s.npsn ?? "?") until \(s.until)")
            }
            for a in record.acknowledged where day > a.on && AcknowledgementKey(occurrenceID: item.id) == a.key {
                fail("\(item.id) fired on \(day) after its deadline was acknowledged on \(a.on)")
            }
            for d in record.departed where day > d.on && plan.position.personID.rawValue == d.person {
                fail("\(item.id) fired on \(day) for \(d.person), out of the roster since \(d.on)")
            }
            if day >= record.lifecycle.closingDay(of: plan.cycle) {
                fail("\(item.id) fired on \(day) for cycle \(plan.cycle), closed on \(record.lifecycle.closingDay(of: plan.cycle))")
            }
        }
        // What the previews marked silenced or acknowledged is what was recorded as silenced.
        var silencedByDay: [Int: Set<String>] = [:]
        for item in evidence.silenced {
            guard let at = DrillDaemon.instant(item.fireAt) else { continue }
            let day = calendar.date(of: at)
            if day >= record.firstDay && day <= record.lastDay { silencedByDay[day.dayNumber, default: []].insert(item.id) }
        }
        var check = record.firstDay
        while check <= record.lastDay {
            let previewed = record.suppressed[check.dayNumber] ?? [], recorded = silencedByDay[check.dayNumber] ?? []
            if previewed != recorded {
                fail("\(check): recorded as silenced but not previewed so \(recorded.subtracting(previewed).sorted()); previewed as silenced or acknowledged but not recorded so \(previewed.subtracting(recorded).sorted())")
            }
            check = check.adding(days: 1)
        }
        for (cycle, people) in evidence.closedCycles.sorted(by: { $0.key < $1.key }) {
            let unfinished = people.compactMap(\.plan).filter { $0.step != nil }
            let marked = unfinished.filter { $0.flags.contains("tidak-selesai") }
            if unfinished.isEmpty || marked.count != unfinished.count {
                fail("cycle \(cycle) is closed, yet \(unfinished.count - marked.count) of its \(unfinished.count) unfinished plans are not tidak-selesai")
            }
            if !(evidence.cycleHistory[cycle] ?? []).contains("plans closed") { fail("cycle \(cycle) closed without a 'plans closed' audit row") }
            report.closed.append("\(cycle): \(marked.count) tidak-selesai")
        }
        return report
    }

    /// The summary: one row per month.
    public var table: String {
        var rows = [["month"] + DrillReport.kinds + ["fired", "predicted at month start", "predicted", "silenced", "changes", "match"]]
        for m in months {
            rows.append([m.month] + DrillReport.kinds.map { "\(m.fired[$0] ?? 0)" } + [
                "\(m.firedTotal)", "\(m.predictedAtStart)", "\(m.predicted)", "\(m.silenced)", "\(m.changes)", m.matches ? "yes" : "NO",
            ])
        }
        let total = months.reduce(into: Month(month: "total")) { t, m in
            for (k, v) in m.fired { t.fired[k, default: 0] += v }
            t.firedTotal += m.firedTotal
            t.predictedAtStart += m.predictedAtStart
            t.predicted += m.predicted
            t.silenced += m.silenced
            t.changes += m.changes
        }
        rows.append(["total"] + DrillReport.kinds.map { "\(total.fired[$0] ?? 0)" } + [
            "\(total.firedTotal)", "\(total.predictedAtStart)", "\(total.predicted)", "\(total.silenced)", "\(total.changes)",
            months.allSatisfy(\.matches) ? "yes" : "NO",
        ])
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }.joined(separator: " | ") + " |"
        }
        var text = [line(rows[0]), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"]
        text += rows.dropFirst().map(line)
        return text.joined(separator: "\n")
    }
}
