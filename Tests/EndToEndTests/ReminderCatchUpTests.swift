import Foundation
import KinerjaRPC
import Testing

/// Exactly once across crashes and restarts, and catch-up after downtime: the real daemon
/// SIGKILLed and restarted on the same state directory with its clock moved.
@Suite("Reminders: exactly once and catch-up", .timeLimit(.minutes(5)))
struct ReminderCatchUpTests {
    @Test("SIGKILL and restart never repeat a reminder or a hook; downtime within 7 days fires late, beyond it is recorded missed")
    func exactlyOnceAndCatchUp() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let log = daemon.directory + "/hook.jsonl"
        try daemon.writeHook("50-append", """
            #!/bin/sh
            cat >> "\(log)"
            """)

        // Fired reminders in the journal: each id once (in its digest's entry), and in the
        // hook's file: each id once (in its digest's run).
        func journalIDs() throws -> [String] { try ReminderJournal.reminders(of: daemon).flatMap(ReminderJournal.itemIDs) }
        func hookIDs() throws -> [String] { try ReminderJournal.hookItemIDs(log) }
        /// Waits until `count` reminders are journaled, every delivery (one a digest) is
        /// delivered and the hook has seen them all (so a SIGKILL never lands in the middle of a
        /// hook: at-least-once there is by design).
        func settle(_ count: Int, _ phase: String) throws {
            var ids: [String] = []
            var deliveries: [DeliveryItem] = []
            let done = try reminderPoll(timeout: 15, interval: 0.2) {
                ids = try journalIDs()
                deliveries = try daemon.deliveries()
                let hooked = try hookIDs()
                return ids.count >= count && deliveries.allSatisfy { $0.state == "delivered" } && hooked.count >= count
            }
            #expect(done, "\(phase): \(ids.count) journaled, deliveries \(deliveries.map(\.state))")
            #expect(ids.count == count, "\(phase): \(ids.count) journal entries, expected \(count)")
        }
        func expectNoDuplicates(_ phase: String) throws {
            let ids = try journalIDs()
            let hooked = try hookIDs()
            #expect(Set(ids).count == ids.count, "\(phase): a reminder was journaled twice: \(duplicates(ids))")
            #expect(Set(hooked).count == hooked.count, "\(phase): a hook ran twice for: \(duplicates(hooked))")
            #expect(Set(hooked) == Set(ids), "\(phase): hook file and journal differ")
        }

        // A: 07:00 on Thursday 26 November: the due and the blocked reminder fire.
        try ReminderScenario.startBeforeFire(daemon)
        let thursday = try daemon.preview("2026-11-26")
        let friday = try daemon.preview("2026-11-27")
        let weekend = try daemon.preview("2026-11-28", "2026-11-29")
        let monday = try daemon.preview("2026-11-30")
        let beyondHorizon = try daemon.preview("2026-12-01", "2026-12-03")
        let withinHorizon = try daemon.preview("2026-12-04", "2026-12-09")
        let december10 = try daemon.preview("2026-12-10")
        #expect(thursday.count == 2 && weekend.isEmpty, "nothing fires on Saturday or Sunday: \(weekend.map(\.id))")
        #expect(!friday.isEmpty && !monday.isEmpty && !beyondHorizon.isEmpty && !withinHorizon.isEmpty && !december10.isEmpty)
        // Lead reminders of Monday's deadlines moved from Sunday to Friday (non_working_day = "before").
        #expect(friday.contains { $0.kind == "lead" && $0.due == "2026-11-30" && $0.id.hasSuffix("|lead|-1|" + ($0.recipient ?? "")) })
        try settle(2, "26 Nov 07:00")
        try expectNoDuplicates("26 Nov 07:00")

        // B: crash, then restart a few seconds later the same morning: nothing again.
        daemon.kill()
        try daemon.start(clockStart: "2026-11-26T07:00:10+07:00")
        usleep(1_500_000)
        try settle(2, "restart at 07:00:10")
        try expectNoDuplicates("restart at 07:00:10")

