import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Synchronization

/// The reminders of each plan in the last window previewed, kept as their JSON between
/// previews. An office asks for the same week again and again, and between two asks a
/// transition changes one plan of two thousand: planning, wording and encoding all 2,500
/// reminders again was most of a district's preview (~20 ms of ~25). Now a plan is planned
/// again only when it is not equal to the plan its reminders were planned from.
///
/// Everything else a plan's reminders depend on is in the `Window`: the instants, the
/// settings' version (rules, policy, calendar, language), the roster's (names, the atasan
/// and the Tim Kinerja of each position) and the silences and acknowledgements; another
/// window starts over. The roster's
/// index is kept with its version. At most `maxBytes` of JSON, and a roster of at most
/// `maxRosterRows` positions, are kept: a country's preview (260,000 reminders, 250,000
/// positions) is planned anew each time rather than held in memory.
final class KeptPreview: Sendable {
    /// What the kept reminders were planned for, besides each plan.
    struct Window: Equatable, Sendable {
        let start, end: Date
        let settingsVersion: UInt64
        let rosterVersion: UInt64
        /// The hash of the silences and acknowledgements in force: a preview marks what they suppress.
        let suppressions: Int
    }

    /// One reminder: what the preview sorts by, and its JSON `ReminderItem`.
    struct Reminder: Sendable {
        let fireAt: Date
        let id: String
        let json: [UInt8]
    }

    /// The active positions with their holders, by key, and every holder's name by id.
    struct Roster: Sendable {
        let positions: [PositionKey: (person: Person, position: Position)]
        let names: [PersonID: String]

        init(_ rows: [(person: Person, position: Position)]) {
            var positions: [PositionKey: (person: Person, position: Position)] = [:]
            var names: [PersonID: String] = [:]
            positions.reserveCapacity(rows.count)
            for row in rows {
                names[row.person.id] = row.person.nama
                positions[row.position.key] = row
            }
            self.positions = positions
            self.names = names
        }
    }

    private struct Planned {
        let plan: Plan
        let reminders: [Reminder]
    }

    private struct State {
        var roster: (version: UInt64, roster: Roster)?
        var window: Window?
        var plans: [PlanID: Planned] = [:]
        var bytes = 0
    }

    let maxBytes: Int
    let maxRosterRows: Int
    private let state = Mutex(State())

    init(maxBytes: Int = 32 * 1024 * 1024, maxRosterRows: Int = 20_000) {
        self.maxBytes = maxBytes
        self.maxRosterRows = maxRosterRows
    }

    /// The roster's index at `version`, built by `read` when none is kept for it. Take
    /// `version` before reading, so that a roster written meanwhile is indexed again.
    func roster(version: UInt64, read: () throws -> Roster) rethrows -> Roster {
        if let kept = state.withLock({ $0.roster?.version == version ? $0.roster?.roster : nil }) { return kept }
        let roster = try read()
        if roster.positions.count <= maxRosterRows { state.withLock { $0.roster = (version, roster) } }
        return roster
    }

    /// The reminders of `plans` in `window`, sorted by fire time then id: kept ones for
    /// plans equal to those they were planned from, `plan(_:)`'s for the others (on every
    /// core), which are kept in turn.
    func reminders(of plans: [StoredPlan], in window: Window, plan: @Sendable (Plan) -> [Reminder]) -> [Reminder] {
        let kept = state.withLock { $0.window == window ? $0.plans : [:] }
        let stale = plans.filter { kept[$0.plan.id]?.plan != $0.plan }
        let fresh = ParallelChunks.flatMap(stale, minimumChunk: 64) { chunk in
            chunk.map { Planned(plan: $0.plan, reminders: plan($0.plan)) }
        }
        var freshByID: [PlanID: Planned] = [:]
        freshByID.reserveCapacity(fresh.count)
        for planned in fresh { freshByID[planned.plan.id] = planned }

        var reminders: [Reminder] = []
        for stored in plans {
            let planned = freshByID[stored.plan.id] ?? kept[stored.plan.id]
            reminders.append(contentsOf: planned?.reminders ?? [])
        }
        keep(fresh, in: window)
        reminders.sort { $0.fireAt != $1.fireAt ? $0.fireAt < $1.fireAt : $0.id < $1.id }
        return reminders
    }

    private func keep(_ fresh: [Planned], in window: Window) {
        guard !fresh.isEmpty else { return }
        state.withLock { state in
            if state.window != window {
                state.window = window
                state.plans = [:]
                state.bytes = 0
            }
            for planned in fresh {
                let bytes = planned.reminders.reduce(0) { $0 + $1.json.count }
                if let old = state.plans.updateValue(planned, forKey: planned.plan.id) {
                    state.bytes -= old.reminders.reduce(0) { $0 + $1.json.count }
                }
                state.bytes += bytes
            }
            if state.bytes > maxBytes {
                state.plans = [:]
                state.bytes = 0
            }
        }
    }
}
