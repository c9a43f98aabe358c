import Foundation
import KinerjaRPC
import Testing

/// One message a day per person (issue 16), with the real daemon, journald and a hook: on
/// 14 December 2026 the example district's Kepala Dinas gets one journal entry and one hook
/// run listing his 11 escalations, most urgent first; 26 reminders go out as 16 messages.
@Suite("Reminders: one message a day per person", .timeLimit(.minutes(3)))
struct ReminderDigestTests {
    static let kepalaDinas = "196808141994031005"

    @Test("the Kepala Dinas's 11 escalations of 14 December 2026: one journal entry, one hook run, items kept apart in the log")
    func theKepalaDinasGetsOneMessage() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let out = daemon.directory + "/out"
        try daemon.writeRecordingHook("10-record", into: out)
        try daemon.start(clockStart: "2026-12-14T06:59:50+07:00")
        let officials = try daemon.cli.importFile("officials", TestEnvironment.example("pejabat.csv"))
        #expect(officials.applied)
        try daemon.importExampleDistrict()

        let planned = try daemon.preview("2026-12-14")
        let toKadis = planned.filter { $0.recipient == Self.kepalaDinas }
        #expect(planned.count == 26 && Set(planned.map(\.digest)).count == 16)
        #expect(toKadis.count == 11 && Set(toKadis.map(\.digest)) == ["2026-12-14|\(Self.kepalaDinas)"])
        #expect(toKadis.allSatisfy { $0.recipientNama == "Drs. H. Ahmad Syarifuddin, M.Si." && $0.recipientJabatan == "Kepala Dinas Pendidikan" })

        let entries = try ReminderJournal.waitForReminders(of: daemon, timeout: 60) { $0.count >= 16 }
        let kadis = entries.filter { $0["KINERJA_RECIPIENT"] == Self.kepalaDinas }
        #expect(entries.count == 16, "\(entries.count) journal entries")
        #expect(kadis.count == 1 && kadis.first?["KINERJA_COUNT"] == "11", "\(kadis)")
        #expect(kadis.first?["KINERJA_RECIPIENT_JABATAN"] == "Kepala Dinas Pendidikan")
        #expect(ReminderJournal.itemIDs(kadis.first ?? [:]) == toKadis.map(\.id), "KINERJA_REMINDER_ID once per item, most urgent first")
        #expect(kadis.first?["MESSAGE"]?.hasPrefix("11 pengingat Kinerja untuk Drs. H. Ahmad Syarifuddin, M.Si. (Kepala Dinas Pendidikan), 14 Desember 2026") == true)

        var lines: [[String: Any]] = []
        #expect(try reminderPoll(timeout: 30) {
            let text = (try? String(contentsOfFile: out + "/stdin.jsonl", encoding: .utf8)) ?? ""
            lines = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            return lines.count >= 16
        }, "\(lines.count) hook runs")
        #expect(lines.count == 16)
        let kadisRuns = lines.filter { ($0["recipient"] as? [String: Any])?["id"] as? String == Self.kepalaDinas }
        try #require(kadisRuns.count == 1)
        let run = kadisRuns[0]
        #expect(run["api"] as? Int == 2)
        #expect((run["recipient"] as? [String: Any])?["jabatan"] as? String == "Kepala Dinas Pendidikan")
        let digest = try #require(run["digest"] as? [String: Any])
        let items = (digest["items"] as? [[String: Any]] ?? []).compactMap { ($0["reminder"] as? [String: Any])?["id"] as? String }
        #expect(digest["count"] as? Int == 11)
        #expect(items == toKadis.map(\.id), "the hook's items in the preview's order, most urgent first")

        // The log keeps every item, each fired once, listed with its digest.
        let fired = try daemon.recorded(state: "fired")
        #expect(fired.count == 26)
        #expect(fired.filter { $0.digest == "2026-12-14|\(Self.kepalaDinas)" }.map(\.id) == toKadis.map(\.id))
        #expect(daemon.stop() == 0)
    }
}
