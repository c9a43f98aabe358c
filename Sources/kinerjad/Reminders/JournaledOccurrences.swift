import Synchronization

/// Occurrences whose journal entry is written but whose record has not committed yet: the
/// store refused the transaction (disk full, busy) and the pass failed. The pass that
/// retries them a minute later records them without writing the entry again, so a store
/// that refuses writes for an hour costs no repeated entry at all, where exactly once allows
/// one per crash. Kept in memory only: after a crash they are journaled once more, as the
/// one occurrence a crash between its entry and its commit repeats; a hook delivery never
/// repeats, since deliveries are created by the commit.
final class JournaledOccurrences: Sendable {
    private let ids = Mutex<Set<String>>([])

    /// Notes that the entry of `id` is being written; false when it already was.
    func insert(_ id: String) -> Bool {
        ids.withLock { $0.insert(id).inserted }
    }

    /// Forgets `id` once its record is committed.
    func remove(_ id: String) {
        _ = ids.withLock { $0.remove(id) }
    }
}
