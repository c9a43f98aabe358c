import KinerjaStore
import Synchronization

/// Runs `operation` and returns its result, or throws `StoreError.unreachable` once `limit`
/// has passed, whether or not `operation` has ended by then: a query on a connection the
/// server ended (`pg_terminate_backend`, a network cut) must not hold a daemon's call
/// forever. The operation is cancelled and left to end on its own; a structured race (a task
/// group) would wait for it, which is the hang this avoids.
func withDeadline<T: Sendable>(
    _ limit: Duration, location: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = Outcome<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            outcome.start(continuation)
            let work = Task {
                do { outcome.finish(.success(try await operation())) } catch { outcome.finish(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if outcome.finish(.failure(StoreError.unreachable(location: location, reason: "no answer within \(limit)"))) {
                    work.cancel()
                }
            }
            outcome.onFinish { work.cancel(); timer.cancel() }
        }
    } onCancel: {
        outcome.finish(.failure(CancellationError()))
    }
}

/// The one result of a `withDeadline` call, whichever of the operation, the timer and a
/// cancellation comes first.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var finished = false
        var cleanup: (@Sendable () -> Void)?
    }
    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock {
            if let early = $0.early { return early }
            $0.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// Resumes the caller with `result` unless it was resumed before; true when this did.
    @discardableResult
    func finish(_ result: Result<T, any Error>) -> Bool {
        let (continuation, cleanup, first): (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?, Bool) = state.withLock {
            guard !$0.finished else { return (nil, nil, false) }
            $0.finished = true
            if $0.continuation == nil { $0.early = result }
            let taken = $0.continuation
            $0.continuation = nil
            return (taken, $0.cleanup, true)
        }
        continuation?.resume(with: result)
        cleanup?()
        return first
    }

    /// Runs `cleanup` when the outcome is settled (at once when it is already).
    func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
        let now = state.withLock {
            if $0.finished { return true }
            $0.cleanup = cleanup
            return false
        }
        if now { cleanup() }
    }
}
