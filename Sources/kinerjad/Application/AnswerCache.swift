import Foundation
import KinerjaStore
import Synchronization

/// Whole answers kept until the store reports a commit that touches what they read (any
/// writer's, `OfficeStore.observeChanges`): `make bench`'s `kinerjactl people list --overdue`
/// on a district (≤ 15 ms, process start and table included) is answered from the reply's
/// kept bytes instead of being read, summarized and encoded again (7 ms of it). Nothing
/// patches a kept answer: a commit drops them all, and the next call reads anew.
final class AnswerCache<Key: Hashable & Sendable>: Sendable {
    /// The store's parts the answers are read from.
    let reads: StoreChange
    /// The most bytes an answer may have to be kept (a country's lists are not).
    static var limit: Int { 4 << 20 }
    /// The most answers kept; one more drops them all.
    static var capacity: Int { 16 }

    private let state = Mutex<(answers: [Key: [UInt8]], generation: UInt64)>(([:], 0))

    /// False: nothing is kept (see `OfficeStore.answersMayBeKept`).
    private let enabled: Bool

    init(reads: StoreChange, enabled: Bool = true) {
        self.reads = reads
        self.enabled = enabled
    }

    /// Drops every answer after a commit that touched what they read.
    func invalidate(_ change: StoreChange) {
        guard !change.isDisjoint(with: reads) else { return }
        state.withLock { state in
            state.answers = [:]
            state.generation += 1
        }
    }

    func answer(_ key: Key) -> [UInt8]? { state.withLock { $0.answers[key] } }

    /// The commits seen so far: taken before reading the store, for `keep`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Keeps an answer read after `generation`, unless a commit came since.
    func keep(_ answer: [UInt8], for key: Key, readAt generation: UInt64) {
        guard enabled, answer.count <= AnswerCache.limit else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.answers.count >= AnswerCache.capacity { state.answers = [:] }
            state.answers[key] = answer
        }
    }
}
