import Foundation
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs one hook once, with no shell: the event on stdin, a clean environment, its own
/// process group, a hard timeout that kills the whole group, and at most `stderrLimit`
/// bytes of its stderr kept for the log. The group ends when the hook ends: whatever the
/// hook left running (`sleep 300 &`, a mailer in the background) is killed once the hook
/// exits, so finished hooks never pile up processes. (The group's id cannot be taken by
/// another process while a member lives, so the kill reaches only the hook's own. A
/// child that leaves the group on purpose, with `setsid`, is the unit's to end: its
/// cgroup and `TasksMax=`.)
enum HookProcess {
    enum Outcome: Sendable, Equatable {
        /// Exit 0.
        case delivered
        /// Exit 75 (EX_TEMPFAIL): try again later.
        case temporaryFailure
        /// Any other exit or signal.
        case failed(exitCode: Int?)
        /// Killed at the timeout.
        case timedOut
        /// Never started, for want of the daemon's resources (descriptors, processes,
        /// memory): not the hook's failure, to be tried again without counting an attempt.
        case notStarted
    }

    struct Result: Sendable {
        let outcome: Outcome
        let exitCode: Int?
        let stderr: String
        let milliseconds: Int
    }

    static let stderrLimit = 4096

    /// Why a spawn fails for want of the daemon's resources rather than for the hook: no
    /// descriptor, no process, no memory.
    static let shortages: Set<Int32> = [EMFILE, ENFILE, EAGAIN, ENOMEM]

    static func run(path: String, event: HookEvent, timeout: Duration) async -> Result {
        let start = ContinuousClock.now
        let pid = ProcessIDBox()
        let options: PlatformOptions = {
            var options = PlatformOptions()
            options.processGroupID = 0
            return options
        }()
        let environment = Dictionary(uniqueKeysWithValues: event.environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })
        // The event goes through a pipe filled before the spawn (one line, far below the
        // pipe's 64 KiB): a hook that never reads its stdin then costs nothing, where a
        // writer racing the hook's exit would meet EPIPE.
        guard let input = filledPipe(event.json) else {
            let reason = String(cString: strerror(errno))
            return Result(outcome: .notStarted, exitCode: nil, stderr: "cannot create a pipe for the hook's stdin: \(reason)", milliseconds: 0)
        }
        let elapsed: @Sendable () -> Int = { Int((ContinuousClock.now - start) / .milliseconds(1)) }
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    let execution = try await Subprocess.run(
                        .path(FilePath(path)), environment: .custom(environment), workingDirectory: "/",
                        platformOptions: options, input: .fileDescriptor(input, closeAfterSpawningProcess: true), output: .discarded, error: .sequence
                    ) { execution in
                        pid.value.withLock { $0 = execution.processIdentifier.value }
                        var kept: [UInt8] = []
                        for try await buffer in execution.standardError {
                            let room = stderrLimit - kept.count
                            if room > 0 { buffer.withUnsafeBytes { kept.append(contentsOf: $0.prefix(room)) } }
                        }
                        return String(decoding: kept, as: UTF8.self)
                    }
                    // The hook has ended: so does its process group.
                    if let p = pid.value.withLock({ $0 }) { kill(-p, SIGKILL) }
                    let code: Int?
                    switch execution.terminationStatus {
                    case .exited(let status): code = Int(status)
                    case .signaled: code = nil
                    }
                    let outcome: Outcome = code == 0 ? .delivered : code == 75 ? .temporaryFailure : .failed(exitCode: code)
                    return Result(outcome: outcome, exitCode: code, stderr: execution.closureResult, milliseconds: elapsed())
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    // Marked before the kill: the hook's end may be seen before this task's.
                    pid.timedOut.withLock { $0 = true }
                    if let p = pid.value.withLock({ $0 }) { kill(-p, SIGKILL) }
                    return nil
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        let timedOut = pid.timedOut.withLock { $0 }
                        return timedOut ? Result(outcome: .timedOut, exitCode: nil, stderr: result.stderr, milliseconds: result.milliseconds) : result
                    }
                }
                return Result(outcome: .timedOut, exitCode: nil, stderr: "", milliseconds: elapsed())
            }
        } catch let error as SubprocessError where shortages.contains(error.underlyingError?.rawValue ?? 0) {
            return Result(outcome: .notStarted, exitCode: nil, stderr: "cannot start \(path): \(error)", milliseconds: elapsed())
        } catch {
            return Result(outcome: .failed(exitCode: nil), exitCode: nil, stderr: "cannot run \(path): \(error)", milliseconds: elapsed())
        }
    }
}

extension HookProcess {
    /// A pipe's read end holding `text` and then end-of-file.
    static func filledPipe(_ text: String) -> FileDescriptor? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { close(fds[0]); close(fds[1]); return nil }
            offset += n
        }
        close(fds[1])
        return FileDescriptor(rawValue: fds[0])
    }
}

/// The hook's process id, shared between the task that runs it and the timeout that kills it.
private final class ProcessIDBox: Sendable {
    let value = Mutex<pid_t?>(nil)
    let timedOut = Mutex(false)
}
