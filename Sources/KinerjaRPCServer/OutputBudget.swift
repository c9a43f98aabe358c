import Synchronization

/// The replies written to connections but not yet taken by their clients, in bytes, over
/// all connections: what clients that do not read can make the server hold. A connection
/// starts its next call only once the client took the previous reply (its channel is
/// writable again), so each holds at most one reply; this bounds the sum, which the
/// connection limit alone would let grow to connections × the largest reply.
final class OutputBudget: Sendable {
    let limit: Int
    private let used = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes `bytes` of the budget; false, taking nothing, when they do not fit. A reply
    /// alone larger than the whole budget still fits into an empty one: refusing it would
    /// refuse every client, not one that does not read.
    func take(_ bytes: Int) -> Bool {
        var current = used.load(ordering: .relaxed)
        while true {
            guard current == 0 || current + bytes <= limit else { return false }
            let (exchanged, original) = used.compareExchange(expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
    }

    func release(_ bytes: Int) {
        used.subtract(bytes, ordering: .relaxed)
    }

    var inUse: Int { used.load(ordering: .relaxed) }
}
