import Foundation
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs one hook once, with no shell: the event on stdin, a clean environment, its own
/// process group (so a hook's children die with it), a hard timeout that kills the whole
/// group, and at most `stderrLimit` bytes of its stderr kept for the log.
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
    }

    struct Result: Sendable {
        let outcome: Outcome
        let exitCode: Int?
        let stderr: String
        let milliseconds: Int
    }

    static let stderrLimit = 4096

    static func run(path: String, event: HookEvent, timeout: Duration) async -> Result {
        let start = ContinuousClock.now
        let pid = ProcessIDBox()
        let options: PlatformOptions = {
            var options = PlatformOptions()
            options.processGroupID = 0
            return options
        }()
        let environment = Dictionary(uniqueKeysWithValues: event.environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })
        let input = event.json
        let elapsed: @Sendable () -> Int = { Int((ContinuousClock.now - start) / .milliseconds(1)) }
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    let execution = try await Subprocess.run(
                        .path(FilePath(path)), environment: .custom(environment), workingDirectory: "/",
                        platformOptions: options, input: .string(input), output: .discarded, error: .sequence
                    ) { execution in
                        pid.value.withLock { $0 = execution.processIdentifier.value }
                        var kept: [UInt8] = []
                        for try await buffer in execution.standardError {
                            let room = stderrLimit - kept.count
                            if room > 0 { buffer.withUnsafeBytes { kept.append(contentsOf: $0.prefix(room)) } }
                        }
                        return String(decoding: kept, as: UTF8.self)
                    }
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
                    if let p = pid.value.withLock({ $0 }) { kill(-p, SIGKILL) }
                    return nil
                }
                var timedOut = false
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return timedOut ? Result(outcome: .timedOut, exitCode: nil, stderr: result.stderr, milliseconds: result.milliseconds) : result
                    }
                    timedOut = true
                }
                return Result(outcome: .timedOut, exitCode: nil, stderr: "", milliseconds: elapsed())
            }
        } catch {
            return Result(outcome: .failed(exitCode: nil), exitCode: nil, stderr: "cannot run \(path): \(error)", milliseconds: elapsed())
        }
    }
}

/// The hook's process id, shared between the task that runs it and the timeout that kills it.
private final class ProcessIDBox: Sendable {
    let value = Mutex<pid_t?>(nil)
}
