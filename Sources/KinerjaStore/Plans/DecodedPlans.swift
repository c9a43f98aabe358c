import Foundation
import KinerjaCore
import Synchronization

/// Plans decoded from their stored JSON, kept by plan id with the exact text each was
/// decoded from. Decoding (Foundation's JSONDecoder) was most of the cost of every listing
/// (`people list --overdue` over an office's 2,000 plans: ~30 of ~75 ms) and of every
/// reminder pass, which reads all plans of the cycle after each change. A hit needs the
/// stored text to equal the cached text byte for byte, so a plan changed by any writer (this
/// process, another one, a restored backup) is decoded again. Bounded: past `maxTextBytes`
/// of cached text the cache starts over. A whole country fits (250,000 plans, 118 MiB of
/// text, ~0.5 GiB with their decoded form): with 32 MiB it started over in every listing,
/// and decoding was 45 % of a country's overdue list (14 s) and most of its compliance
/// report (13 s; 1.8 s with every plan kept).
enum DecodedPlans {
    static let maxTextBytes = 160 * 1024 * 1024

    private struct Entry {
        let state: Data
        let plan: Plan
    }

    private struct Cache {
        var entries: [String: Entry] = [:]
        var textBytes = 0
    }

    private static let cache = Mutex(Cache())

    /// The plan `state` (the `plan` row's JSON) of plan `id` describes.
    static func plan(id: String, state: String) throws -> Plan {
        try plan(id: id, stateBytes: Data(state.utf8))
    }

    /// The same from the row's bytes, which may be SQLite's own (not copied): a hit compares
    /// them without making a string of them first.
    static func plan(id: String, stateBytes: Data) throws -> Plan {
        if let entry = cache.withLock({ $0.entries[id] }), entry.state == stateBytes { return entry.plan }
        let state = Data(stateBytes)
        let plan = try JSONText.decode(Plan.self, from: state, table: "plan", key: id)
        cache.withLock { cache in
            if cache.textBytes + state.count > maxTextBytes { cache = Cache() }
            if let old = cache.entries.updateValue(Entry(state: state, plan: plan), forKey: id) {
                cache.textBytes -= old.state.count
            }
            cache.textBytes += state.count
        }
        return plan
    }
}
