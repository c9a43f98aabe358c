import Foundation
import KinerjaRPC

#if canImport(Glibc)
import Glibc
#endif

// Fixtures of the reminder end-to-end suites (ReminderFiringTests, ReminderHookTests,
// ReminderCatchUpTests, ReminderSilenceTests). They add what DaemonProcess does not offer:
// a kinerja.toml of the test's own (its own hooks.d, short hook timeouts) and restarts on
// the same state directory with a different `--clock-start`. Everything else is reused:
// ChildProcess to spawn, NotifySocket for READY=1, CLI for kinerjactl, TestEnvironment.

/// The real `kinerjad` for one reminder test: a fresh `/tmp/kinerja-e2e-XXXXXX` holding its
/// own `kinerja.toml`, `hooks.d/`, state directory, Varlink socket and notify socket. Each
/// `start(clockStart:)` runs the daemon on the same state directory with its clock at that
/// instant, so a test moves time forward (or back) across restarts.
final class ReminderDaemon: @unchecked Sendable {
    /// One run of the daemon: its pid, the `--clock-start` it got and when it was spawned.
    struct Run: Sendable {
        let pid: pid_t
        let clockStart: Date
        let spawnedAt: Date
    }

    /// `[hooks]` of the test's kinerja.toml: small enough for tests.
    struct HookSettings: Sendable {
        var timeoutSeconds = 2
        var retryBackoffSeconds = 1
        var maxAttempts = 3
        var maxConcurrent = 4
    }

    let directory: String
    let configPath: String
    let hooksDirectory: String
    let stateDirectory: String
    let socketPath: String
    let outputPath: String
    let notify: NotifySocket
    private(set) var process: ChildProcess?
    private(set) var runs: [Run] = []
    /// The daemon's soft and hard `RLIMIT_NOFILE` (`prlimit --nofile`), as a unit's `LimitNOFILE=` sets it.
    var descriptorLimit: Int?

    /// - Parameter extraConfig: TOML appended to the test's kinerja.toml (e.g. an `[rpc]` section).
    init(hooks: HookSettings = HookSettings(), extraConfig: String = "") throws {
        directory = try TestEnvironment.makeTemporaryDirectory()
        configPath = directory + "/kinerja.toml"
        hooksDirectory = directory + "/hooks.d"
        stateDirectory = directory + "/state"
        socketPath = directory + "/k.sock"
        outputPath = directory + "/kinerjad.log"
        do {
            notify = try NotifySocket(path: directory + "/notify.sock")
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
            let config = """
                timezone = "Asia/Jakarta"
                language = "id"
                rules_directory = "\(TestEnvironment.rulesDirectory)"
                hooks_directory = "\(hooksDirectory)"

                [reminders]
                fire_time = "07:00"
                lead_days = [14, 7, 1]
                on_due_day = true
                overdue_repeat_days = 7
                escalate_after_days = 14
                catch_up_horizon_days = 7
                working_days = ["mon", "tue", "wed", "thu", "fri"]
                non_working_day = "before"
                holidays = ["2026-12-25"]

                [hooks]
                timeout_seconds = \(hooks.timeoutSeconds)
                max_concurrent = \(hooks.maxConcurrent)
                max_attempts = \(hooks.maxAttempts)
                retry_backoff_seconds = \(hooks.retryBackoffSeconds)

                """ + extraConfig
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        } catch {
            TestEnvironment.removeTree(directory)
            throw error
        }
    }

    deinit {
        if let process, process.isRunning { process.killAndWait() }
        TestEnvironment.removeTree(directory)
    }

    var cli: CLI { CLI(socket: socketPath, language: nil) }
    var pid: pid_t? { process?.pid }
    var pids: [pid_t] { runs.map(\.pid) }
    /// The first spawn: journal reads start a second before it, so that entries of an earlier
    /// process with a reused pid are never counted.
    var since: Date { (runs.first?.spawnedAt ?? Date()).addingTimeInterval(-1) }

    /// Writes an executable hook (mode 0755) into this daemon's hooks.d.
    /// A hook that exits 75 (try again later) at the first run for each kind of reminder and
    /// 0 from the second on, counting its runs in `out/count.KIND`.
    func writeTempfailOnceHook(_ name: String, counting out: String) throws {
        try writeHook(name, """
            #!/bin/sh
            cat > /dev/null
            f="\(out)/count.$KINERJA_KIND"
            n=$(cat "$f" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > "$f"
            [ "$n" -ge 2 ] && exit 0
            echo "try again later ($n)" >&2
            exit 75
            """)
    }