        // B': crash, then restart with the clock before 07:00 again: 07:00 passes a second time,
        // and the store (not the checkpoint) keeps every occurrence from firing twice.
        daemon.kill()
        try daemon.start(clockStart: "2026-11-26T06:59:58+07:00")
        #expect(try reminderPoll(timeout: 8, interval: 0.2) {
            guard let now = RFC3339.date(try daemon.status().now), let fire = RFC3339.date("2026-11-26T07:00:01+07:00") else { return false }
            return now >= fire
        })
        usleep(1_000_000)
        try settle(2, "07:00 passed again")
        try expectNoDuplicates("07:00 passed again")
        #expect(try daemon.status().remindersFired == 2)

        // C: crash; down over the weekend until Monday 30 November 07:00:30. Friday's
        // occurrences fire once, late; Monday's 07:00 ones fire on time (30 s, within a minute).
        daemon.kill()
        try daemon.start(clockStart: "2026-11-30T07:00:30+07:00")
        try settle(2 + friday.count + monday.count, "Monday")
        try expectNoDuplicates("Monday")
        let monday1 = try ReminderJournal.reminders(of: daemon)
        for item in friday {
            let entries = monday1.filter { ReminderJournal.itemIDs($0).contains(item.id) }
            #expect(entries.count == 1 && entries.first?["KINERJA_LATE"] == "1", "\(item.id): \(entries.map { $0["KINERJA_LATE"] ?? "-" })")
        }
        for item in monday {
            let entries = monday1.filter { ReminderJournal.itemIDs($0).contains(item.id) }
            #expect(entries.count == 1 && entries.first?["KINERJA_LATE"] == "0", "\(item.id): \(entries.map { $0["KINERJA_LATE"] ?? "-" })")
        }
        let recordedMonday = try daemon.recorded()
        #expect(recordedMonday.filter { $0.late }.map(\.id).sorted() == friday.map(\.id).sorted())
        // `reminders list --since/--until` bound the local date each was due to fire, both included.
        func listed(_ bounds: [String]) throws -> [String] {
            try daemon.json([ReminderItem].self, ["reminders", "list", "--limit", "10000"] + bounds).map(\.id).sorted()
        }
        #expect(try listed(["--until", "2026-11-26"]) == thursday.map(\.id).sorted())
        #expect(try listed(["--since", "2026-11-27", "--until", "2026-11-29"]) == friday.map(\.id).sorted())
        #expect(try listed(["--since", "2026-11-30"]) == monday.map(\.id).sorted())
        #expect(try listed(["--since", "2026-11-26", "--until", "2026-11-30"]).count == recordedMonday.count)
        let backwards = try daemon.cli.run(["reminders", "list", "--since", "2026-11-30", "--until", "2026-11-26"])
        #expect(backwards.status == 1 && backwards.stderr.contains("2026-11-26"), "\(backwards)")

        // D: crash; down for ten days, until 10 December 07:00:30: what is older than
        // catch_up_horizon_days (7, i.e. before 3 December 07:00:30) is recorded missed and
        // not journaled; the rest fires once, late except today's.
        daemon.kill()
        try daemon.start(clockStart: "2026-12-10T07:00:30+07:00")
        let fired = 2 + friday.count + monday.count + withinHorizon.count + december10.count
        try settle(fired, "10 December")
        try expectNoDuplicates("10 December")
        let missed = try daemon.recorded(state: "missed")
        #expect(missed.map(\.id).sorted() == beyondHorizon.map(\.id).sorted())
        #expect(missed.allSatisfy { $0.state == "missed" })
        let status = try daemon.status()
        #expect(status.remindersMissed == beyondHorizon.count && status.remindersMissed > 0)
        #expect(status.remindersFired == fired)
        let journaled = Set(try journalIDs())
        #expect(journaled.isDisjoint(with: beyondHorizon.map(\.id)), "missed reminders must not be journaled")
        let entries = try ReminderJournal.reminders(of: daemon)
        for item in withinHorizon + december10 {
            let mine = entries.filter { ReminderJournal.itemIDs($0).contains(item.id) }
            let late = december10.contains(item) ? "0" : "1"
            #expect(mine.count == 1 && mine.first?["KINERJA_LATE"] == late, "\(item.id): \(mine.map { $0["KINERJA_LATE"] ?? "-" })")
        }
        let digests = Set(try daemon.recorded(state: "fired").compactMap(\.digest))
        #expect(try daemon.deliveries().count == digests.count && digests.count < fired, "one hook run a digest; missed reminders run none")
    }
}

/// The elements that occur more than once.
private func duplicates(_ values: [String]) -> [String] {
    Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
}
