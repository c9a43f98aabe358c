import Foundation

/// Runs another program to completion, the way an administrator's shell would: the figure
/// is the wall time from launch to exit, process start included.
///
/// Spawned with `posix_spawn` and reaped with `waitpid`: Foundation's `Process` notices the
/// exit through its run loop, which added ~50 ms to every figure (a one-school listing with
/// kinerjactl measured 60 ms where the shell's `time` says 10 ms).
enum Command {
    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "\(command) exited with \(status): \(stderr)" }
    }

    /// Seconds `executable args` took; its stdout goes to the file `stdout` (or nowhere).
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdout: String? = nil
    ) throws -> Double {
        let errorsPath = NSTemporaryDirectory() + "kinerja-bench-stderr-\(getpid())"
        defer { unlink(errorsPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, env)
        guard spawned == 0 else {
            throw Failed(command: executable, status: -1, stderr: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let seconds = Stopwatch.now() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitStatus == 0 else {
            let stderr = (try? Data(contentsOf: URL(fileURLWithPath: errorsPath))) ?? Data()
            throw Failed(
                command: ([executable] + arguments).joined(separator: " "), status: exitStatus,
                stderr: String(decoding: stderr.suffix(2000), as: UTF8.self))
        }
        return seconds
    }

    /// Lines of a file (what a listing printed), for the counts beside a figure.
    static func lineCount(_ path: String) -> Int {
        ((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