    /// A hook that records what it gets: its stdin appended to `out/stdin.jsonl`, its
    /// environment in `out/env.KIND`; `out` is made here.
    func writeRecordingHook(_ name: String, into out: String) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try writeHook(name, """
            #!/bin/sh
            cat >> "\(out)/stdin.jsonl"
            env > "\(out)/env.$KINERJA_KIND"
            """)
    }

    func writeHook(_ name: String, _ script: String) throws {
        let path = hooksDirectory + "/" + name
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        guard chmod(path, 0o755) == 0 else { throw TestFailure("chmod \(path): \(String(cString: strerror(errno)))") }
    }

    /// Starts kinerjad with `--clock-start clockStart` on this directory's state and waits for READY=1.
    /// `environment` adds variables to the daemon's own environment.
    func start(clockStart: String, environment extra: [String: String] = [:]) throws {
        if let process, process.isRunning { throw TestFailure("kinerjad is already running (pid \(process.pid))") }
        guard let instant = RFC3339.date(clockStart) else { throw TestFailure("not an RFC 3339 instant: \(clockStart)") }
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
                    "STATE_DIRECTORY", "KINERJA_SOCKET"] {
            environment[key] = nil
        }
        environment.merge(extra) { _, new in new }
        environment["NOTIFY_SOCKET"] = notify.path
        let mark = notify.count
        let arguments = ["--config", configPath, "--state-dir", stateDirectory, "--socket", socketPath, "--clock-start", clockStart]
        let spawnedAt = Date()
        var command = [TestEnvironment.kinerjad] + arguments
        if let descriptorLimit {
            guard let prlimit = TestEnvironment.which("prlimit") else { throw TestFailure("prlimit (util-linux) is not installed") }
            command = [prlimit, "--nofile=\(descriptorLimit)", "--"] + command
        }
        let child = try ChildProcess.spawn(
            command[0], Array(command.dropFirst()), environment: environment, stdoutPath: outputPath, stderrPath: outputPath)
        process = child
        runs.append(Run(pid: child.pid, clockStart: instant, spawnedAt: spawnedAt))
        let deadline = Date().addingTimeInterval(DaemonProcess.readyTimeout)
        while notify.index(of: "READY=1", after: mark) == nil {
            if let status = child.exitStatus {
                throw TestFailure("kinerjad exited with status \(status) before READY=1; its output:\n\(output())")
            }
            if Date() > deadline {
                child.killAndWait()
                throw TestFailure("no READY=1 from kinerjad within \(Int(DaemonProcess.readyTimeout)) s; its output:\n\(output())")
            }
            _ = notify.waitFor(after: mark, timeout: 0.1) { NotifySocket.lines($0).contains("READY=1") }
        }
    }

    /// SIGKILL and reap: a crash, nothing is flushed or finished.
    @discardableResult
    func kill() -> Int32 { process?.killAndWait() ?? -1 }

    /// SIGTERM; the exit status, or nil when it did not exit within `timeout` (then SIGKILLed).
    func stop(timeout: Double = 10) -> Int32? {
        guard let process else { return nil }
        process.send(SIGTERM)
        if let status = process.wait(timeout: timeout) { return status }
        process.killAndWait()
        return nil
    }

    /// The daemon's stdout and stderr (everything it did not send to the journal).
    func output() -> String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// The daemon's clock minus real time, for one run: `--clock-start` minus the real instant
    /// at which the daemon read its clock. That instant is taken from the journal entry the
    /// daemon writes right after creating its clock (the "--clock-start" warning, field
    /// KINERJA_CLOCK_START); without it, from the spawn (an upper bound on the offset).
    func clockOffset(of run: Run) throws -> (offset: TimeInterval, anchoredOnJournal: Bool) {
        let entries = try ReminderJournal.entries(pids: [run.pid], since: since)
        if let warning = entries.first(where: { $0["KINERJA_CLOCK_START"] != nil }), let realtime = ReminderJournal.realtime(warning) {
            return (run.clockStart.timeIntervalSince(realtime), true)
        }
        return (run.clockStart.timeIntervalSince(run.spawnedAt), false)
    }

    // MARK: kinerjactl shortcuts

    /// `kinerjactl ARGS --json`, decoded; a failure carries the daemon's state and output.
    func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        do {
            return try cli.json(type, arguments)
        } catch {
            let state = process.map { $0.exitStatus.map { "exited with status \($0)" } ?? "running (pid \($0.pid))" } ?? "not started"
            throw TestFailure("\(error)\nkinerjad: \(state); its output:\n\(output())")
        }
    }

    func status() throws -> Status { try json(Status.self, ["status"]) }

    /// What would fire on the days from…to (inclusive), as the daemon plans it.
    func preview(_ from: String, _ to: String? = nil) throws -> [ReminderItem] {
        try json([ReminderItem].self, ["reminders", "preview", "--from", from, "--to", to ?? from])
    }

    /// Recorded reminders (fired, missed, silenced), all of them.
    func recorded(state: String? = nil) throws -> [ReminderItem] {
        try json([ReminderItem].self, ["reminders", "list", "--limit", "10000"] + (state.map { ["--state", $0] } ?? []))
    }

    func deliveries() throws -> [DeliveryItem] {
        try json([DeliveryItem].self, ["reminders", "deliveries", "--limit", "10000"])
    }

    /// Imports config/examples roster.csv and progress.csv (the district of cycle 2026-2).
    func importExampleDistrict() throws {
        let roster = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        guard roster.applied, roster.problems.isEmpty else { throw TestFailure("roster import refused: \(roster)") }
        let progress = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        guard progress.applied, progress.problems.isEmpty else { throw TestFailure("progress import refused: \(progress)") }
    }
}

