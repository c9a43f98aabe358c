import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A process started with `posix_spawn`, for the daemon and for every command the tests run.
///
/// Not Foundation's `Process`: the daemon must get its output in files (a pipe nobody reads
/// would stall it, and a pipe inherited by a long-lived child keeps `swift test` waiting),
/// and the tests need `waitpid` with a deadline and exact signals.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    let executable: String
    private let lock = NSLock()
    private var status: Int32?

    private init(pid: pid_t, executable: String) {
        self.pid = pid
        self.executable = executable
    }

    /// Starts `executable` (a path, or a name looked up on `$PATH`) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: The complete environment of the child.
    ///   - stdinPath: The file on descriptor 0 (default `/dev/null`).
    ///   - stdoutPath, stderrPath: Files receiving descriptors 1 and 2 (appended to).
    static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        stdinPath: String = "/dev/null",
        stdoutPath: String = "/dev/null",
        stderrPath: String = "/dev/null"
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        closeDescriptors(from: 3, in: &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test process may have signals blocked or ignored (SIGPIPE): give the child defaults.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw TestFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return ChildProcess(pid: pid, executable: executable)
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc ≥ 2.34) is not imported into Swift:
    /// looked up at run time, so the child inherits nothing beyond 0, 1 and 2.
    private static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let libc = dlopen(nil, RTLD_NOW), let symbol = dlsym(libc, "posix_spawn_file_actions_addclosefrom_np") else { return }
        defer { dlclose(libc) }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest)
    }

    /// The exit status once the process ended (128 + signal when killed by one), else nil.
    var exitStatus: Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        guard result == pid else { return nil }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return status
    }

    var isRunning: Bool { exitStatus == nil }

    /// Waits up to `timeout` seconds; the exit status, or nil when it is still running.
    @discardableResult
    func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status = exitStatus { return status }
            if Date() >= deadline { return nil }
            usleep(5_000)
        }
    }

    func send(_ signal: Int32) {
        if isRunning { _ = Glibc.kill(pid, signal) }
    }

    /// SIGKILL and reap.
    @discardableResult
    func killAndWait() -> Int32 {
        send(SIGKILL)
        return wait(timeout: 30) ?? -1
    }
}

/// What a finished command printed and how it exited.
struct CommandResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The command did not finish in time and was killed.
    var timedOut: Bool
    var seconds: Double
    var command: [String]

    var description: String {
        "\(command.joined(separator: " ")) → exit \(status)\(timedOut ? " (timed out, killed)" : "")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
    }
}

extension ChildProcess {
    /// Runs a command to completion, with its output captured in files, killing it after `timeout`.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        stdin: String? = nil,
        timeout: Double = 60
    ) throws -> CommandResult {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { TestEnvironment.removeTree(directory) }
        var stdinPath = "/dev/null"
        if let stdin {
            stdinPath = directory + "/stdin"
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: stdinPath))
        }
        // Output files readable by whoever the command runs as (setpriv keeps the open descriptors).
        let started = Date()
        let child = try spawn(
            executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            stdinPath: stdinPath, stdoutPath: directory + "/stdout", stderrPath: directory + "/stderr")
        var timedOut = false
        var status = child.wait(timeout: timeout)
        if status == nil {
            timedOut = true
            status = child.killAndWait()
        }
        let read: (String) -> String = { (try? String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) ?? "" }
        return CommandResult(
            status: status ?? -1, stdout: read("stdout"), stderr: read("stderr"), timedOut: timedOut,
            seconds: Date().timeIntervalSince(started), command: [executable] + arguments)
    }
}
