import Foundation
import KinerjaCore
import KinerjaStore
import Synchronization

/// The last reminder preview, kept so that asking again costs the reply's bytes, and a
/// change to a few plans the recomputation of those plans (`make bench`: a district's week,
/// 2,500 reminders and 1.5 MiB, is 40 ms to compute whole and must be ≤ 10 ms, also right
/// after a change). Nothing here is patched by the code that writes: the store's commit
/// notifications (`OfficeStore.observeChanges`, any writer's) mark it stale, and the
/// plans' versions in the store say which plans to read again. A change to the roster,
/// a silence or an acknowledgement, another day or a reload makes it compute anew.
final class PreviewCache: Sendable {
    /// What a kept preview answers: the window, the person asked about, the office's day
    /// and the settings.
    struct Key: Hashable, Sendable {
        var from, to: LocalDate
        var person: PersonID?
        var today: LocalDate
        var settingsVersion: UInt64
        /// The caller's language: the messages are in it.
        var language: OfficeLanguage
    }

    /// One previewed reminder: its plan, what it sorts by, and its JSON object.
    struct Item: Sendable {
        var plan: PlanID
        var order: ReminderDigest.Order
        var json: [UInt8]
    }

    /// A kept preview: each plan's reminders, the versions of the plans it was made from, all
    /// in fire order, and those
    /// JSON objects joined as the reply's list has them.
    struct Kept: Sendable {
        var key: Key
        var versions: [CycleID: PlanVersions]
        var items: [PlanID: [Item]]
        private(set) var ordered: [Item]
        private(set) var joined: [UInt8]

        init(key: Key, versions: [CycleID: PlanVersions], items: [PlanID: [Item]]) {
            self.key = key
            self.versions = versions
            self.items = items
            ordered = items.values.flatMap { $0 }.sorted(by: Kept.before)
            joined = Kept.join(ordered)
        }

        /// Replaces the reminders of the plans `changed` (nil: no longer a subject): the
        /// others keep their place, the new ones are merged in.
        mutating func replace(_ changed: Set<PlanID>, with new: [PlanID: [Item]], versions: [CycleID: PlanVersions]) {
            self.versions = versions
            guard !changed.isEmpty else { return }
            for id in changed { items[id] = new[id] }
            let added = changed.flatMap { new[$0] ?? [] }.sorted(by: Kept.before)
            var merged: [Item] = []
            merged.reserveCapacity(ordered.count + added.count)
            var next = added.makeIterator(), pending = next.next()
            for item in ordered where !changed.contains(item.plan) {
                while let p = pending, Kept.before(p, item) {
                    merged.append(p)
                    pending = next.next()
                }
                merged.append(item)
            }
            while let p = pending {
                merged.append(p)
                pending = next.next()
            }
            ordered = merged
            joined = Kept.join(ordered)
        }

        static func before(_ a: Item, _ b: Item) -> Bool { a.order < b.order }

        static func join(_ items: [Item]) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(items.reduce(0) { $0 + $1.json.count + 1 })
            for item in items {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: item.json)
            }
            return bytes
        }
    }

    /// How much of the kept preview the store's commits since made stale.
    enum Staleness: Int, Sendable, Comparable {
        case fresh, plans, all
        static func < (a: Staleness, b: Staleness) -> Bool { a.rawValue < b.rawValue }
    }

    /// The most reminders kept: a country's week (263,000, 150 MiB) is computed each time
    /// rather than held.
    static let limit = 50_000

    /// False: nothing is kept (see `OfficeStore.answersMayBeKept`).
    private let enabled: Bool

    init(enabled: Bool = true) { self.enabled = enabled }

    private let state = Mutex<(kept: Kept?, staleness: Staleness, generation: UInt64)>((nil, .all, 0))

    /// Marks the kept preview stale after a commit that touched `change`.
    func invalidate(_ change: StoreChange) {
        let staleness: Staleness
        if !change.isDisjoint(with: [.roster, .silences, .acknowledgements]) || change.contains(.everything) {
            staleness = .all
        } else if change.contains(.plans) {
            staleness = .plans
        } else {
            return
        }
        state.withLock { state in
            state.staleness = max(state.staleness, staleness)
            state.generation += 1
        }
    }

    /// The kept preview for `key`, and how stale it is; nil when it answers another key or
    /// is wholly stale. `generation` identifies the commits seen, for `keep`.
    func kept(for key: Key) -> (kept: Kept, staleness: Staleness, generation: UInt64)? {
        state.withLock { state in
            guard let kept = state.kept, kept.key == key, state.staleness < .all else { return nil }
            return (kept, state.staleness, state.generation)
        }
    }

    /// The generation of the commits seen now: taken before reading the store.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Keeps `kept`, computed from what the store held at `generation`: fresh, unless a
    /// commit came since (then as stale as that commit made it).
    func keep(_ kept: Kept, readAt generation: UInt64) {
        guard enabled, kept.ordered.count <= PreviewCache.limit else { return }
        state.withLock { state in
            if state.generation == generation {
                state = (kept, .fresh, generation)
            } else {
                state.kept = kept
            }
        }
    }

    /// Forgets the kept preview (a reload).
    func clear() {
        state.withLock { state in
            state.kept = nil
            state.staleness = .all
            state.generation += 1
        }
    }
}
