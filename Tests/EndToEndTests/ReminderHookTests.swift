import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hooks of fired reminders, run by the real daemon: what a hook receives (stdin, a clean
/// environment), the timeout that kills the hook's whole process group, retries with backoff.
@Suite("Reminders: hooks", .timeLimit(.minutes(5)))
struct ReminderHookTests {
    @Test("stdin and environment; a hanging hook and its child killed at 2 s and retried to failed; exit 75 then 0 is delivered at attempt 2")
    func hooksReceiveTimeOutAndRetry() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let out = daemon.directory + "/out"

        // 10: records what it gets. 20: for the due reminder only, starts a child and
        // sleeps "for ever". 30: exit 75 at the first attempt of each reminder, 0 at the next.
        // Each reads its stdin first: a hook that does not is the subject of its own test below.
        try daemon.writeRecordingHook("10-record", into: out)
        try daemon.writeHook("20-hang", """
            #!/bin/sh
            cat > /dev/null
            [ "$KINERJA_KIND" = due ] || exit 0
            sleep 1000 &
            echo "$$ $!" >> "\(out)/hang.pids"
            echo "hanging" >&2
            sleep 1000
            """)
        try daemon.writeTempfailOnceHook("30-tempfail-once", counting: out)
        try daemon.start(clockStart: ReminderScenario.beforeFire, environment: ["E2E_REMINDER_SECRET": "must-not-leak"])
        try daemon.importExampleDistrict()
        let planned = try daemon.preview("2026-11-26")
        #expect(Set(planned.map(\.id)) == [ReminderScenario.dueID, ReminderScenario.blockedID])
        let hooks = try daemon.json([HookItem].self, ["hooks", "list"])
        #expect(hooks.map(\.name) == ["10-record", "20-hang", "30-tempfail-once"])

        // Watch the hanging hook: when each attempt's processes appear and disappear.
        var firstSeen: [pid_t: Date] = [:]
        var goneAt: [pid_t: Date] = [:]
        var statesSeen: Set<String> = []
        var final: DeliveryItem?
        var lastDeliveryPoll = Date.distantPast
        let finished = try reminderPoll(timeout: 40, interval: 0.05) {
            let lines = (try? String(contentsOfFile: out + "/hang.pids", encoding: .utf8)) ?? ""
            for pid in lines.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap({ pid_t($0) }) {
                if firstSeen[pid] == nil { firstSeen[pid] = Date() }
                if goneAt[pid] == nil && !reminderProcessIsAlive(pid) { goneAt[pid] = Date() }
            }
            guard Date().timeIntervalSince(lastDeliveryPoll) > 0.25 else { return false }
            lastDeliveryPoll = Date()
            let hang = try daemon.deliveries().first { $0.reminder == ReminderScenario.dueID && $0.hook == "20-hang" }
            if let hang { statesSeen.insert(hang.state) }
            final = hang
            return hang?.state == "failed" && firstSeen.count == 6 && goneAt.count == 6
        }
        #expect(finished, "hang delivery: \(String(describing: final)); pids \(firstSeen.keys.sorted()), gone \(goneAt.keys.sorted())")

        // Killed at the timeout, with its child: 3 attempts × (shell + child), each gone ~2 s after it started.
        #expect(firstSeen.count == 6)
        for (pid, start) in firstSeen.sorted(by: { $0.value < $1.value }) {
            let gone = try #require(goneAt[pid], "process \(pid) of the hanging hook survived")
            let lived = gone.timeIntervalSince(start)
            #expect(lived > 1.5 && lived < 3.5, "pid \(pid) lived \(lived) s, timeout is 2 s")
        }
        #expect(firstSeen.keys.allSatisfy { !reminderProcessIsAlive($0) })
        #expect(statesSeen.contains("retrying"), "states seen: \(statesSeen)")
        #expect(final?.state == "failed" && final?.attempts == 3, "\(String(describing: final))")
        #expect(final?.lastError?.contains("timed out") == true, "\(String(describing: final?.lastError))")

        // Exit 75 once, then 0: delivered at the second attempt, for both reminders; the
        // recording hook at the first; the hanging hook exits 0 for the blocked reminder.
        var deliveries: [DeliveryItem] = []
        #expect(try reminderPoll(timeout: 10) {
            deliveries = try daemon.deliveries()
            return deliveries.filter { $0.hook == "30-tempfail-once" && $0.state == "delivered" }.count == 2
        }, "\(deliveries)")
        for id in [ReminderScenario.dueID, ReminderScenario.blockedID] {
            let mine = deliveries.filter { $0.reminder == id }
            #expect(mine.count == 3, "\(id): \(mine)")
            let record = mine.first { $0.hook == "10-record" }
            #expect(record?.state == "delivered" && record?.attempts == 1, "\(String(describing: record))")
            let tempfail = mine.first { $0.hook == "30-tempfail-once" }
            #expect(tempfail?.state == "delivered" && tempfail?.attempts == 2, "\(String(describing: tempfail))")
        }
        let hangBlocked = deliveries.first { $0.reminder == ReminderScenario.blockedID && $0.hook == "20-hang" }
        #expect(hangBlocked?.state == "delivered" && hangBlocked?.attempts == 1)
        #expect(try daemon.status().deliveriesFailed == 1)

        // stdin: one JSON line per reminder (the recording hook ran once each), "api": 1.
        let stdin = try String(contentsOfFile: out + "/stdin.jsonl", encoding: .utf8)
        let lines = stdin.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(stdin.hasSuffix("\n") && lines.count == 2, "\(stdin)")
        let journal = try ReminderJournal.reminders(of: daemon)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect((object["api"] as? NSNumber)?.intValue == 1, "\(line)")
            let reminder = try #require(object["reminder"] as? [String: Any])
            let person = try #require(object["person"] as? [String: Any])
            let deadline = try #require(object["deadline"] as? [String: Any])
            let recipient = try #require(object["recipient"] as? [String: Any])
            let id = try #require(reminder["id"] as? String)
            let item = try #require(planned.first { $0.id == id }, "unexpected reminder \(id)")
            #expect(reminder["kind"] as? String == item.kind)
            #expect(reminder["message"] as? String == item.message)
            #expect(reminder["late"] as? Bool == false)
            #expect(reminder["fireAt"] as? String == item.fireAt)
            #expect(person["id"] as? String == item.person)
            #expect(deadline["plan"] as? String == item.plan && deadline["step"] as? String == item.step)
            #expect(deadline["due"] as? String == item.due && deadline["cycle"] as? String == "2026-2")
            #expect(recipient["role"] as? String == item.recipientRole && recipient["id"] as? String == item.recipient)

            // The environment: the same essentials as the journal entry, and nothing of the daemon's.
            let envText = try String(contentsOfFile: "\(out)/env.\(item.kind)", encoding: .utf8)
            var env: [String: String] = [:]
            for envLine in envText.split(separator: "\n") {
                guard let eq = envLine.firstIndex(of: "=") else { continue }
                env[String(envLine[..<eq])] = String(envLine[envLine.index(after: eq)...])
            }
            let entry = try #require(journal.first { $0["KINERJA_REMINDER_ID"] == id })
            for field in ["KINERJA_REMINDER_ID", "KINERJA_KIND", "KINERJA_PERSON_ID", "KINERJA_NAME", "KINERJA_ROLE", "KINERJA_NPSN",
                          "KINERJA_CYCLE", "KINERJA_STEP", "KINERJA_DUE", "KINERJA_DAYS", "KINERJA_RECIPIENT", "KINERJA_LATE"] {
                #expect(env[field] != nil && env[field] == entry[field], "\(item.kind) \(field): env \(env[field] ?? "-"), journal \(entry[field] ?? "-")")
            }
            #expect(env["KINERJA_API"] == "1")
            #expect(env["KINERJA_MESSAGE"] == item.message)
            #expect(env["KINERJA_RECIPIENT_ROLE"] == item.recipientRole)
            #expect(env["KINERJA_STATE_DIRECTORY"] == daemon.stateDirectory)
            let allowed: Set<String> = ["PATH", "LANG", "PWD", "OLDPWD", "SHLVL", "_"]
            let foreign = env.keys.filter { !$0.hasPrefix("KINERJA_") && !allowed.contains($0) }.sorted()
            #expect(foreign.isEmpty, "the hook's environment is not clean: \(foreign)")
            #expect(env["E2E_REMINDER_SECRET"] == nil && env["NOTIFY_SOCKET"] == nil && env["HOME"] == nil)
        }
    }

    /// README: the hook gets "the same essentials in KINERJA_* variables", so a shell hook may
    /// ignore its stdin. Such a hook exits before (or while) the daemon writes the JSON line.
    @Test("a hook that ignores its stdin is delivered, and the daemon keeps running")
    func hookIgnoringStdin() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let out = daemon.directory + "/ids"
        try daemon.writeHook("10-env-only", """
            #!/bin/sh
            echo "$KINERJA_REMINDER_ID" >> "\(out)"
            exit 0
            """)
        try ReminderScenario.startBeforeFire(daemon)
        for attempt in 1...10 {
            let result = try daemon.json(HookTestResult.self, ["hooks", "test", "10-env-only"])
            #expect(result.outcome == "delivered" && result.exitCode == 0, "hooks test #\(attempt): \(result)")
        }
        var deliveries: [DeliveryItem] = []
        let delivered = try reminderPoll(timeout: 15) {
            deliveries = try daemon.deliveries()
            return deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" }
        }
        #expect(delivered, "\(deliveries)")
        #expect(deliveries.allSatisfy { $0.attempts == 1 })
        let ids = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(Set(ids.split(separator: "\n").map(String.init)).isSuperset(of: [ReminderScenario.dueID, ReminderScenario.blockedID]), "\(ids)")
        #expect(daemon.process?.isRunning == true, "kinerjad died; its output:\n\(daemon.output())")
    }
}
