/// What a plan's state means under its year's rules, as the office's daily questions ask it:
/// the current step and its deadline, whether it is blocked, from which day it is overdue,
/// from which day it counts as not submitted, and the Pendampingan signals. Each is decided
/// here and nowhere else; the store keeps them as columns beside the plan (computed by this
/// type when the plan is saved, and again when the rules change), so that "overdue on a day"
/// is an index search whose predicate is this type's, not a second definition.
///
/// Dates that start a condition (`overdueFrom`, `unsubmittedFrom`, `pendampinganOverranFrom`)
/// are the first day it holds: the condition holds on `today` when `from <= today`. A
/// deadline is the end of its day (DESIGN.md, Time), so a plan due on the 31st is overdue
/// from the 1st.
public struct PlanFacts: Hashable, Sendable {
    public let plan: PlanID
    /// Index of the current step in the role's workflow; the workflow's length once complete.
    public let currentIndex: Int
    /// Nil once every step is done.
    public let currentStep: Step?
    /// When the current step was started (`mulai`), if it was.
    public let currentStartedOn: LocalDate?
    /// The current step's deadline (`TimelineSchedule`); nil once complete.
    public let currentDue: LocalDate?
    /// The open block, if the plan is blocked now: blocked plans are shown with their cause,
    /// not as late.
    public let block: BlockPeriod?
    /// The plan's latest event (at least the cycle's start): nothing may be dated before it,
    /// and no reminder is planned for a day before it.
    public let lastEventOn: LocalDate
    /// The first submission of the plan (see `Plan.firstSubmittedOn`).
    public let firstSubmittedOn: LocalDate?
    /// The planning deadline of the plan's role in its cycle (its first step's).
    public let planningDue: LocalDate
    /// The first day the plan is overdue: the day after its current deadline, while it is
    /// neither complete nor blocked; nil otherwise.
    public let overdueFrom: LocalDate?
    /// The first day the plan counts as not submitted: the day after the planning deadline,
    /// while it was never submitted and is not blocked; nil otherwise.
    public let unsubmittedFrom: LocalDate?
    /// The first day Pendampingan counts as overrun (longer than the year's maximum): while it
    /// runs, the day after the maximum; once closed, that day if it closed later; nil when it
    /// did not start or closed in time.
    public let pendampinganOverranFrom: LocalDate?
    /// Pendampingan was closed before the year's minimum length.
    public let pendampinganTooShort: Bool
    /// The final standing, when the plan's cycle closed before it was complete
    /// (`CycleLifecycle`): the plan is then finished, neither overdue nor unsubmitted.
    public let closure: PlanClosure?
    /// The year's rules advise something about the recorded choices (`PlanAdvice`).
    public let advised: Bool
    /// A newcomer's plan: the day it was opened (`Plan.openedOn`); its reminders start then.
    public let openedOn: LocalDate?
    /// While the plan is blocked by a missing stage 1–2 precondition (`PreconditionState`):
    /// that precondition's deadline, which its owner is reminded of; nil otherwise.
    public let preconditionDue: LocalDate?

