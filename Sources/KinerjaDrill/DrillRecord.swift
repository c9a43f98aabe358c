import Foundation
import KinerjaCore
import KinerjaRPC

/// What the drill did and predicted, as it went.
struct DrillRecord {
    let lifecycle: CycleLifecycle
    var realStart = Date()
    var firstDay = LocalDate(dayNumber: 0)
    var lastDay = LocalDate(dayNumber: 0)
    /// The planned ids predicted for each fire day (day number), the latest prediction.
    var predicted: [Int: Set<String>] = [:]
    /// What the preview at the start of each month ("2027-01") listed as planned for it.
    var atMonthStart: [String: Set<String>] = [:]
    /// Previewed as silenced or acknowledged, by fire day (the latest prediction).
    var suppressed: [Int: Set<String>] = [:]
    var kinds: [String: String] = [:]
    /// Days on which the script changed something.
    var changeDays: Set<LocalDate> = []
    /// Silences added: person or school, until, from the day they were added.
    var silences: [(person: String?, npsn: String?, until: LocalDate, since: LocalDate)] = []
    var acknowledged: [(key: AcknowledgementKey, on: LocalDate)] = []
    /// People dropped from the roster, and when.
    var departed: [(person: String, on: LocalDate)] = []
    /// Cycles whose plans were all there on their eve.
    var eveChecked: [CycleID] = []
    var failures: [String] = []

    mutating func predict(_ items: [ReminderItem], from: LocalDate, through: LocalDate, monthStart: Bool, calendar: OfficeCalendar) {
        for n in from.dayNumber...through.dayNumber {
            predicted[n] = []
            suppressed[n] = []
        }
        for item in items {
            guard let at = DrillDaemon.instant(item.fireAt) else {
                failures.append("preview item \(item.id) has fireAt '\(item.fireAt)'")
                continue
            }
            let day = calendar.date(of: at).dayNumber
            guard day >= from.dayNumber, day <= through.dayNumber else {
                failures.append("preview \(from)…\(through) listed \(item.id) firing \(item.fireAt)")
                continue
            }
            kinds[item.id] = item.kind
            if item.state == "planned" {
                predicted[day, default: []].insert(item.id)
            } else {
                suppressed[day, default: []].insert(item.id)
            }
        }
        if monthStart {
            atMonthStart[DrillRecord.month(from)] = Set(items.filter { $0.state == "planned" }.map(\.id))
        }
    }

    mutating func noteSilence(_ arguments: [String], on day: LocalDate) {
        func value(_ option: String) -> String? { arguments.firstIndex(of: option).map { arguments[$0 + 1] } }
        guard let until = value("--until").flatMap({ LocalDate($0) }) else { return }
        silences.append((value("--person"), value("--npsn"), until, day))
    }

    /// On a cycle's eve every active position has its plan of the next cycle, made before
    /// the first instant (the audit says when).
    mutating func checkPlansExist(of cycle: CycleID, daemon: DrillDaemon) throws {
        let people = try daemon.json([PositionSummary].self, ["people", "list", "--cycle", "\(cycle)"])
        let without = people.filter { $0.plan == nil }.map(\.id)
        if people.isEmpty || !without.isEmpty {
            failures.append("on the eve of \(cycle), \(without.count) of \(people.count) positions have no plan: \(without)")
        }
        let history = try daemon.json([AuditEntry].self, ["history", "\(cycle)"])
        let created = history.filter { $0.action == "plans created" }.compactMap { DrillDaemon.instant($0.at) }
        let first = OfficeCalendar(identifier: "Asia/Jakarta")!.instant(cycle.start)
        if created.isEmpty || created.contains(where: { $0 >= first }) {
            failures.append("plans of \(cycle) were not all created before its first instant: \(history.map { "\($0.action) \($0.at)" })")
        } else {
            eveChecked.append(cycle)
        }
    }

    static func month(_ day: LocalDate) -> String { String(day.description.prefix(7)) }
}
