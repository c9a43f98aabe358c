import Synchronization

/// At most `limit` holders at once; the others wait, holding nothing, until one leaves. For
/// the calls that keep a whole answer while its pieces go out to a client that may read
/// slowly: without a limit, a thousand connections each streaming a listing would each keep
/// one in memory.
final class CallSlots: Sendable {
    private struct State {
        var available: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(limit: Int) {
        state = Mutex(State(available: limit))
    }

    /// Waits for a slot; throws `CancellationError` (leaving the slot) when the call was
    /// cancelled meanwhile.
    func enter() async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.available > 0 {
                    state.available -= 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        if Task.isCancelled {
            leave()
            throw CancellationError()
        }
    }

    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
