import Foundation
import KinerjaCore
import KinerjaRPC

/// What the daemon left behind: its journal entries, the example hook's log, and what the
/// store says of silenced reminders and closed cycles.
struct DrillEvidence {
    /// One journal entry: the digest of one recipient's day, with the fields of its most
    /// urgent item (`id`) and the ids of all its items.
    struct Entry {
        var id: String
        let kind, cycle, person, digest: String
        let ids: [String]
        let days: String
        let late: String
        let message: String
        /// journald's receive time, on the daemon's clock.
        let receivedAt: Date?
    }

    /// One line of the hook's log.
    struct HookLine {
        let id, fireAt, message: String
        let days: Int?
    }

    var journal: [Entry] = []
    var hook: [HookLine] = []
    /// Recorded as fired, with their fire times (the store's own account).
    var fired: [ReminderItem] = []
    /// Recorded as silenced (silence or acknowledgement), with their fire times.
    var silenced: [ReminderItem] = []
    /// Every plan of each closed cycle, as `people list --cycle` shows it at the end.
    var closedCycles: [CycleID: [PositionSummary]] = [:]
    /// Audit actions on each cycle.
    var cycleHistory: [CycleID: [String]] = [:]
    var fireTime = "07:00"

    static func collect(from daemon: DrillDaemon, record: DrillRecord) throws -> DrillEvidence {
        var evidence = DrillEvidence()
        // Every hook delivery done, every fired reminder in the journal.
        let deadline = Date().addingTimeInterval(60)
        var fired = 0
        while Date() < deadline {
            let pending = try daemon.json([DeliveryItem].self, ["reminders", "deliveries", "--state", "pending", "--limit", "10000"])
            fired = try daemon.status().remindersFired
            evidence.journal = try entries(of: daemon, since: record.realStart)
            if pending.isEmpty && evidence.journal.reduce(0, { $0 + $1.ids.count }) >= fired { break }
            usleep(300_000)
        }
        let text = (try? String(contentsOfFile: daemon.hookLog, encoding: .utf8)) ?? ""
        // The most urgent item of each digest: the hook event's own reminder (api 2).
        var mostUrgent: [String: String] = [:]
        for line in text.split(separator: "\n") {
            // One line per digest (api 2): a line per item of it.
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let digest = object["digest"] as? [String: Any], let items = digest["items"] as? [[String: Any]]
            else { continue }
            if let digestID = digest["id"] as? String, let lead = (object["reminder"] as? [String: Any])?["id"] as? String {
                mostUrgent[digestID] = lead
            }
            for item in items {
                guard let reminder = item["reminder"] as? [String: Any], let id = reminder["id"] as? String else { continue }
                evidence.hook.append(HookLine(
                    id: id, fireAt: reminder["fireAt"] as? String ?? "", message: reminder["message"] as? String ?? "",
                    days: reminder["days"] as? Int))
            }
        }
        for index in evidence.journal.indices {
            let entry = evidence.journal[index]
            if entry.ids.count > 1, let lead = mostUrgent[entry.digest], entry.ids.contains(lead) { evidence.journal[index].id = lead }
        }
        evidence.fired = try daemon.json([ReminderItem].self, ["reminders", "list", "--state", "fired", "--limit", "10000"])
        evidence.silenced = try daemon.json([ReminderItem].self, ["reminders", "list", "--state", "silenced", "--limit", "10000"])
        var cycle = CycleID(containing: record.firstDay)
        while cycle.start <= record.lastDay {
            evidence.cycleHistory[cycle] = try daemon.json([AuditEntry].self, ["history", "\(cycle)"]).map(\.action)
            if record.lifecycle.isClosed(cycle, on: record.lastDay) {
                evidence.closedCycles[cycle] = try daemon.json([PositionSummary].self, ["people", "list", "--cycle", "\(cycle)", "--all"])
            }
            cycle = cycle.next
        }
        return evidence
    }

    static func entries(of daemon: DrillDaemon, since: Date) throws -> [Entry] {
        try DrillJournal.reminders(pid: daemon.pid, since: since).map { e, ids in
            let received = e["__REALTIME_TIMESTAMP"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0 / 1_000_000) }
            return Entry(
                id: ids[0], kind: e["KINERJA_KIND"] ?? "", cycle: e["KINERJA_CYCLE"] ?? "",
                person: e["KINERJA_PERSON_ID"] ?? "", digest: e["KINERJA_DIGEST_ID"] ?? "", ids: ids, days: e["KINERJA_DAYS"] ?? "", late: e["KINERJA_LATE"] ?? "",
                message: e["MESSAGE"] ?? "", receivedAt: received.flatMap { daemon.daemonTime(atReal: $0) })
        }
    }
}
