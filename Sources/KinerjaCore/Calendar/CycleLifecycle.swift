/// When a cycle's plans exist and when they stop moving. A district's cycles follow one
/// another without a pause, and the daemon runs through their boundaries, so both ends are
/// rules here rather than something a restart happens to do:
///
/// - **Opening.** A cycle's plans exist from its first instant: the daemon makes them on
///   the cycle's eve (`cyclesWithPlans(on:)` names the next cycle from the last day of the
///   current one), so a list, a report or a reminder pass at 00:00:00 of 1 January or
///   1 July already sees every active position's plan.
/// - **Closing.** Pelaksanaan may be reported until the cycle's last day; Penilaian and
///   the hand-over to e-Kinerja follow in the next weeks (DOMAIN.md, "The cycle"). For
///   `graceDays` after the last day an unfinished plan is still reminded and late steps
///   are still recorded; from `closingDay(of:)` on the cycle is closed: each unfinished
///   plan keeps the step it reached as its final standing ("tidak selesai"), nothing more
///   is recorded on it, and none of its reminders fire.
public struct CycleLifecycle: Sendable, Hashable {
    /// Days after a cycle's last day during which its unfinished plans stay open.
    public var graceDays: Int

    /// The longest grace: a cycle must close before the one after the next begins, so that
    /// at most two cycles are open at once.
    public static let maxGraceDays = 90

    public init(graceDays: Int = 14) {
        self.graceDays = min(max(0, graceDays), CycleLifecycle.maxGraceDays)
    }

    /// The first day on which `cycle` is closed.
    public func closingDay(of cycle: CycleID) -> LocalDate { cycle.end.adding(days: graceDays + 1) }

    public func isClosed(_ cycle: CycleID, on day: LocalDate) -> Bool { day >= closingDay(of: cycle) }

    /// The cycles whose plans must exist on `day`: the one containing it and, on its last
    /// day, the next one (made on the eve, so they exist from the first instant).
    public func cyclesWithPlans(on day: LocalDate) -> [CycleID] {
        let current = CycleID(containing: day)
        return day == current.end ? [current, current.next] : [current]
    }

    /// The cycles open on some day of [from, through], oldest first: every cycle that has
    /// begun by `through` and is not closed on `from`.
    public func openCycles(from: LocalDate, through: LocalDate) -> [CycleID] {
        var cycle = CycleID(containing: from)
        while !isClosed(cycle.previous, on: from) { cycle = cycle.previous }
        var cycles: [CycleID] = []
        while cycle.start <= through {
            cycles.append(cycle)
            cycle = cycle.next
        }
        return cycles
    }

    /// The final standing of `plan` on `day`: the closure the store kept, or, when the
    /// cycle is closed and the store has not written it yet, the one it will write. Nil for
    /// a complete plan and an open cycle.
    public func closure(of plan: Plan, kept: PlanClosure?, on day: LocalDate) -> PlanClosure? {
        if let kept { return kept }
        guard isClosed(plan.id.cycle, on: day), let step = plan.currentStep else { return nil }
        return PlanClosure(closedOn: closingDay(of: plan.id.cycle), step: step)
    }

    /// The same from a plan's facts (the closure the store kept is among them).
    public func closure(of facts: PlanFacts, on day: LocalDate) -> PlanClosure? {
        if let kept = facts.closure { return kept }
        guard isClosed(facts.plan.cycle, on: day), let step = facts.currentStep else { return nil }
        return PlanClosure(closedOn: closingDay(of: facts.plan.cycle), step: step)
    }

    /// The status on `day` of a plan with these facts, closed or not.
    public func status(of facts: PlanFacts, on day: LocalDate) -> PlanStatus {
        PlanStatus(of: facts, on: day, closure: closure(of: facts, on: day))
    }

    /// Refuses any change to a plan of a cycle closed on `today` (or closed in the store).
    public func checkOpen(_ plan: Plan, step: Step?, kept: PlanClosure?, today: LocalDate) throws(TransitionError) {
        guard kept != nil || isClosed(plan.id.cycle, on: today) else { return }
        let closure = closure(of: plan, kept: kept, on: today)
        let closedOn = closure?.closedOn ?? closingDay(of: plan.id.cycle)
        throw TransitionError(
            plan: plan.id.description, step: step, standing: closure.map { .closed($0.step, on: $0.closedOn) } ?? .complete,
            allowed: [], reason: .cycleClosed(plan.id.cycle, on: closedOn))
    }
}
