import KinerjaCore

/// What one write transaction changed, as far as the listings' kept answers care: the
/// transaction's write calls record it, and the store applies it once the transaction has
/// committed. Without it every write dropped every kept answer: a silence or a fired
/// reminder made the next overdue list read the whole roster and every plan again.
///
/// A write call that changes the `person`, `position`, `sekolah_binaan` or `plan` tables
/// must say so here; the others (audit, reminders, deliveries, silences, acknowledgements,
/// the scheduler's state) need not, since no kept answer reads them.
final class WriteEffects {
    /// The roster tables changed.
    private(set) var roster = false
    /// Plans changed other than through `saved` (created or re-dated in bulk).
    private(set) var plansRewritten = false
    /// Plans saved one by one, in order.
    private(set) var saved: [StoredPlan] = []

    /// More single saves than this are applied as a rewrite: patching each kept answer
    /// once per saved plan would cost more than reading it again (an import saves
    /// thousands).
    static let maxPatchedPlans = 64

    func rosterChanged() { roster = true }

    func plansChanged() { plansRewritten = true }

    func planSaved(_ plan: StoredPlan) {
        guard !plansRewritten else { return }
        if saved.count == Self.maxPatchedPlans {
            plansRewritten = true
            saved = []
        } else {
            saved.append(plan)
        }
    }

    /// Everything changed: for raw SQL, whose effect nobody declared.
    func everythingChanged() {
        roster = true
        plansRewritten = true
        saved = []
    }

    /// The effect as a value, to hand to the commit hook.
    var summary: Summary { Summary(roster: roster, plansRewritten: plansRewritten, saved: saved) }

    struct Summary: Sendable {
        let roster: Bool
        let plansRewritten: Bool
        let saved: [StoredPlan]

        var plansChanged: Bool { plansRewritten || !saved.isEmpty }
    }
}
