import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The real `kinerjad`, started for one test: a fresh `/tmp/kinerja-e2e-XXXXXX` directory
/// holding its state directory, its Varlink socket and a notify socket (`NOTIFY_SOCKET`)
/// whose datagrams are kept for assertions. `start()` returns once `READY=1` arrived.
///
/// Cleanup is unconditional: when the fixture goes away (end of the test, or a failed
/// `#require`), a daemon still running is SIGKILLed and reaped and the directory removed.
final class DaemonProcess: @unchecked Sendable {
    enum Launch: Sendable {
        /// `kinerjad --socket PATH`: the daemon binds the socket itself.
        case direct
        /// `systemd-socket-activate -l PATH --fdname=varlink kinerjad …` (no `--socket`): the
        /// listening socket is handed over as fd 3 when the first client connects.
        case socketActivated
    }

    let directory: String
    let socketPath: String
    let stateDirectory: String
    private(set) var configPath: String
    var clockStart: String?
    /// `--clock-rate`: seconds of the daemon's time per real second.
    let clockRate: Int?
    let launch: Launch
    /// The kinerjad binary: the build's, or an installed one.
    let executable: String
    /// The account kinerjad runs as (`setpriv --init-groups`), as `User=` does under systemd;
    /// nil: the test's own (root).
    let user: Account?
    let notify: NotifySocket
    /// Where the daemon's stdout and stderr go (appended to across restarts).
    let outputPath: String

    /// Set in the daemon's environment by `start()`, after it cleared what systemd would set
    /// (e.g. `WATCHDOG_USEC` for a watchdog test).
    var extraEnvironment: [String: String] = [:]

    private(set) var process: ChildProcess?
    private var runs: [(pid: pid_t, since: Date)] = []

    /// How long `start()` waits for `READY=1`.
    static let readyTimeout: Double = 20

