import KinerjaCore

extension PlanQuery {
    /// Whether the plan is among this query's: `sqlConditions()` said in Swift, so that a
    /// kept answer can take a saved plan in without reading the table again. The two must
    /// agree; a test compares them on every kind of plan and query.
    func matches(_ stored: StoredPlan) -> Bool {
        let plan = stored.plan, key = plan.id.position
        guard plan.id.cycle == cycle else { return false }
        if let role, key.role != role { return false }
        if let npsn, key.npsn != npsn { return false }
        if let personID, key.personID != personID { return false }
        if let currentStep, plan.currentStep != currentStep { return false }
        if let overdueOn {
            guard let due = stored.due, due < overdueOn, plan.currentStep != nil, plan.openBlock == nil else { return false }
        }
        if let blocked, (plan.openBlock != nil) != blocked { return false }
        return true
    }

    /// Brings `plans`, this query's answer (in plan id order, as `sql()` sorts them), up to
    /// the saves of `saved`: each saved plan replaces its old version, joins the answer when
    /// it now matches, or leaves it. Applying the same saves twice gives the same answer.
    /// False when the answer cannot be patched: a `limit` may have cut off a plan that the
    /// saves would bring back in.
    func patch(_ plans: inout [StoredPlan], saving saved: [StoredPlan]) -> Bool {
        guard limit == nil else { return false }
        for stored in saved {
            let id = stored.plan.id.description
            let index = plans.firstIndex(notBefore: id)
            let present = index < plans.endIndex && plans[index].plan.id.description == id
            switch (present, matches(stored)) {
            case (true, true): plans[index] = stored
            case (true, false): plans.remove(at: index)
            case (false, true): plans.insert(stored, at: index)
            case (false, false): break
            }
        }
        return true
    }
}

private extension [StoredPlan] {
    /// The index of the first plan whose id is not before `id` in SQLite's order (BINARY:
    /// the UTF-8 bytes compared), found by halving.
    func firstIndex(notBefore id: String) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if self[middle].plan.id.description.utf8.lexicographicallyPrecedes(id.utf8) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
