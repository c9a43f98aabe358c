import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kinerjactl reminders watch`: a Varlink `more` call that stays open and prints each
/// reminder as the daemon fires it.
@Suite("Reminders: watch", .timeLimit(.minutes(5)))
struct ReminderWatchTests {
    @Test("a watch started before 07:00 prints the due and the blocked reminder as they fire")
    func watchReceivesFiredReminders() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        try daemon.start(clockStart: "2026-11-26T06:59:45+07:00")
        try daemon.importExampleDistrict()
        let planned = try daemon.preview("2026-11-26")

        // Subscribed before 07:00: the watch's connection is the only one the daemon holds,
        // and the daemon's clock is still before 07:00 once it is there.
        #expect(reminderPoll(timeout: 10) { Self.connections(to: daemon.socketPath) == 0 }, "the setup's calls are closed")
        let output = daemon.directory + "/watch.json"
        var environment = ProcessInfo.processInfo.environment
        environment["KINERJA_SOCKET"] = nil
        let watch = try ChildProcess.spawn(
            TestEnvironment.kinerjactl, ["reminders", "watch", "--json", "--socket", daemon.socketPath], environment: environment,
            stdoutPath: output, stderrPath: daemon.directory + "/watch.err")
        defer { watch.killAndWait() }
        #expect(reminderPoll(timeout: 10) { Self.connections(to: daemon.socketPath) == 1 }, "the watch connected")
        let now = try daemon.status().now
        guard let clock = RFC3339.date(now), let fire = RFC3339.date(ReminderScenario.fireTime), clock < fire else {
            throw TestFailure("setup too slow: the daemon's clock is at \(now), past \(ReminderScenario.fireTime), before the watch connected")
        }

        var items: [ReminderItem] = []
        let received = try reminderPoll(timeout: 25) {
            items = try Self.items(in: output)
            return items.count >= 2
        }
        #expect(received, "watch printed \(items.map(\.id)); stderr: \((try? String(contentsOfFile: daemon.directory + "/watch.err", encoding: .utf8)) ?? "")")
        #expect(Set(items.map(\.id)) == [ReminderScenario.dueID, ReminderScenario.blockedID])
        for item in items {
            let plan = try #require(planned.first { $0.id == item.id })
            #expect(item.state == "fired" && !item.late && item.fireAt == ReminderScenario.fireTime, "\(item)")
            #expect(item.message == plan.message && item.kind == plan.kind && item.recipient == plan.recipient)
        }
        #expect(watch.isRunning, "the watch keeps watching")
    }

    /// The `--json` items the watch printed: pretty-printed objects, each closed by a `}` line.
    static func items(in path: String) throws -> [ReminderItem] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var items: [ReminderItem] = []
        var object: [Substring] = []
        for line in text.split(separator: "\n") {
            object.append(line)
            guard line == "}" else { continue }
            items.append(try JSONDecoder().decode(ReminderItem.self, from: Data(object.joined(separator: "\n").utf8)))
            object = []
        }
        return items
    }

    /// Connections the daemon holds on its socket: /proc/net/unix lists each accepted socket
    /// under the listening socket's path, in state 03 (connected).
    static func connections(to path: String) -> Int {
        let table = (try? String(contentsOfFile: "/proc/net/unix", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count >= 8 && fields[5] == "03" && fields[7] == path
        }.count
    }
}