    /// The facts of `plan` with the deadlines of `timeline` (its `TimelineSchedule` entries)
    /// and the final standing its cycle's closing gave it, if any. `preconditions` are its
    /// person's stages 1–2 in the cycle when the office tracks them (nil when it does not):
    /// a plan the office itself blocked keeps that block; one with a precondition missing is
    /// blocked by it; its steps became current when the last precondition was done.
    init(
        plan: Plan, timeline: [TimelineEntry], durations: Durations, closure: PlanClosure?, advised: Bool,
        preconditions: PreconditionState?, preconditionDeadlines: PreconditionDeadlines
    ) {
        self.advised = advised
        openedOn = plan.openedOn
        self.plan = plan.id
        currentIndex = plan.currentIndex
        currentStep = plan.currentStep
        currentStartedOn = plan.isComplete ? nil : plan.records[plan.currentIndex].startedOn
        currentDue = plan.isComplete ? nil : timeline[plan.currentIndex].due
        let pending = plan.isComplete ? nil : preconditions?.block(in: plan.id.cycle, openedOn: plan.openedOn)
        block = plan.openBlock ?? pending
        preconditionDue = plan.openBlock == nil
            ? pending.flatMap { Precondition($0.cause) }.map { preconditionDeadlines.due(of: $0, in: plan.id.cycle) } : nil
        lastEventOn = max(plan.lastEventDate, preconditions?.lastDoneOn ?? plan.lastEventDate)
        firstSubmittedOn = plan.firstSubmittedOn
        planningDue = timeline.first?.due ?? plan.id.cycle.end
        self.closure = closure
        overdueFrom = block == nil && closure == nil ? currentDue?.adding(days: 1) : nil
        unsubmittedFrom = firstSubmittedOn == nil && block == nil && closure == nil ? planningDue.adding(days: 1) : nil
        var overranFrom: LocalDate? = nil
        var tooShort = false
        if let index = plan.recordIndex(.pendampingan), let start = plan.records[index].startedOn {
            let limit = start.adding(months: durations.pendampinganMaxMonths)
            let completed = plan.records[index].completedOn
            if completed.map({ $0 > limit }) ?? true { overranFrom = limit.adding(days: 1) }
            if let done = completed, done < start.adding(months: durations.pendampinganMinMonths) { tooShort = true }
        }
        pendampinganOverranFrom = overranFrom
        pendampinganTooShort = tooShort
    }

    /// Facts as the store read them back.
    public init(
        plan: PlanID, currentIndex: Int, currentStep: Step?, currentStartedOn: LocalDate?, currentDue: LocalDate?,
        block: BlockPeriod?, lastEventOn: LocalDate, firstSubmittedOn: LocalDate?, planningDue: LocalDate,
        overdueFrom: LocalDate?, unsubmittedFrom: LocalDate?, pendampinganOverranFrom: LocalDate?, pendampinganTooShort: Bool,
        closure: PlanClosure?, advised: Bool, openedOn: LocalDate?, preconditionDue: LocalDate? = nil
    ) {
        self.advised = advised
        self.openedOn = openedOn
        self.preconditionDue = preconditionDue
        self.plan = plan
        self.currentIndex = currentIndex
        self.currentStep = currentStep
        self.currentStartedOn = currentStartedOn
        self.currentDue = currentDue
        self.block = block
        self.lastEventOn = lastEventOn
        self.firstSubmittedOn = firstSubmittedOn
        self.planningDue = planningDue
        self.overdueFrom = overdueFrom
        self.unsubmittedFrom = unsubmittedFrom
        self.pendampinganOverranFrom = pendampinganOverranFrom
        self.pendampinganTooShort = pendampinganTooShort
        self.closure = closure
    }

    public var isComplete: Bool { currentStep == nil }
    /// Blocked now: an open block, in a cycle not closed (a closed plan is finished).
    public var isBlocked: Bool { block != nil && closure == nil }

    /// Overdue on `today`: past the current deadline, neither complete, blocked nor closed.
    public func isOverdue(on today: LocalDate) -> Bool { overdueFrom.map { $0 <= today } ?? false }

    /// Not submitted on `today`: past the planning deadline without a first submission, not blocked.
    public func isUnsubmitted(on today: LocalDate) -> Bool { unsubmittedFrom.map { $0 <= today } ?? false }

    /// Submitted after the planning deadline.
    public var isLateSubmission: Bool { firstSubmittedOn.map { $0 > planningDue } ?? false }

    /// Pendampingan ran, or is running, longer than the year's maximum on `today`.
    public func isPendampinganOverrun(on today: LocalDate) -> Bool { pendampinganOverranFrom.map { $0 <= today } ?? false }
}
