import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Minimal `posix_spawn` wrapper for the tests.
///
/// Why not Foundation's `Process`: the tests need things it cannot express —
/// placing a socket at an exact descriptor number in the child (socket
/// activation), starting journald in its own session so it outlives the test
/// process cleanly, and sending output to a file rather than a pipe that could
/// keep `swift test` waiting.
struct ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        let code: Int32
        let executable: String
        var description: String { "posix_spawn \(executable): \(String(cString: strerror(code)))" }
    }

    let pid: pid_t

    /// Starts `executable` with `arguments` (argv[0] is added).
    ///
    /// - Parameters:
    ///   - environment: The complete environment; `nil` inherits this process's.
    ///   - outputPath: Receives the child's stdout and stderr (stdin is /dev/null).
    ///   - descriptors: `(source, target)` pairs dup2'ed in the child only.
    ///   - newSession: Run the child in its own session (`setsid`).
    static func spawn(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        outputPath: String = "/dev/null",
        descriptors: [(source: Int32, target: Int32)] = [],
        newSession: Bool = false
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for (source, target) in descriptors {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        // Everything else this process has open stays behind: an inherited pipe
        // end (swift test's output or event stream) kept open by a long-lived
        // journald would keep the reader waiting for EOF.
        closeDescriptors(from: (descriptors.map(\.target).max() ?? 2) + 1, in: &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if newSession {
            // POSIX_SPAWN_SETSID (glibc ≥ 2.26); a GNU extension Swift does not import.
            posix_spawnattr_setflags(&attributes, 0x80)
        }

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(code: result, executable: executable) }
        return ChildProcess(pid: pid)
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc ≥ 2.34) is a GNU
    /// extension that Swift does not import, so it is looked up at run time.
    /// Without it (older libc) descriptors are simply inherited.
    private static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let libc = dlopen(nil, RTLD_NOW),
            let symbol = dlsym(libc, "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        defer { dlclose(libc) }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest)
    }

    /// Waits for the child and returns its exit status (128 + signal if killed).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Spawns, waits, and returns the exit status and combined output.
    static func run(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        descriptors: [(source: Int32, target: Int32)] = []
    ) throws -> (status: Int32, output: String) {
        let outputPath = TemporaryPath.make(suffix: ".out")
        defer { unlink(outputPath) }
        let child = try spawn(
            executable, arguments, environment: environment, outputPath: outputPath, descriptors: descriptors)
        let status = child.wait()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (status, output)
    }
}
