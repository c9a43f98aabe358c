import Foundation
import KinerjaRPC
import Testing

/// A reminder fires: the real daemon, its clock moved to just before 07:00 WIB on
/// 26 November 2026, the example district imported, and the real journald read back.
@Suite("Reminders: firing into the journal", .timeLimit(.minutes(5)))
struct ReminderFiringTests {
    @Test("at 07:00 the due and the blocked reminder are one journal entry each, with every field; due→journal delay measured")
    func dueAndBlockedFireOnce() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        try ReminderScenario.startBeforeFire(daemon)

        // What fires on the 26th, as the daemon plans it: exactly these two.
        let planned = try daemon.preview("2026-11-26")
        #expect(Set(planned.map(\.id)) == [ReminderScenario.dueID, ReminderScenario.blockedID], "\(planned.map(\.id))")
        #expect(planned.allSatisfy { $0.fireAt == ReminderScenario.fireTime && $0.state == "planned" })
        #expect(try daemon.recorded().isEmpty, "nothing is recorded before 07:00")

        let entries = try ReminderJournal.waitForReminders(of: daemon, timeout: 17) { $0.count >= 2 }
        // Let anything else that would (wrongly) fire show up too.
        usleep(500_000)
        let all = try ReminderJournal.reminders(of: daemon)
        #expect(entries.count == 2)
        #expect(all.count == 2, "exactly one entry per reminder: \(all.map { $0["KINERJA_REMINDER_ID"] ?? "?" })")

        for item in planned {
            let matching = all.filter { $0["KINERJA_REMINDER_ID"] == item.id }
            #expect(matching.count == 1, "\(item.id): \(matching.count) journal entries")
            guard let entry = matching.first else { continue }
            let person = try #require(try daemon.json([PositionSummary].self, ["people", "show", item.person]).first)
            let expected = ReminderScenario.expectedFields(item, person: person, late: false)
            for (field, value) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(entry[field] == value, "\(item.kind) \(field)")
            }
            // Every field of README "Reminders" is present (KINERJA_NPSN empty for a supervisor).
            for field in ["KINERJA_REMINDER_ID", "KINERJA_KIND", "KINERJA_PERSON_ID", "KINERJA_NAME", "KINERJA_ROLE", "KINERJA_NPSN",
                          "KINERJA_CYCLE", "KINERJA_STEP", "KINERJA_DUE", "KINERJA_DAYS", "KINERJA_RECIPIENT", "KINERJA_LATE"] {
                #expect(entry[field] != nil, "\(item.kind): \(field) missing")
            }
            #expect(entry["MESSAGE"]?.hasPrefix("Pengingat") == true, "Indonesian message: \(entry["MESSAGE"] ?? "")")
        }
        let due = try #require(all.first { $0["KINERJA_KIND"] == "due" })
        #expect(due["PRIORITY"] == "4")
        #expect(due["MESSAGE"]?.contains("jatuh tempo hari ini (26 November 2026)") == true)
        #expect(due["KINERJA_NPSN"] == "20571219" && due["KINERJA_DAYS"] == "0")
        let blocked = try #require(all.first { $0["KINERJA_KIND"] == "blocked" })
        #expect(blocked["PRIORITY"] == "3")
        #expect(blocked["KINERJA_RECIPIENT"] == "196808141994031005" && blocked["KINERJA_DAYS"] == "147")
        #expect(blocked["MESSAGE"]?.contains("terblokir sejak 2 Juli 2026 (147 hari)") == true)

        // Recorded as fired, not late, and counted.
        let recorded = try daemon.recorded()
        #expect(Set(recorded.map(\.id)) == Set(planned.map(\.id)))
        #expect(recorded.allSatisfy { $0.state == "fired" && !$0.late })
        let status = try daemon.status()
        #expect(status.remindersFired == 2 && status.remindersMissed == 0 && status.remindersSilenced == 0)

        // The delay from the due instant (07:00:00 on the daemon's clock) to journald's
        // receive time, in real time: due - offset, offset = clock-start - real start.
        let run = try #require(daemon.runs.last)
        let (offset, anchored) = try daemon.clockOffset(of: run)
        let fireInstant = try #require(RFC3339.date(ReminderScenario.fireTime))
        let realDue = fireInstant.addingTimeInterval(-offset)
        var delays: [String] = []
        for entry in all {
            let received = try #require(ReminderJournal.realtime(entry))
            let delay = received.timeIntervalSince(realDue)
            delays.append("\(entry["KINERJA_KIND"] ?? "?") \(Int((delay * 1000).rounded())) ms")
            #expect(delay > -0.05, "fired before its instant: \(delay) s")
            #expect(delay < 5, "fired \(delay) s late")
        }
        let spawnDelay = try #require(all.compactMap(ReminderJournal.realtime).min())
            .timeIntervalSince(fireInstant.addingTimeInterval(-run.clockStart.timeIntervalSince(run.spawnedAt)))
        print("due→journal delay: \(delays.joined(separator: ", ")) (clock offset anchored on \(anchored ? "the daemon's --clock-start journal entry" : "the spawn"); from the spawn instead: \(Int((spawnDelay * 1000).rounded())) ms)")
    }
}
