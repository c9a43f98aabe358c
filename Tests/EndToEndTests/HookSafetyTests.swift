import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, findings 2, 4, 5 and 9: hooks run by the real daemon at 07:00 on 26 November
/// (the example district's `due` and `blocked` reminders), in an office speaking Bahasa
/// Indonesia (why a hook is skipped is the daemon's word to the administrator). Only hooks their owners placed
/// run; what a hook leaves running ends with it; a slow hook holds up no other; and a
/// shortage of descriptors, or a hook directory that cannot be read, delays reminders
/// without losing their deliveries.
@Suite("Reminders: hooks kept safe", .timeLimit(.minutes(5)))
struct HookSafetyTests {
    static let reminders: Set<String> = [ReminderScenario.dueID, ReminderScenario.blockedID]

    /// Waits until both reminders are recorded fired and every delivery is final.
    static func settled(_ daemon: ReminderDaemon, timeout: Double = 30) throws -> [DeliveryItem] {
        var deliveries: [DeliveryItem] = []
        let done = try reminderPoll(timeout: timeout, interval: 0.25) {
            guard Set(try daemon.recorded(state: "fired").map(\.id)) == Self.reminders else { return false }
            deliveries = try daemon.deliveries()
            return deliveries.allSatisfy { $0.state == "delivered" || $0.state == "failed" }
        }
        guard done else { throw TestFailure("not settled within \(Int(timeout)) s: \(deliveries)\n\(daemon.output())") }
        return deliveries
    }

    static func chown(_ path: String, to account: Account) throws {
        guard lchown(path, account.uid, account.gid) == 0 else { throw TestFailure("chown \(path): \(String(cString: strerror(errno)))") }
    }

    @Test("a world-writable hooks.d (finding 4): a hook dropped there by another user is listed as skipped and never run")
    func worldWritableDirectory() throws {
        try ReminderJournal.ensureRunning()
        let account = try AuthorizationTests.unprivilegedAccount()
        let daemon = try ReminderDaemon()
        let marker = daemon.directory + "/dropped-ran"
        try daemon.writeHook("10-dropped", "#!/bin/sh\ncat > /dev/null\ntouch \(marker)\n")
        try Self.chown(daemon.hooksDirectory + "/10-dropped", to: account)
        #expect(chmod(daemon.hooksDirectory, 0o777) == 0)
        try ReminderScenario.startBeforeFire(daemon)

        let hooks = try daemon.json([HookItem].self, ["hooks", "list"])
        #expect(hooks.map(\.name) == ["10-dropped"])
        #expect(hooks.first?.skipped?.contains("dapat ditulis oleh grup atau pengguna lain") == true, "\(hooks)")
        let deliveries = try Self.settled(daemon)
        #expect(deliveries.isEmpty, "a skipped hook gets no deliveries: \(deliveries)")
        #expect(!FileManager.default.fileExists(atPath: marker), "the dropped hook ran")
        #expect(daemon.process?.isRunning == true)
        let logs = try ReminderJournal.entries(pids: daemon.pids, since: daemon.since).compactMap { $0["MESSAGE"] }.joined(separator: "\n")
        #expect(logs.contains("hook 10-dropped skipped"), "the journal says why: \(logs)")
    }

    @Test("a link to /bin/sh, a group-writable hook and another user's hook are skipped; the owner's hook runs")
    func onlyOwnedHooksRun() throws {
        try ReminderJournal.ensureRunning()
        let account = try AuthorizationTests.unprivilegedAccount()
        let daemon = try ReminderDaemon()
        let out = daemon.directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try daemon.writeHook("10-good", "#!/bin/sh\ncat > /dev/null\necho \"$KINERJA_REMINDER_ID\" >> \(out)/good\n")
        #expect(symlink("/bin/sh", daemon.hooksDirectory + "/20-shell") == 0)
        try daemon.writeHook("30-group-writable", "#!/bin/sh\ncat > /dev/null\ntouch \(out)/group-writable\n")
        #expect(chmod(daemon.hooksDirectory + "/30-group-writable", 0o775) == 0)
        try daemon.writeHook("40-foreign", "#!/bin/sh\ncat > /dev/null\ntouch \(out)/foreign\n")
        try Self.chown(daemon.hooksDirectory + "/40-foreign", to: account)
        try ReminderScenario.startBeforeFire(daemon)

        let hooks = try daemon.json([HookItem].self, ["hooks", "list"])
        #expect(hooks.map(\.name) == ["10-good", "20-shell", "30-group-writable", "40-foreign"])
        let skipped = Dictionary(uniqueKeysWithValues: hooks.map { ($0.name, $0.skipped ?? "") })
        #expect(skipped["10-good"] == "")
        #expect(skipped["20-shell"]?.contains("tautan simbolik") == true, "\(hooks)")
        #expect(skipped["30-group-writable"]?.contains("mode 775") == true, "\(hooks)")
        #expect(skipped["40-foreign"]?.contains("dimiliki uid \(account.uid)") == true, "\(hooks)")
        let listed = try daemon.cli.run(["hooks", "list"])
        #expect(listed.status == 0 && listed.stdout.contains("dilewati"), "\(listed)")

        let deliveries = try Self.settled(daemon)
        #expect(Set(deliveries.map(\.hook)) == ["10-good"], "\(deliveries)")
        #expect(deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" }, "\(deliveries)")
        #expect(!FileManager.default.fileExists(atPath: out + "/group-writable"))
        #expect(!FileManager.default.fileExists(atPath: out + "/foreign"))
        let refused = try daemon.cli.run(["hooks", "test", "20-shell"])
        #expect(refused.status == 1 && refused.stderr.contains("tautan simbolik"), "hooks test refuses a skipped hook: \(refused)")
    }

