import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// kinerjad as systemd runs it: Type=notify (READY, STATUS, RELOADING, STOPPING, WATCHDOG), SIGHUP
/// reloads, socket activation, and EX_CONFIG (78) for a bad configuration at start.
@Suite("systemd integration")
struct SystemdIntegrationTests {
    @Test("READY=1 with a STATUS= summary")
    func readyAndStatus() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let messages = daemon.notifications
        let ready = try #require(messages.first { NotifySocket.lines($0).contains("READY=1") })
        let status = try #require(messages.flatMap(NotifySocket.lines).first { $0.hasPrefix("STATUS=") }, "\(messages)")
        #expect(status.contains("2026-2") && status.contains("plans") && status.contains("overdue"), "\(status)")
        #expect(!messages.contains { $0.contains("STOPPING=1") })
        #expect(ready.split(separator: "\n").allSatisfy { $0.contains("=") }, "notify lines are KEY=VALUE: \(ready)")
        // READY means served: the first client right after it gets an answer.
        #expect(try CLI(daemon).status().currentCycle == "2026-2")
    }

    @Test("SIGHUP right after READY=1 reloads, it does not kill the daemon")
    func sighupRightAfterReady() throws {
        // systemd may deliver `systemctl reload` as soon as READY=1 arrived: by then the
        // SIGHUP handler must be in place. Several starts, since it is a race.
        for attempt in 1...8 {
            let daemon = try DaemonProcess.started()
            let mark = daemon.notify.count
            daemon.signal(SIGHUP)
            let reloading = daemon.notify.waitFor(after: mark, timeout: 5) { NotifySocket.lines($0).contains("RELOADING=1") }
            let exit = daemon.process?.wait(timeout: 0.2)
            #expect(exit == nil, "attempt \(attempt): kinerjad exited with status \(exit ?? 0) (129 = killed by SIGHUP) on a SIGHUP sent right after READY=1")
            #expect(reloading != nil, "attempt \(attempt): no RELOADING=1: \(daemon.notifications)")
            if exit != nil || reloading == nil { return }
        }
    }

    @Test("SIGHUP: RELOADING=1 with MONOTONIC_USEC, then READY=1")
    func sighupReloads() throws {
        let daemon = try DaemonProcess.started()
        // Past the start-up race that sighupRightAfterReady() exposes: the handler is in place.
        #expect(daemon.waitUntilHandling(SIGHUP), "kinerjad never installed a SIGHUP handler")
        let mark = daemon.notify.count
        let before = TestEnvironment.monotonicMicroseconds()
        daemon.signal(SIGHUP)
        let reloading = try #require(
            daemon.notify.waitFor(after: mark, timeout: 10) { NotifySocket.lines($0).contains("RELOADING=1") },
            "no RELOADING=1 after SIGHUP: \(daemon.notifications)")
        let after = TestEnvironment.monotonicMicroseconds()
        let usec = try #require(NotifySocket.lines(reloading).first { $0.hasPrefix("MONOTONIC_USEC=") }, "\(reloading)")
        let value = try #require(UInt64(usec.dropFirst("MONOTONIC_USEC=".count)), "\(usec)")
        #expect(value >= before && value <= after, "MONOTONIC_USEC is CLOCK_MONOTONIC at the reload: \(value) not in \(before)…\(after)")

        let reloadIndex = try #require(daemon.notify.index(of: "RELOADING=1", after: mark))
        let ready = daemon.notify.waitFor(after: reloadIndex + 1, timeout: 10) { NotifySocket.lines($0).contains("READY=1") }
        #expect(ready != nil, "no READY=1 after RELOADING=1: \(daemon.notifications)")
        let files = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.rulesDirectory)
        let years = files.compactMap { $0.hasSuffix(".toml") ? Int($0.dropLast(5)) : nil }.sorted()
        #expect(try CLI(daemon).status().rulesYears == years, "the reloaded rules: one year per config/rules/YYYY.toml")
        #expect(daemon.waitForLog(containing: "configuration reloaded") != nil, "logs: \(daemon.logs())")
    }

    @Test("SIGHUP with a broken config keeps the daemon serving, and the log names the problem")
    func sighupWithBrokenConfigKeepsServing() throws {
        let daemon = try DaemonProcess(configCopy: true)
        try daemon.start()
        let cli = CLI(daemon)

        let handle = try #require(FileHandle(forWritingAtPath: daemon.configPath))
        handle.seekToEndOfFile()
        handle.write(Data("\nbogus_key = 1\n".utf8))
        try handle.close()

        #expect(try cli.status().currentCycle.isEmpty == false)
        #expect(daemon.waitUntilHandling(SIGHUP), "kinerjad never installed a SIGHUP handler")
        let mark = daemon.notify.count
        daemon.signal(SIGHUP)
        let reloading = daemon.notify.waitFor(after: mark, timeout: 10) { NotifySocket.lines($0).contains("RELOADING=1") }
        #expect(reloading != nil, "no RELOADING=1: \(daemon.notifications)")
        let reloadIndex = daemon.notify.index(of: "RELOADING=1", after: mark) ?? mark
        let ready = daemon.notify.waitFor(after: reloadIndex + 1, timeout: 10) { NotifySocket.lines($0).contains("READY=1") }
        #expect(ready != nil, "READY=1 again after a refused reload: \(daemon.notifications)")

        #expect(daemon.isRunning, "exit status \(daemon.process?.exitStatus ?? 0)")
        let status = try cli.run(["status", "--json"])
        #expect(status.status == 0, "\(status)")
        let imported = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        #expect(imported.applied, "the previous configuration still serves changes")

        let logs = daemon.waitForLog(containing: "bogus_key")
        #expect(logs != nil, "the daemon's log names the bad key; it was:\n\(daemon.logs())")
        #expect(logs?.contains(daemon.configPath) == true, "and the file")
    }

    @Test("SIGHUP with an emptied config (finding 14.7) keeps the running zone and language, and the log says why")
    func sighupWithEmptyConfigKeepsSettings() throws {
        let daemon = try DaemonProcess(configCopy: true)
        let shipped = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try shipped.replacingOccurrences(of: "timezone = \"Asia/Jakarta\"", with: "timezone = \"Asia/Makassar\"")
            .replacingOccurrences(of: "language = \"id\"", with: "language = \"en\"")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        // As installed: the rules beside the file, where an emptied file's default `rules` finds them.
        #expect(symlink(TestEnvironment.rulesDirectory, daemon.directory + "/rules") == 0)
        try daemon.start()
        let cli = CLI(daemon)
        #expect(try cli.status().timezone == "Asia/Makassar")
        #expect(daemon.waitUntilHandling(SIGHUP), "kinerjad never installed a SIGHUP handler")
        for emptied in ["", "\n# kinerja.toml\n\n"] {
            try emptied.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
            let mark = daemon.notify.count
            daemon.signal(SIGHUP)
            let reloading = daemon.notify.waitFor(after: mark, timeout: 10) { NotifySocket.lines($0).contains("RELOADING=1") }
            let reloadIndex = daemon.notify.index(of: "RELOADING=1", after: mark) ?? mark
            let ready = daemon.notify.waitFor(after: reloadIndex + 1, timeout: 10) { NotifySocket.lines($0).contains("READY=1") }
            #expect(reloading != nil && ready != nil, "\(daemon.notifications)")
            let status = try cli.status()
            #expect(status.timezone == "Asia/Makassar" && status.language == "en", "\(emptied.debugDescription): \(status.timezone) \(status.language)")
        }
        #expect(daemon.waitForLog(containing: "sets nothing") != nil, "the log says the file is empty: \(daemon.logs())")
        #expect(daemon.logs().contains("reload refused"))
    }

    @Test("socket activation: systemd-socket-activate hands over the listening socket named varlink")
    func socketActivation() throws {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, launch: .socketActivated)
        try daemon.start()
        #expect(!daemon.daemonArguments.contains("--socket"))
        let mark = 0
        // The first connection makes the activator exec kinerjad with LISTEN_FDS=1, LISTEN_FDNAMES=varlink.
        let status = try CLI(daemon).run(["status", "--json"], timeout: 30)
        #expect(status.status == 0, "\(status)\n\(daemon.logs())")
        if status.status == 0 {
            let decoded = try CLI.decode(Status.self, from: status)
            #expect(decoded.currentCycle == "2026-2" && decoded.clockOverridden)
            #expect(decoded.storePath == daemon.stateDirectory + "/kinerja.sqlite")
        }
        try daemon.waitUntilReady(after: mark)
        #expect(try CLI(daemon).people().isEmpty, "a second client on the same socket")
        #expect(daemon.waitForLog(containing: "socket-activated") != nil, "logs: \(daemon.logs())")
    }

    @Test("a bad config at start: exit 78 (EX_CONFIG) and one line naming the file and the key")
    func badConfigAtStart() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { TestEnvironment.removeTree(directory) }
        let config = try DaemonProcess.writeConfigCopy(into: directory)

        let check = try ChildProcess.run(TestEnvironment.kinerjad, ["--config", config, "--check-config"], timeout: 30)
        #expect(check.status == 0, "the unchanged copy is valid: \(check)")

        let handle = try #require(FileHandle(forWritingAtPath: config))
        handle.seekToEndOfFile()
        handle.write(Data("\nbogus_key = 1\n".utf8))
        try handle.close()

        let result = try ChildProcess.run(
            TestEnvironment.kinerjad,
            ["--config", config, "--state-dir", directory + "/state", "--socket", directory + "/k.sock"], timeout: 30)
        #expect(result.status == 78, "\(result)")
        let messages = result.stderr.split(separator: "\n").filter { $0.hasPrefix("kinerjad: ") }
        #expect(messages.count == 1, "\(result)")
        #expect(messages.first?.contains(config) == true, "names the file: \(result)")
        #expect(messages.first?.contains("bogus_key") == true, "names the key: \(result)")
        #expect(access(directory + "/k.sock", F_OK) != 0, "nothing was bound")

        let checkBad = try ChildProcess.run(TestEnvironment.kinerjad, ["--config", config, "--check-config"], timeout: 30)
        #expect(checkBad.status == 78 && checkBad.stderr.contains("bogus_key"), "\(checkBad)")
    }

    @Test("WatchdogSec: WATCHDOG=1 again and again at half of WATCHDOG_USEC")
    func watchdogPings() throws {
        let daemon = try DaemonProcess()
        // WATCHDOG_PID is left out: systemd sets it to the service's pid, which the fixture
        // cannot know before spawning, and sd_watchdog_enabled(3) accepts its absence.
        daemon.extraEnvironment = ["WATCHDOG_USEC": "2000000"]
        try daemon.start()
        let ready = try #require(daemon.notify.index(of: "READY=1"))
        // Every 1 s; a slow machine only makes the wait longer, up to the 30 s bound.
        var pings = 0
        let deadline = Date().addingTimeInterval(30)
        while pings < 3, Date() < deadline {
            _ = daemon.notify.waitFor(after: daemon.notify.count, timeout: 0.5) { _ in true }
            pings = daemon.notifications[ready...].filter { NotifySocket.lines($0).contains("WATCHDOG=1") }.count
        }
        #expect(pings >= 3, "WATCHDOG=1 datagrams after READY=1: \(daemon.notifications)")
        #expect(daemon.isRunning)
        #expect(daemon.stop() == 0)
    }

    @Test("SIGTERM: STOPPING=1 and exit 0 within 10 s")
    func sigtermStops() throws {
        let daemon = try DaemonProcess.started()
        let started = Date()
        let mark = daemon.notify.count
        let status = daemon.stop(timeout: 10)
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none: still running after 10 s, killed")")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(daemon.notify.index(of: "STOPPING=1", after: mark) != nil, "\(daemon.notifications)")
    }
}
