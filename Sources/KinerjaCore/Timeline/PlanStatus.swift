/// Where a plan stands on a given day: the question an office asks every morning. Every
/// answer comes from the plan's `PlanFacts`, the one place that decides them.
public struct PlanStatus: Hashable, Sendable, Codable {
    public let plan: PlanID
    /// Nil when every step is done.
    public let currentStep: Step?
    /// Who must act next.
    public let actor: Actor?
    /// Deadline of the current step.
    public let due: LocalDate?
    /// Days from `today` to the deadline: negative when overdue, 0 on the day; nil while
    /// blocked (a blocked plan is not counting down, see `blocked`).
    public let daysLeft: Int?
    public let flags: [PlanFlag]
    public let blockCause: BlockCause?
    /// Since when, how long and awaiting whom, while blocked (not in a closed cycle).
    public let blocked: BlockedStanding?
    /// The final standing, when the plan's cycle closed before it was complete.
    public let closure: PlanClosure?

    /// The status of a plan with these facts on `today`. `closure` is the plan's final
    /// standing when its cycle is closed and the store has not written it yet
    /// (`CycleLifecycle.closure(of:on:)`); the one the store kept is in the facts.
    public init(of facts: PlanFacts, on today: LocalDate, closure: PlanClosure? = nil) {
        plan = facts.plan
        currentStep = facts.currentStep
        actor = facts.currentStep?.actor
        due = facts.currentDue
        blockCause = facts.block?.cause
        self.closure = closure ?? facts.closure
        blocked = self.closure == nil ? facts.block.map { BlockedStanding(block: $0, on: today) } : nil
        if self.closure != nil {
            daysLeft = nil
            flags = facts.isLateSubmission ? [.lateSubmission, .tidakSelesai] : [.tidakSelesai]
            return
        }
        daysLeft = facts.isBlocked ? nil : facts.currentDue.map { today.days(until: $0) }
        var flags: [PlanFlag] = []
        if facts.isBlocked { flags.append(.blocked) }
        if facts.isOverdue(on: today) { flags.append(.overdue) }
        if facts.isUnsubmitted(on: today) { flags.append(.notSubmitted) }
        if facts.isLateSubmission { flags.append(.lateSubmission) }
        if facts.isPendampinganOverrun(on: today) { flags.append(.pendampinganOverran) }
        if facts.pendampinganTooShort { flags.append(.pendampinganTooShort) }
        if facts.currentStep == .observasi { flags.append(.awaitingObservation) }
        if facts.advised { flags.append(.advice) }
        self.flags = flags
    }

    /// The status of `plan` on `today` under `rules`, closed or not.
    public init(of plan: Plan, on today: LocalDate, rules: YearRules, closure: PlanClosure? = nil) {
        let schedule = TimelineSchedule(cycle: plan.id.cycle, rules: rules, roles: [plan.role])
        self.init(of: schedule.facts(of: plan, closure: closure), on: today)
    }
}
