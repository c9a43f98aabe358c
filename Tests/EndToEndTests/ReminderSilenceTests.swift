import Foundation
import KinerjaRPC
import Testing

/// Silences and acknowledgements stop reminders without losing them: recorded `silenced`,
/// never journaled, never handed to a hook.
@Suite("Reminders: silences and acknowledgements", .timeLimit(.minutes(5)))
struct ReminderSilenceTests {
    @Test("a silenced person's reminder is recorded silenced, not journaled; an ack stops the later repeats of that plan, step and deadline")
    func silenceAndAck() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        try ReminderScenario.startBeforeFire(daemon)

        // Silence the blocked supervisor until Monday 30 November.
        let silence = try daemon.json(
            SilenceItem.self,
            ["silence", "add", "--person", ReminderScenario.blockedPerson, "--until", "2026-11-30", "--reason", "cuti sakit"])
        #expect(silence.person == ReminderScenario.blockedPerson && silence.until == "2026-11-30" && silence.reason == "cuti sakit")
        #expect(try daemon.json([SilenceItem].self, ["silence", "list"]).map(\.id) == [silence.id])

        // 07:00: the due reminder is journaled; the blocked one is recorded silenced only.
        let fired = try ReminderJournal.waitForReminders(of: daemon, timeout: 15) { !$0.isEmpty }
        #expect(try reminderPoll(timeout: 5) { try daemon.recorded().count == 2 })
        usleep(500_000)
        #expect(try ReminderJournal.reminders(of: daemon).compactMap { $0["KINERJA_REMINDER_ID"] } == [ReminderScenario.dueID], "\(fired)")
        let silenced = try daemon.recorded(state: "silenced")
        #expect(silenced.map(\.id) == [ReminderScenario.blockedID])
        #expect(try daemon.recorded(state: "fired").map(\.id) == [ReminderScenario.dueID])
        var status = try daemon.status()
        #expect(status.remindersFired == 1 && status.remindersSilenced == 1)

        // Acknowledge the due reminder (audited), then stop the daemon.
        let ack = try daemon.cli.run(["reminders", "ack", ReminderScenario.dueID])
        #expect(ack.status == 0, "\(ack)")
        let plan = String(ReminderScenario.dueID.prefix { $0 != "|" })
        #expect(try daemon.json([AuditEntry].self, ["history", plan]).contains { $0.action == "reminder acknowledged" })

        // Thursday 3 December 07:00:30 (the week in between caught up): the ack'd plan's
        // first overdue repeat is silenced; the blocked supervisor, no longer silenced, is
        // reminded again; other plans go on as planned.
        let december3 = try daemon.preview("2026-12-03")
        let overdue = "2026-2/198201192009031004/ks@20571219|dokumen-tindak-lanjut|2026-11-26|overdue|7|198201192009031004"
        let blockedAgain = "2026-2/196811021993032004/ps|penyusunan|2026-07-02|blocked|154|196808141994031005"
        #expect(Set(december3.map(\.id)) == [overdue, blockedAgain], "\(december3.map(\.id))")
        let between = try daemon.preview("2026-11-27", "2026-12-02")
        #expect(daemon.stop() == 0)
        try daemon.start(clockStart: "2026-12-03T07:00:30+07:00")
        let expectedFired = 1 + between.count + 1
        // One entry per digest (one recipient's day), listing each of its items.
        let entries = try ReminderJournal.waitForReminders(of: daemon, timeout: 15) { $0.flatMap(ReminderJournal.itemIDs).count >= expectedFired }
        usleep(500_000)
        let ids = try ReminderJournal.reminders(of: daemon).flatMap(ReminderJournal.itemIDs)
        #expect(ids.count == expectedFired, "\(entries.count) entries")
        #expect(ids.contains(blockedAgain))
        #expect(!ids.contains(overdue), "acknowledged: no more reminders for that plan, step and deadline")
        #expect(Set(ids).isSuperset(of: between.map(\.id)))
        #expect(Set(try daemon.recorded(state: "silenced").map(\.id)) == [ReminderScenario.blockedID, overdue])
        status = try daemon.status()
        #expect(status.remindersSilenced == 2 && status.remindersFired == expectedFired)
    }

    /// A silence covers the days up to its `until`: an occurrence due on one of those days is
    /// silenced, even when the daemon was down then and only catches up after the silence ended.
    @Test("catch-up honours the silence that covered the occurrence's day")
    func catchUpHonoursSilence() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        try daemon.start(clockStart: "2026-11-26T08:00:00+07:00")
        try daemon.importExampleDistrict()
        // A principal whose Pengembangan Kompetensi is overdue: a repeat on Friday 27 November.
        let person = "197009031995031002"
        let friday = try daemon.preview("2026-11-27").filter { $0.person == person }
        #expect(friday.count == 1, "\(friday)")
        _ = try daemon.json(SilenceItem.self, ["silence", "add", "--person", person, "--until", "2026-11-27", "--reason", "dinas luar"])
        #expect(daemon.stop() == 0)

        // Down over Friday; back on Monday after the silence ended.
        try daemon.start(clockStart: "2026-11-30T07:00:30+07:00")
        #expect(try reminderPoll(timeout: 10) { try daemon.recorded().count >= 32 })
        usleep(500_000)
        let recorded = try daemon.recorded().filter { $0.person == person }
        #expect(recorded.map(\.id) == friday.map(\.id))
        #expect(recorded.first?.state == "silenced", "fired on 27 Nov, a silenced day: \(recorded.map { "\($0.state) late=\($0.late)" })")
        let journaled = try ReminderJournal.reminders(of: daemon).contains { $0["KINERJA_REMINDER_ID"] == friday.first?.id }
        #expect(!journaled, "journaled although the person was silenced on that day")
    }
}
