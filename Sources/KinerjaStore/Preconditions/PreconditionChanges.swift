import KinerjaCore

/// How stages 1–2 being recorded compare with those stored in the cycle: what to write, its
/// audit rows and the summary, decided once for every adapter.
package struct PreconditionChanges {
    package private(set) var summary = PreconditionSummary()
    /// The records added or changed, each with what was stored before (nil: added).
    package private(set) var changes: [(new: PreconditionRecord, old: PreconditionRecord?)] = []

    package init(_ records: [PreconditionRecord], stored list: [PreconditionRecord]) {
        var stored: [String: PreconditionRecord] = [:]
        for r in list { stored[Self.key(r)] = r }
        for r in records {
            let old = stored[Self.key(r)]
            if old == r { summary.unchanged += 1; continue }
            if old == nil { summary.recorded += 1 } else { summary.updated += 1 }
            changes.append((r, old))
        }
    }

    /// The persons whose plans must be derived again.
    package var persons: Set<String> { Set(changes.map(\.new.person.rawValue)) }

    /// The audit row of one change: under the person's id, so that `history NIP` shows it.
    package static func audit(_ r: PreconditionRecord, old: PreconditionRecord?) -> (action: String, subject: String, before: String?, after: String) {
        ("precondition \(r.precondition.rawValue)", r.person.rawValue, old.map(json), json(r))
    }

    private static func key(_ r: PreconditionRecord) -> String { "\(r.person.rawValue)|\(r.precondition.rawValue)" }

    private static func json(_ r: PreconditionRecord) -> String {
        AuditJSON.object([
            ("cycle", r.cycle.description), ("doneOn", r.doneOn.description), ("decreeNumber", r.decreeNumber), ("decreeDate", r.decreeDate?.description),
        ])
    }
}
