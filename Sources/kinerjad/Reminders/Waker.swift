import Synchronization

/// Wakes a sleeping service early: the scheduler sleeps until the next fire instant and is
/// poked when a change, an import or a reload makes its plan stale. A poke that arrives
/// while nobody waits is kept, so no change is missed between two waits.
final class Waker: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var waiterCancelled = false
    }

    private let state = Mutex(State())

    func poke() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if let w = s.waiter {
                s.waiter = nil
                return w
            }
            s.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns after `duration`, at a poke, or when the task is cancelled; true when a poke
    /// (kept or new) ended the wait.
    @discardableResult
    func wait(upTo duration: Duration) async -> Bool {
        if state.withLock({ s in defer { s.pending = false }; return s.pending }) { return true }
        state.withLock { $0.waiterCancelled = false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { try? await Task.sleep(for: duration); return false }
            group.addTask { await self.nextPoke(); return true }
            let poked = await group.next() ?? false
            group.cancelAll()
            self.release()
            return poked
        }
    }

    private func nextPoke() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.pending || s.waiterCancelled {
                        s.pending = false
                        return true
                    }
                    s.waiter = c
                    return false
                }
                if resumeNow { c.resume() }
            }
        } onCancel: {
            release()
        }
    }

    /// Resumes a waiting poke listener (the sleep ended first, or the task was cancelled).
    private func release() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.waiterCancelled = true
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }
}
