import Foundation

/// Blocking work on a thread of its own, so a test can run a command (an import, a burst of
/// transitions) while it kills the daemon under it; the fixtures block while they wait for
/// processes, which must not tie up the tasks of the test runner.
final class ThreadJob<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            let outcome = Result { try body() }
            lock.withLock { result = outcome }
            finished.signal()
        }
        thread.start()
    }

    /// The body's value (or its error) once it finished; a TestFailure after `timeout` seconds.
    func value(timeout: Double) throws -> T {
        guard finished.wait(timeout: .now() + timeout) == .success else {
            throw TestFailure("a background job did not finish within \(Int(timeout)) s")
        }
        finished.signal()
        return try lock.withLock { result! }.get()
    }
}
