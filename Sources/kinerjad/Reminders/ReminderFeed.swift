import KinerjaRPC
import Synchronization

/// Fans fired reminders out to the clients of `WatchReminders` (Varlink `more`). A slow
/// client loses old items rather than holding the scheduler back.
final class ReminderFeed: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<ReminderItem>.Continuation]>([:])
    private let counter = Mutex(0)

    func subscribe() -> (id: Int, stream: AsyncStream<ReminderItem>) {
        let id = counter.withLock { $0 += 1; return $0 }
        let (stream, continuation) = AsyncStream.makeStream(of: ReminderItem.self, bufferingPolicy: .bufferingNewest(256))
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        subscribers.withLock { $0.removeValue(forKey: id) }?.finish()
    }

    func publish(_ item: ReminderItem) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(item) }
    }
}