/// A journal entry as `journalctl -o json` prints it, text fields only.
typealias ReminderJournalEntry = [String: String]

/// The real systemd-journald: made available once per test process, then read back with
/// `journalctl -o json`, restricted to the daemon's pids and the test's start.
enum ReminderJournal {
    static let socketPath = "/run/systemd/journal/socket"
    static let journaldPath = "/lib/systemd/systemd-journald"

    /// The fixed MESSAGE_ID of each reminder kind (Sources/kinerjad/Reminders/ReminderMessageID.swift,
    /// systemd/kinerja.catalog).
    static let messageIDs: [String: String] = [
        "lead": "5e7b5c6d3b5d4791ba08a97e1a2d93b2",
        "due": "8319cef1524f4d6e8d747098f0258724",
        "overdue": "02ebd28ec11d4a6a84c461d879a0bb6f",
        "escalation": "ed4a7ac0198f4e408af76bc1efe6d528",
        "blocked": "0157c12b6f364e5e998a9e5c6a690136",
    ]

    /// The journald of this machine, or one started here (as root) when none accepts entries.
    /// A journald started here is left running, like Tests/SystemdTests/JournalFixture.swift
    /// does: in its own session, output discarded, reused by later tests and runs.
    static func ensureRunning() throws { try started.get() }

    private static let started: Result<Void, TestFailure> = {
        guard TestEnvironment.which("journalctl") != nil else {
            return .failure(TestFailure("journalctl is not installed: the reminder tests read the real journal"))
        }
        if acceptsEntries() { return .success(()) }
        guard geteuid() == 0, access(journaldPath, X_OK) == 0, let setsid = TestEnvironment.which("setsid") else {
            return .failure(TestFailure("no journald accepts entries on \(socketPath), and \(journaldPath) cannot be started here"))
        }
        do {
            _ = try ChildProcess.spawn(setsid, [journaldPath], environment: ProcessInfo.processInfo.environment)
        } catch {
            return .failure(TestFailure("cannot start \(journaldPath): \(error)"))
        }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if acceptsEntries() { return .success(()) }
            usleep(50_000)
        }
        return .failure(TestFailure("\(journaldPath) did not open \(socketPath) within 5 s"))
    }()

    /// True when a datagram socket can connect to journald's native socket.
    static func acceptsEntries() -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + socketPath.utf8.count + 1)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) } } == 0
    }

    /// Every entry of these pids since `since` (several `_PID=` matches are ORed by journalctl).
    static func entries(pids: [pid_t], since: Date) throws -> [ReminderJournalEntry] {
        guard let journalctl = TestEnvironment.which("journalctl") else { throw TestFailure("journalctl is not installed") }
        guard !pids.isEmpty else { return [] }
        let result = try ChildProcess.run(
            journalctl, ["--no-pager", "-q", "-o", "json", "--since", "@\(Int(since.timeIntervalSince1970))"] + pids.map { "_PID=\($0)" },
            timeout: 20)
        guard result.status == 0 else { throw TestFailure("journalctl failed: \(result)") }
        return result.stdout.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object.compactMapValues { $0 as? String }
        }
    }

    /// The reminder entries (a reminder kind's MESSAGE_ID) of a daemon's runs.
    static func reminders(of daemon: ReminderDaemon) throws -> [ReminderJournalEntry] {
        let ids = Set(messageIDs.values)
        return try entries(pids: daemon.pids, since: daemon.since).filter { ids.contains($0["MESSAGE_ID"] ?? "") }
    }

    /// Polls until `done` holds for the daemon's reminder entries (journald stores
    /// asynchronously); returns the entries then, or at the timeout.
    static func waitForReminders(
        of daemon: ReminderDaemon, timeout: Double, until done: ([ReminderJournalEntry]) -> Bool
    ) throws -> [ReminderJournalEntry] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let entries = try reminders(of: daemon)
            if done(entries) || Date() > deadline { return entries }
            usleep(100_000)
        }
    }

    /// `__REALTIME_TIMESTAMP` (µs since the epoch: when journald received the entry).
    static func realtime(_ entry: ReminderJournalEntry) -> Date? {
        guard let text = entry["__REALTIME_TIMESTAMP"], let micros = Double(text) else { return nil }
        return Date(timeIntervalSince1970: micros / 1_000_000)
    }
}

