import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, findings 1 and 3: what any reading client could do to the real daemon. A
/// parameter out of its documented bound is refused by name, a century's preview is not
/// computed, and a client that pipelines listings without reading them is dropped with the
/// daemon's memory where it was.
@Suite("Clients within bounds", .timeLimit(.minutes(3)))
struct ClientBoundsTests {
    /// The daemon's resident memory in KiB (VmRSS of /proc/PID/status).
    static func residentKiB(_ pid: pid_t) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    @Test("History with limit -1 (finding 1): InvalidParameter naming limit, and the daemon lives; kinerjactl refuses it itself")
    func negativeHistoryLimit() throws {
        let account = try AuthorizationTests.unprivilegedAccount()
        let (daemon, user, _) = try AuthorizationTests.openDaemon()
        for limit in [-1, 0, 100_001, Int.max] {
            let connection = try RawVarlinkConnection(path: daemon.socketPath)
            #expect(connection.send(#"{"method":"id.kinerja.Kinerja.History","parameters":{"subject":"nobody","limit":\#(limit)}}"#))
            let reply = connection.receive()
            #expect(reply.errorName == "org.varlink.service.InvalidParameter", "limit \(limit): \(reply)")
            if case .reply(let text) = reply { #expect(text.contains(#""parameter":"limit""#), "names the parameter: \(text)") }
            RobustnessTests.stillServes(daemon, after: "History with limit \(limit)")
        }
        let cli = try user.run(["history", "nobody", "--limit=-1"], as: .user(account.name))
        #expect(cli.status == 2, "a usage error, before the daemon is asked: \(cli)")
        #expect(cli.stderr.contains("--limit"), "\(cli)")
        let fine = try user.run(["history", "nobody", "--limit=1000"], as: .user(account.name))
        #expect(fine.status == 0, "\(fine)")
        #expect(daemon.isRunning)
    }

    @Test("a preview of a century (finding 3) is refused naming `to`; two months are one preview")
    func previewSpan() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let connection = try RawVarlinkConnection(path: daemon.socketPath)
        #expect(connection.send(#"{"method":"id.kinerja.Kinerja.PreviewReminders","parameters":{"from":"2026-11-25","to":"2126-11-25"}}"#))
        let century = connection.receive(timeout: 10)
        #expect(century.errorName == "org.varlink.service.InvalidParameter", "\(century)")
        if case .reply(let text) = century { #expect(text.contains(#""parameter":"to""#), "\(text)") }
        let months = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2026-11-26", "--to", "2027-01-27"])
        #expect(!months.isEmpty)
        let longer = try cli.run(["reminders", "preview", "--from", "2026-11-26", "--to", "2027-01-28"])
        #expect(longer.status == 1 && longer.stderr.contains("to"), "63 days: \(longer)")
        RobustnessTests.stillServes(daemon, after: "a century's preview")
    }

    @Test("1,000 pipelined ListPeople never read (finding 3): dropped after the idle timeout, memory kept within 64 MiB")
    func slowReader() throws {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, configCopy: true)
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "idle_timeout_seconds = 60", with: "idle_timeout_seconds = 3")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", try GeneratedRoster(rows: 2_000, tag: "Slow").write(to: daemon.directory + "/district.csv"))
        let pid = try #require(daemon.pid)
        #expect(try cli.people().count == 2_000)
        let before = Self.residentKiB(pid)

        let reader = try RawVarlinkConnection(path: daemon.socketPath)
        let call = Array(#"{"method":"id.kinerja.Kinerja.ListPeople","parameters":{}}"#.utf8) + [0]
        // 62,000 bytes: the socket's buffer takes them all while the daemon reads its first 64 calls.
        #expect(reader.send(Array([[UInt8]](repeating: call, count: 1_000).joined())))
        var peak = before
        var dropped: Double?
        let start = Date()
        while Date().timeIntervalSince(start) < 15 {
            peak = max(peak, Self.residentKiB(pid))
            if dropped == nil, reader.peerClosed { dropped = Date().timeIntervalSince(start) }
            if dropped != nil && Date().timeIntervalSince(start) > dropped! + 1 { break }
            usleep(100_000)
        }
        print("slow reader: RSS \(before / 1024) MiB before, \(peak / 1024) MiB at most, dropped after \(dropped.map { String(format: "%.1f s", $0) } ?? "never")")
        let dropTime = try #require(dropped, "the daemon kept a client that read nothing for 15 s (idle timeout 3 s)")
        #expect(dropTime < 10, "dropped \(dropTime) s after the calls, the idle timeout is 3 s")
        #expect(peak - before < 64 * 1024, "RSS grew from \(before / 1024) to \(peak / 1024) MiB")
        RobustnessTests.stillServes(daemon, after: "a client that read nothing")
    }
}
