import Synchronization

/// Reminders this daemon claimed and journaled whose settle the store refused (disk full,
/// busy): the pass that retries them settles them without writing the entry again, so a
/// store that refuses writes for an hour costs no repeated entry. Which daemon fires a
/// reminder is decided by its claim in the store, not here; this only keeps one process
/// from journaling its own claim twice. After a crash the claim goes stale and is claimed
/// again: its entry is written once more, as the one occurrence a crash between its entry
/// and its settle repeats; a hook delivery never repeats, since deliveries are created by
/// the settle.
final class JournaledOccurrences: Sendable {
    private let ids = Mutex<Set<String>>([])

    /// Notes that the entry of `id` is being written; false when it already was.
    func insert(_ id: String) -> Bool {
        ids.withLock { $0.insert(id).inserted }
    }

    /// Forgets `id` once it is settled.
    func remove(_ id: String) {
        _ = ids.withLock { $0.remove(id) }
    }
}