/// RFC 3339 instants and local dates of the tests.
enum RFC3339 {
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Whole days from one `YYYY-MM-DD` to another.
    static func days(from: String, to: String) -> Int? {
        guard let a = date(from + "T00:00:00Z"), let b = date(to + "T00:00:00Z") else { return nil }
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }
}

/// Polls `condition` every `interval` seconds for up to `timeout` seconds.
@discardableResult
func reminderPoll(timeout: Double, interval: Double = 0.1, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() > deadline { return false }
        usleep(useconds_t(interval * 1_000_000))
    }
}

/// True while a process exists and is not a zombie (a killed hook's child may stay a zombie
/// when nobody reaps it in a container).
func reminderProcessIsAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    // "pid (comm) S …": the state follows the last ')'.
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}

/// The example district (config/examples, cycle 2026-2) around Thursday 26 November 2026,
/// when a `due` and a `blocked` reminder fire at 07:00 WIB (`reminders preview` confirms it).
enum ReminderScenario {
    /// Heru Prasetyo, SD Negeri Margamulya: Dokumen Tindak Lanjut due on 26 November.
    static let duePerson = "198201192009031004"
    static let dueID = "2026-2/198201192009031004/ks@20571219|dokumen-tindak-lanjut|2026-11-26|due|0|198201192009031004"
    /// Sri Rahayu Ningsih: blocked since 2 July (rhk-atasan); the weekly reminder goes to the Kepala Dinas.
    static let blockedPerson = "196811021993032004"
    static let blockedID = "2026-2/196811021993032004/ps|penyusunan|2026-07-02|blocked|147|196808141994031005"

    /// 07:00 WIB on Thursday 26 November 2026.
    static let fireTime = "2026-11-26T07:00:00+07:00"
    /// A few seconds before it: time to start, import (~0.5 s) and let the scheduler take its
    /// first checkpoint before 07:00 (it fires only occurrences after that checkpoint).
    static let beforeFire = "2026-11-26T06:59:53+07:00"

    /// Starts the daemon just before 07:00 on 26 November, imports the district, and checks
    /// that its clock is still before 07:00 (else the occurrences would be before the
    /// scheduler's first checkpoint and would never fire).
    /// A daemon started before the fire time with one hook, 10-record, that records what it
    /// receives in the returned directory (stdin.jsonl, env.KIND).
    static func startedRecording() throws -> (daemon: ReminderDaemon, out: String) {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon()
        let out = daemon.directory + "/out"
        try daemon.writeRecordingHook("10-record", into: out)
        try startBeforeFire(daemon)
        return (daemon, out)
    }

    static func startBeforeFire(_ daemon: ReminderDaemon, hooks: () throws -> Void = {}) throws {
        try hooks()
        try daemon.start(clockStart: beforeFire)
        try daemon.importExampleDistrict()
        let now = try daemon.status().now
        guard let clock = RFC3339.date(now), let fire = RFC3339.date(fireTime), clock < fire else {
            throw TestFailure("setup too slow: the daemon's clock is at \(now), past \(fireTime), before the import was done")
        }
    }

    /// The mapping from a preview item to the journal fields of README "Reminders".
    static func expectedFields(_ item: ReminderItem, person: PositionSummary, late: Bool) -> [String: String] {
        let fireDate = String(item.fireAt.prefix(10))
        return [
            "SYSLOG_IDENTIFIER": "kinerjad",
            "MESSAGE": item.message,
            "MESSAGE_ID": ReminderJournal.messageIDs[item.kind] ?? "?",
            "PRIORITY": ["lead": "5", "due": "4"][item.kind] ?? "3",
            "KINERJA_REMINDER_ID": item.id,
            "KINERJA_KIND": item.kind,
            "KINERJA_PERSON_ID": item.person,
            "KINERJA_NAME": person.nama,
            "KINERJA_ROLE": person.peran,
            "KINERJA_NPSN": person.npsn ?? "",
            "KINERJA_CYCLE": String(item.plan.prefix { $0 != "/" }),
            "KINERJA_STEP": item.step ?? "",
            "KINERJA_DUE": item.due,
            "KINERJA_DAYS": RFC3339.days(from: item.due, to: fireDate).map(String.init) ?? "?",
            "KINERJA_RECIPIENT": item.recipient ?? item.recipientRole,
            "KINERJA_LATE": late ? "1" : "0",
        ]
    }
}
