import KinerjaStore
import Synchronization

/// The listeners `observeChanges` added, told what each commit touched.
final class ChangeListeners: Sendable {
    private let listeners = Mutex<[@Sendable (StoreChange) -> Void]>([])

    func add(_ listener: @escaping @Sendable (StoreChange) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func notify(_ change: StoreChange) {
        for listener in listeners.withLock({ $0 }) { listener(change) }
    }
}
