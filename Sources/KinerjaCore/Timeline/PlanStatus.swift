/// Where a plan stands on a given day: the question an office asks every morning.
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

    /// The status of `plan` on `today` under `rules`.
    public init(of plan: Plan, on today: LocalDate, rules: YearRules, closure: PlanClosure? = nil) {
        let timeline = Timeline.entries(of: plan, rules: rules)
        self.init(of: plan, timeline: timeline, on: today, rules: rules, closure: closure)
    }

    /// The same, reusing a timeline already computed for the plan. `closure` is the plan's
    /// final standing (`CycleLifecycle.closure(of:kept:on:)`), nil while its cycle is open.
    public init(of plan: Plan, timeline: [TimelineEntry], on today: LocalDate, rules: YearRules, closure: PlanClosure? = nil) {
        self.plan = plan.id
        currentStep = plan.currentStep
        actor = plan.currentStep?.actor
        let current = plan.isComplete ? nil : timeline[plan.currentIndex]
        due = current?.due
        self.closure = closure
        blockCause = plan.openBlock?.cause
        blocked = closure == nil ? plan.openBlock.map { BlockedStanding(block: $0, on: today) } : nil
        if closure != nil {
            daysLeft = nil
            let late = plan.firstSubmittedOn.flatMap { submitted in timeline.first.map { submitted > $0.due } } ?? false
            flags = late ? [.lateSubmission, .tidakSelesai] : [.tidakSelesai]
            return
        }
        daysLeft = blockCause == nil ? current.map { today.days(until: $0.due) } : nil
        var flags: [PlanFlag] = []
        if blockCause != nil { flags.append(.blocked) }
        if let left = daysLeft, left < 0, blockCause == nil { flags.append(.overdue) }
        if let planningDue = timeline.first?.due {
            if let submitted = plan.firstSubmittedOn {
                if submitted > planningDue { flags.append(.lateSubmission) }
            } else if today > planningDue, blockCause == nil {
                flags.append(.notSubmitted)
            }
        }
        if let index = plan.recordIndex(.pendampingan), let start = plan.records[index].startedOn {
            let completed = plan.records[index].completedOn
            let end = completed ?? today
            if end > start.adding(months: rules.durations.pendampinganMaxMonths) { flags.append(.pendampinganOverran) }
            if let done = completed, done < start.adding(months: rules.durations.pendampinganMinMonths) {
                flags.append(.pendampinganTooShort)
            }
        }
        if plan.currentStep == .observasi { flags.append(.awaitingObservation) }
        if !plan.advice(rules: rules).isEmpty { flags.append(.advice) }
        self.flags = flags
    }
}
