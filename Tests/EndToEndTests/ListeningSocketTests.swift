import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The socket kinerjad binds itself (no socket activation): who may connect, how long an
/// idle client keeps a connection, and what a second daemon on the same socket does.
@Suite("The listening socket")
struct ListeningSocketTests {
    /// kinerjad.socket's SocketMode=0660 when the daemon binds the socket itself: its group
    /// (the administrators) may connect, other users may not.
    @Test("the bound socket is srw-rw---- (0660)")
    func socketMode() throws {
        let daemon = try DaemonProcess.started()
        var info = stat()
        #expect(lstat(daemon.socketPath, &info) == 0, "\(String(cString: strerror(errno)))")
        #expect(info.st_mode & S_IFMT == S_IFSOCK, "a socket: mode \(String(info.st_mode, radix: 8))")
        #expect(info.st_mode & 0o7777 == 0o660, "mode \(String(info.st_mode & 0o7777, radix: 8)), expected 660")
    }

    @Test("a client that sends nothing is closed after idle_timeout_seconds; a client making calls is served meanwhile")
    func idleClientIsClosed() throws {
        let daemon = try DaemonProcess(configCopy: true)
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        #expect(config.contains("\nidle_timeout_seconds = 60\n"), "the shipped [rpc] idle timeout line")
        try config.replacingOccurrences(of: "\nidle_timeout_seconds = 60\n", with: "\nidle_timeout_seconds = 1\n")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()

        let idle = try RawVarlinkConnection(path: daemon.socketPath)
        let opened = Date()
        let busy = try RawVarlinkConnection(path: daemon.socketPath)
        let call = #"{"method":"id.kinerja.Kinerja.GetStatus","parameters":{}}"#
        // Calls back to back on `busy` until the daemon closes `idle` (or 30 s pass).
        var calls = 0
        var idleOutcome = RawVarlinkConnection.Outcome.silence
        while idleOutcome == .silence, Date().timeIntervalSince(opened) < 30 {
            #expect(busy.send(call))
            let answer = busy.receive(timeout: 10)
            guard case .reply = answer, answer.errorName == nil else {
                Issue.record("call \(calls + 1) of the busy client: \(answer)")
                break
            }
            calls += 1
            idleOutcome = idle.receive(timeout: 0.05)
        }
        let closedAfter = Date().timeIntervalSince(opened)
        #expect(idleOutcome == .closed, "the silent client after \(closedAfter) s: \(idleOutcome)")
        #expect(closedAfter >= 0.9, "not before the 1 s timeout: closed after \(closedAfter) s")
        #expect(calls > 1, "the busy client was served while the idle one waited")
        // The busy connection outlived the idle one's timeout and is still served.
        #expect(busy.send(call))
        #expect(busy.receive(timeout: 10).errorName == nil)
        #expect(try CLI(daemon).status().version.isEmpty == false, "and a new client is served")
    }

    /// Plans per cycle and audit rows: what a daemon starting on the store may write.
    static let storeFigures = """
        SELECT cycle, count(*) FROM plan GROUP BY cycle
        UNION ALL SELECT 'audit', count(*) FROM audit
        UNION ALL SELECT 'migrations', count(*) FROM grdb_migrations;
        """

    @Test("a second kinerjad on the same socket and state directory stops before opening the store")
    func secondDaemonIsRefused() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let shell = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite")
        let before = try shell.rows(Self.storeFigures)
        #expect(before.first == ["2026-2", "35"], "\(before)")

        // A clock in the next cycle: had it opened the store, its start would have written
        // the plans of 2027-1 before it found the socket taken.
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "STATE_DIRECTORY"] {
            environment[key] = nil
        }
        let second = try ChildProcess.run(
            TestEnvironment.kinerjad,
            ["--config", daemon.configPath, "--state-dir", daemon.stateDirectory, "--socket", daemon.socketPath,
             "--clock-start", "2027-01-05T08:00:00+07:00"],
            environment: environment, timeout: 60)
        #expect(second.status != 0 && !second.timedOut, "\(second)")
        let messages = second.stderr.split(separator: "\n").filter { $0.hasPrefix("kinerjad: ") }
        #expect(messages.count == 1, "one line on stderr: \(second)")
        #expect(messages.first?.contains(daemon.socketPath) == true, "naming the socket: \(second)")
        #expect(messages.first?.contains("kinerjad") == true && messages.first?.contains("already answers") == true, "\(second)")

        #expect(try shell.rows(Self.storeFigures) == before, "the store is as the first daemon left it")
        #expect(daemon.isRunning)
        #expect(try cli.people().count == 35, "the first daemon still serves the socket")
        #expect(daemon.stop() == 0, "\(daemon.logs())")
    }
}