    @Test("what a hook leaves running ends when the hook ends (finding 5)")
    func childrenEndWithTheHook() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let pids = daemon.directory + "/children"
        try daemon.writeHook("10-background", "#!/bin/sh\ncat > /dev/null\nsleep 300 &\necho $! >> \(pids)\nexit 0\n")
        try ReminderScenario.startBeforeFire(daemon)
        let deliveries = try Self.settled(daemon)
        #expect(deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" && $0.attempts == 1 }, "\(deliveries)")
        let children = ((try? String(contentsOfFile: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
        #expect(children.count == 2)
        #expect(reminderPoll(timeout: 2) { !children.contains(where: reminderProcessIsAlive) },
                "children of finished hooks still running: \(children.filter(reminderProcessIsAlive))")
        for child in children where reminderProcessIsAlive(child) { kill(child, SIGKILL) }
    }

    @Test("a slow hook holds up no other (finding 9): the fast hook runs at once and retries on its own schedule")
    func slowHookDelaysNoOther() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon(hooks: .init(timeoutSeconds: 8, retryBackoffSeconds: 1, maxAttempts: 3, maxConcurrent: 4))
        let out = daemon.directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try daemon.writeHook("10-slow", "#!/bin/sh\ncat > /dev/null\ndate +%s.%N >> \(out)/slow\nsleep 5\n")
        // Exit 75 at each reminder's first run, 0 at the second; every start's time kept.
        try daemon.writeHook("20-quick", """
            #!/bin/sh
            cat > /dev/null
            date +%s.%N >> "\(out)/quick.$KINERJA_KIND"
            [ "$(wc -l < "\(out)/quick.$KINERJA_KIND")" -ge 2 ] && exit 0
            exit 75
            """)
        try ReminderScenario.startBeforeFire(daemon)
        let deliveries = try Self.settled(daemon)
        #expect(deliveries.count == 4 && deliveries.allSatisfy { $0.state == "delivered" }, "\(deliveries)")
        func times(_ file: String) -> [Double] {
            ((try? String(contentsOfFile: out + "/" + file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Double($0) }
        }
        let slowStart = try #require(times("slow").min())
        for kind in ["due", "blocked"] {
            let quick = times("quick.\(kind)")
            #expect(quick.count == 2, "\(kind): \(quick)")
            guard quick.count == 2 else { continue }
            #expect(quick[0] - slowStart < 2, "\(kind): the quick hook started \(quick[0] - slowStart) s after the slow one")
            #expect(quick[1] - quick[0] < 3, "\(kind): the retry came \(quick[1] - quick[0]) s after the first run (backoff 1 s)")
        }
    }

    @Test("400 descriptors and clients holding 390 connections at 07:00 (finding 2): reminders fire and every hook runs")
    func descriptorsExhaustedByClients() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        daemon.descriptorLimit = 400
        let out = daemon.directory + "/ids"
        try daemon.writeHook("10-record", "#!/bin/sh\ncat > /dev/null\necho \"$KINERJA_REMINDER_ID\" >> \(out)\n")
        try ReminderScenario.startBeforeFire(daemon)
        var held: [RawVarlinkConnection] = []
        for _ in 0..<390 {
            guard let connection = try? RawVarlinkConnection(path: daemon.socketPath) else { break }
            held.append(connection)
        }
        print("descriptors: \(held.count) connections held")
        // Hold them across 07:00 until both reminders are recorded.
        let fired = try reminderPoll(timeout: 20, interval: 0.5) {
            (try? ReminderJournal.reminders(of: daemon).count) == 2
        }
        #expect(fired, "both reminders were journaled: \(daemon.output())")
        Thread.sleep(forTimeInterval: 2)
        held.removeAll()
        let deliveries = try Self.settled(daemon)
        #expect(deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" }, "\(deliveries)")
        let ids = Set(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        #expect(ids == Self.reminders, "the hook ran for each reminder: \(ids)")
        let logs = try ReminderJournal.entries(pids: daemon.pids, since: daemon.since).compactMap { $0["MESSAGE"] }.joined(separator: "\n")
        #expect(logs.contains("serving 144 connections"), "the daemon says how many connections fit: \(logs.suffix(2000))")
    }

    @Test("a hook directory that cannot be listed keeps the reminders due and says so; they fire with their hooks once it can")
    func unlistableHookDirectory() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        try FileManager.default.removeItem(atPath: daemon.hooksDirectory)
        try "not a directory\n".write(toFile: daemon.hooksDirectory, atomically: true, encoding: .utf8)
        try ReminderScenario.startBeforeFire(daemon)
        let said = try reminderPoll(timeout: 20, interval: 0.5) {
            let logs = try ReminderJournal.entries(pids: daemon.pids, since: daemon.since).compactMap { $0["MESSAGE"] }
            return logs.contains { $0.contains("cannot list the hooks") && $0.contains("stay due") }
        }
        #expect(said, "the journal says the reminders wait for the hooks: \(daemon.output())")
        #expect(try daemon.recorded().isEmpty, "nothing recorded fired without its hooks")

        try FileManager.default.removeItem(atPath: daemon.hooksDirectory)
        try FileManager.default.createDirectory(atPath: daemon.hooksDirectory, withIntermediateDirectories: true)
        let out = daemon.directory + "/ids"
        try daemon.writeHook("10-record", "#!/bin/sh\ncat > /dev/null\necho \"$KINERJA_REMINDER_ID\" >> \(out)\n")
        daemon.process?.send(SIGHUP)  // a reload wakes the scheduler at once
        let deliveries = try Self.settled(daemon)
        #expect(deliveries.count == 2 && deliveries.allSatisfy { $0.state == "delivered" }, "\(deliveries)")
        let ids = Set(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        #expect(ids == Self.reminders)
    }
}
