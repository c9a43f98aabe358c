import Foundation
import KinerjaRPC
import Testing

/// A hook delivery waiting for its retry is a row of the store: a crash does not lose it,
/// and the restarted daemon delivers it (DESIGN.md, Hooks: "a restart resumes retries").
@Suite("Reminders: retries across a crash", .timeLimit(.minutes(5)))
struct ReminderRetryRestartTests {
    @Test("a delivery retrying after exit 75 survives SIGKILL and is delivered, once, after the restart")
    func retryingDeliverySurvivesKill() throws {
        try ReminderJournal.ensureRunning()
        // A 30 s backoff: the retry is due at 07:00:30 on the daemon's clock, long after the kill.
        let daemon = try ReminderDaemon(hooks: ReminderDaemon.HookSettings(retryBackoffSeconds: 30))
        let out = daemon.directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Exit 75 at the first attempt of each reminder, 0 at the next; every run counted.
        try daemon.writeTempfailOnceHook("30-tempfail-once", counting: out)
        try ReminderScenario.startBeforeFire(daemon)
        let ids: Set<String> = [ReminderScenario.dueID, ReminderScenario.blockedID]

        var deliveries: [DeliveryItem] = []
        let retrying = try reminderPoll(timeout: 20) {
            deliveries = try daemon.deliveries()
            return Set(deliveries.map(\.reminder)) == ids && deliveries.allSatisfy { $0.state == "retrying" && $0.attempts == 1 }
        }
        #expect(retrying, "\(deliveries)")
        #expect(deliveries.allSatisfy { $0.lastExitCode == 75 && $0.nextAttemptAt != nil }, "\(deliveries)")

        // Crash. The store still holds both deliveries as retrying after one attempt.
        daemon.kill()
        let store = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite")
        #expect(try store.value("SELECT count(*) FROM hook_delivery;") == "2")
        let waiting = try store.value(
            "SELECT count(*) FROM hook_delivery WHERE hook = '30-tempfail-once' AND state = 'retrying' AND attempts = 1 "
                + "AND reminder_id IN ('\(ReminderScenario.dueID)', '\(ReminderScenario.blockedID)');")
        #expect(waiting == "2", "both deliveries are still retrying after one attempt")

        // Restart past the retry's time: each is delivered at the second attempt, and nothing
        // runs or is journaled a third time.
        try daemon.start(clockStart: "2026-11-26T07:01:00+07:00")
        let delivered = try reminderPoll(timeout: 20) {
            deliveries = try daemon.deliveries()
            return deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" }
        }
        #expect(delivered, "\(deliveries)")
        #expect(deliveries.allSatisfy { $0.attempts == 2 }, "\(deliveries)")
        for kind in ["due", "blocked"] {
            let runs = try String(contentsOfFile: "\(out)/count.\(kind)", encoding: .utf8)
            #expect(runs.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "the hook ran \(runs) times for the \(kind) reminder")
        }
        let journaled = try ReminderJournal.reminders(of: daemon).compactMap { $0["KINERJA_REMINDER_ID"] }
        #expect(journaled.sorted() == ids.sorted(), "each reminder journaled once: \(journaled)")
        #expect(try daemon.status().deliveriesFailed == 0)
    }
}