    /// Prepares a daemon without starting it.
    ///
    /// - Parameters:
    ///   - clockStart: `--clock-start` (RFC 3339), e.g. ``TestEnvironment/exampleClockStart``.
    ///   - configCopy: Run on a copy of `config/kinerja.toml` in the temporary directory (so a
    ///     test may change it), with `rules_directory` and `hooks_directory` made absolute.
    ///   - executable: `kinerjad` to run, e.g. an installed one; `config` its configuration.
    ///   - user: Run the daemon as this account; its state directory is created for it.
    init(
        clockStart: String? = nil, clockRate: Int? = nil, configCopy: Bool = false, launch: Launch = .direct,
        executable: String = TestEnvironment.kinerjad, config: String = TestEnvironment.configPath, user: Account? = nil
    ) throws {
        directory = try TestEnvironment.makeTemporaryDirectory()
        socketPath = directory + "/k.sock"
        stateDirectory = directory + "/state"
        outputPath = directory + "/kinerjad.log"
        self.clockStart = clockStart
        self.clockRate = clockRate
        self.launch = launch
        self.executable = executable
        self.user = user
        configPath = config
        do {
            notify = try NotifySocket(path: directory + "/notify.sock")
            if configCopy { configPath = try Self.writeConfigCopy(into: directory) }
            if let user {
                // The account must reach its state directory and the notify socket.
                guard chmod(directory, 0o755) == 0, chmod(notify.path, 0o777) == 0,
                      mkdir(stateDirectory, 0o750) == 0, chown(stateDirectory, user.uid, user.gid) == 0 else {
                    throw TestFailure("could not prepare \(directory) for user \(user.name): \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            TestEnvironment.removeTree(directory)
            throw error
        }
    }

    /// Starts a daemon and waits for `READY=1`.
    static func started(clockStart: String? = nil, configCopy: Bool = false) throws -> DaemonProcess {
        let daemon = try DaemonProcess(clockStart: clockStart, configCopy: configCopy)
        try daemon.start()
        return daemon
    }

    deinit {
        if let process, process.isRunning { process.killAndWait() }
        TestEnvironment.removeTree(directory)
    }

    var pid: pid_t? { process?.pid }
    var isRunning: Bool { process?.isRunning ?? false }

    /// The arguments of kinerjad itself.
    var daemonArguments: [String] {
        var arguments = ["--config", configPath, "--state-dir", stateDirectory]
        if launch == .direct { arguments += ["--socket", socketPath] }
        if let clockStart { arguments += ["--clock-start", clockStart] }
        if let clockRate { arguments += ["--clock-rate", "\(clockRate)"] }
        return arguments
    }

    /// Starts the daemon (again, on the same state directory and socket after `stop()`/`kill()`).
    /// Direct launch: returns once `READY=1` arrived. Socket activation: returns once the
    /// activator listens; the daemon itself starts with the first connection (see
    /// ``waitUntilReady(after:)``).
    func start() throws {
        if let process, process.isRunning { throw TestFailure("kinerjad is already running (pid \(process.pid))") }
        let mark = notify.count
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
                    "STATE_DIRECTORY", "KINERJA_SOCKET"] {
            environment[key] = nil
        }
        environment["NOTIFY_SOCKET"] = notify.path
        environment.merge(extraEnvironment) { _, new in new }
        var command = [executable] + daemonArguments
        if let user {
            guard let setpriv = TestEnvironment.which("setpriv") else { throw TestFailure("setpriv (util-linux) is not installed") }
            command = [setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups"] + command
        }
        let child: ChildProcess
        switch launch {
        case .direct:
            child = try ChildProcess.spawn(
                command[0], Array(command.dropFirst()), environment: environment, stdoutPath: outputPath, stderrPath: outputPath)
        case .socketActivated:
            guard let activator = TestEnvironment.which("systemd-socket-activate") else {
                throw TestFailure("systemd-socket-activate is not installed (Debian package systemd)")
            }
            // The activator passes only the environment it is told to: -E NOTIFY_SOCKET.
            child = try ChildProcess.spawn(
                activator, ["-l", socketPath, "--fdname=varlink", "-E", "NOTIFY_SOCKET=\(notify.path)"] + command,
                environment: environment, stdoutPath: outputPath, stderrPath: outputPath)
        }
        process = child
        runs.append((child.pid, Date().addingTimeInterval(-1)))
        switch launch {
        case .direct:
            try waitUntilReady(after: mark)
        case .socketActivated:
            let deadline = Date().addingTimeInterval(Self.readyTimeout)
            while access(socketPath, F_OK) != 0 {
                if !child.isRunning || Date() > deadline {
                    child.killAndWait()
                    throw TestFailure("systemd-socket-activate did not listen on \(socketPath):\n\(logs())")
                }
                usleep(10_000)
            }
        }
    }

    /// Waits for a `READY=1` datagram after index `mark` of ``notifications``; on timeout or
    /// an early exit, the daemon is killed and the error carries its output.
    func waitUntilReady(after mark: Int) throws {
        let deadline = Date().addingTimeInterval(Self.readyTimeout)
        while notify.index(of: "READY=1", after: mark) == nil {
            if let status = process?.exitStatus {
                throw TestFailure("kinerjad exited with status \(status) before READY=1; its output:\n\(logs())")
            }
            if Date() > deadline {
                process?.killAndWait()
                throw TestFailure("no READY=1 from kinerjad within \(Int(Self.readyTimeout)) s; its output:\n\(logs())")
            }
            _ = notify.waitFor(after: mark, timeout: 0.1) { NotifySocket.lines($0).contains("READY=1") }
        }
    }

    /// Every notification received so far, in order, across restarts.
    var notifications: [String] { notify.messages }

    /// SIGTERM, then waits up to `timeout` seconds. Returns the exit status, or nil when the
    /// daemon was still running then (it is SIGKILLed, so the test can go on).
    func stop(timeout: Double = 10) -> Int32? {
        guard let process else { return nil }
        process.send(SIGTERM)
        if let status = process.wait(timeout: timeout) { return status }
        process.killAndWait()
        return nil
    }

    /// SIGKILL; the exit status (137).
    @discardableResult
    func kill() -> Int32 {
        process?.killAndWait() ?? -1
    }

    /// Stops (SIGTERM, SIGKILL after 10 s) and starts again on the same state directory and socket.
    func restart() throws {
        if isRunning { _ = stop() }
        try start()
    }

    func signal(_ number: Int32) {
        process?.send(number)
    }

    /// Waits until the daemon catches `signal` (the `SigCgt` mask in
    /// /proc/PID/status), i.e. a handler is in place and the default action
    /// (terminate, for SIGHUP) no longer applies. False after `timeout` seconds.
    func waitUntilHandling(_ signal: Int32, timeout: Double = 10) -> Bool {
        guard let pid else { return false }
        let bit = UInt64(1) << UInt64(signal - 1)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
            for line in status.split(separator: "\n") where line.hasPrefix("SigCgt:") {
                let hex = line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
                if let mask = UInt64(hex, radix: 16), mask & bit != 0 { return true }
            }
            usleep(2_000)
        }
        return false
    }

    /// What the daemon logged: its stdout/stderr, plus, when journald runs on this machine
    /// (the log handler then writes there instead of stderr), the journal entries of its pids.
    func logs() -> String {
        var text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if access("/run/systemd/journal/socket", F_OK) == 0, let journalctl = TestEnvironment.which("journalctl") {
            for run in runs {
                let since = "@\(Int(run.since.timeIntervalSince1970))"
                if let result = try? ChildProcess.run(
                    journalctl, ["--no-pager", "-q", "-o", "cat", "--since", since, "_PID=\(run.pid)"], timeout: 10),
                    result.status == 0 {
                    text += result.stdout
                }
            }
        }
        return text
    }

    /// Polls ``logs()`` until it contains `text` (the journal may lag a little); the logs then, or nil.
    func waitForLog(containing text: String, timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let logs = logs()
            if logs.contains(text) { return logs }
            if Date() > deadline { return nil }
            usleep(200_000)
        }
    }

    /// Writes `kinerja.toml` into `directory`: the repository's file with absolute
    /// `rules_directory` and `hooks_directory`, so it works from another directory.
    static func writeConfigCopy(into directory: String) throws -> String {
        let original = try String(contentsOfFile: TestEnvironment.configPath, encoding: .utf8)
        var lines: [String] = []
        var replaced = Set<String>()
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("rules_directory =") {
                lines.append("rules_directory = \"\(TestEnvironment.rulesDirectory)\"")
                replaced.insert("rules")
            } else if line.hasPrefix("hooks_directory =") {
                lines.append("hooks_directory = \"\(TestEnvironment.packageRoot)/config/hooks.d\"")
                replaced.insert("hooks")
            } else {
                lines.append(String(line))
            }
        }
        guard replaced == ["rules", "hooks"] else {
            throw TestFailure("config/kinerja.toml has no top-level rules_directory/hooks_directory line to rewrite")
        }
        let path = directory + "/kinerja.toml"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
