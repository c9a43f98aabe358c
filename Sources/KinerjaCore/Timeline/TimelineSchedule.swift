/// What the timelines of one cycle need from the year's rules, looked up once per step of
/// each role's workflow. A listing, a report or a reminder pass computes the timelines of
/// thousands of plans of one cycle; looking each step's deadline up by name (a string-keyed
/// table, the extensions scanned, the month's end computed) was most of the work of each.
public struct TimelineSchedule: Sendable {
    public let cycle: CycleID
    private let rules: YearRules
    private let kepalaSekolah: [StepRule]
    private let pengawasSekolah: [StepRule]

    /// How one step's deadline follows, as `Timeline` describes.
    private struct StepRule: Sendable {
        enum Kind: Sendable {
            /// Months after the step started (or the previous step ended).
            case months(Int)
            /// A month's end, moved by an earlier extension of the same plan.
            case endOfMonth(LocalDate)
            case afterPreviousDays(Int)
        }
        let step: Step
        let kind: Kind
        /// The official extension of this deadline, if any.
        let extended: LocalDate?
    }

    /// The schedule of both roles; `roles` limits it to some (one plan's timeline needs only
    /// its own role's).
    public init(cycle: CycleID, rules: YearRules, roles: [Role] = Role.allCases) {
        self.cycle = cycle
        self.rules = rules
        func stepRules(_ role: Role) -> [StepRule] {
            guard roles.contains(role) else { return [] }
            return Workflow.steps(for: role).map { Self.rule(for: $0, role: role, cycle: cycle, rules: rules) }
        }
        kepalaSekolah = stepRules(.kepalaSekolah)
        pengawasSekolah = stepRules(.pengawasSekolah)
    }

    private static func rule(for step: Step, role: Role, cycle: CycleID, rules: YearRules) -> StepRule {
        let kind: StepRule.Kind
        if step.hasDuration {
            kind = .months(step == .pendampingan ? rules.durations.pendampinganMaxMonths : rules.durations.upayaTindakLanjutMonths)
        } else {
            switch rules.deadlineRule(named: step.deadlineName, for: role) {
            case .endOfMonth(let n): kind = .endOfMonth(cycle.endOfMonth(n))
            case .afterPreviousDays(let n): kind = .afterPreviousDays(n)
            }
        }
        let extended = rules.extensions.last {
            $0.cycle == cycle && ($0.role == nil || $0.role == role) && $0.deadline == step.deadlineName
        }?.until
        return StepRule(step: step, kind: kind, extended: extended)
    }

    /// The RHK items of the year's catalog, with their points.
    var rhkCatalog: [CatalogItem] { rules.catalogs.rhk }

    /// The facts of `plan` under this schedule's rules (see `PlanFacts`), with the final
    /// standing its cycle's closing gave it, if any.
    /// `preconditions`: its person's stages 1–2, when the office tracks them.
    public func facts(of plan: Plan, closure: PlanClosure? = nil, preconditions: PreconditionState? = nil) -> PlanFacts {
        facts(of: plan, timeline: entries(of: plan, preconditions: preconditions), closure: closure, preconditions: preconditions)
    }

    /// The facts of `plan` with its timeline already computed (`entries(of:)`).
    public func facts(
        of plan: Plan, timeline: [TimelineEntry], closure: PlanClosure? = nil, preconditions: PreconditionState? = nil
    ) -> PlanFacts {
        PlanFacts(
            plan: plan, timeline: timeline, durations: rules.durations, closure: closure, advised: !plan.advice(rules: rules).isEmpty,
            preconditions: preconditions, preconditionDeadlines: rules.preconditions)
    }

    /// The deadline of `precondition` in this schedule's cycle.
    public func due(of precondition: Precondition) -> LocalDate { rules.preconditions.due(of: precondition, in: cycle) }

    /// The deadline of every step of `plan`, in workflow order (see `Timeline`).
    /// `preconditions`: its person's stages 1–2, when the office tracks them; while they were
    /// missing the person could not plan, so their completion relieves the first deadline as
    /// the end of a block does.
    public func entries(of plan: Plan, preconditions: PreconditionState? = nil) -> [TimelineEntry] {
        guard plan.id.cycle == cycle else {
            return TimelineSchedule(cycle: plan.id.cycle, rules: rules).entries(of: plan, preconditions: preconditions)
        }
        let stepRules = plan.role == .kepalaSekolah ? kepalaSekolah : pengawasSekolah
        let cycleEnd = cycle.end
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(plan.records.count)
        var previousEnd = cycle.start
        // An official extension moves the month-based deadlines after it by as much, so a
        // plan submitted within the extension is not overdue at its next step the same day.
        var extensionShift = 0
        let relief = PlanRelief(plan: plan, relief: rules.relief, preconditions: preconditions)
        // By index, reading the three fields in place: copying each whole record (its details
        // inline) was a fifth of a report's time.
        let records = plan.records
        for index in records.indices {
            let step = records[index].step, startedOn = records[index].startedOn, completedOn = records[index].completedOn
            // Records follow the workflow; a stored plan of another shape is looked up.
            let rule = index < stepRules.count && stepRules[index].step == step
                ? stepRules[index]
                : stepRules.first { $0.step == step } ?? Self.rule(for: step, role: plan.role, cycle: cycle, rules: rules)
            var due: LocalDate
            switch rule.kind {
            case .months(let months): due = (startedOn ?? previousEnd).adding(months: months)
            case .endOfMonth(let date): due = extensionShift == 0 ? date : date.adding(days: extensionShift)
            case .afterPreviousDays(let days): due = previousEnd.adding(days: days)
            }
            // Everything of a cycle is due within it: a late chain of projections stops at its end.
            due = min(due, cycleEnd)
            if let extended = rule.extended, extended > due {
                extensionShift = max(extensionShift, due.days(until: extended))
                due = extended
            }
            var note: DeadlineNote? = nil
            if let relief, let given = relief.note(for: step.deadlineName, due: due) {
                note = given
                if let later = relief.deadline(for: step.deadlineName), later > due {
                    let moved = min(later, cycleEnd)
                    extensionShift = max(extensionShift, due.days(until: moved))
                    due = moved
                }
            }
            entries.append(TimelineEntry(step: step, due: due, startedOn: startedOn, completedOn: completedOn, note: note))
            previousEnd = completedOn ?? due
        }
        return entries
    }
}

/// What `DeadlineRelief` gives one plan: per deadline name, the days it was blocked at the
/// steps of that name and the day the last of those blocks ended; the newcomer's opening for
/// its first deadline. A block is counted at the step the plan was at when it began (a
/// blocked plan cannot move, so that is the step it was at throughout); a block still open
/// gives nothing yet: while it lasts the plan is not judged late at all. Stages 1–2 done
/// after the plan opened are a block of its first deadline that ended on the later of them.
private struct PlanRelief {
    private var blockedDays: [String: Int] = [:]
    private var unblockedOn: [String: LocalDate] = [:]
    private let firstDeadline: String
    private let openedOn: LocalDate?
    private let relief: DeadlineRelief

    init?(plan: Plan, relief: DeadlineRelief, preconditions: PreconditionState?) {
        let start = max(plan.id.cycle.start, plan.openedOn ?? plan.id.cycle.start)
        let preconditionsDone = preconditions.flatMap { $0.missing == nil ? $0.lastDoneOn : nil }.flatMap { $0 > start ? $0 : nil }
        guard !plan.blocks.isEmpty || plan.openedOn != nil || preconditionsDone != nil else { return nil }
        self.relief = relief
        firstDeadline = plan.records.first?.step.deadlineName ?? ""
        openedOn = plan.openedOn
        if let done = preconditionsDone {
            blockedDays[firstDeadline] = start.days(until: done)
            unblockedOn[firstDeadline] = done
        }
        for block in plan.blocks {
            guard let until = block.until,
                  let at = plan.records.first(where: { $0.completedOn.map { $0 > block.since } ?? true })
            else { continue }
            let name = at.step.deadlineName
            blockedDays[name, default: 0] += block.since.days(until: until)
            unblockedOn[name] = max(unblockedOn[name] ?? until, until)
        }
    }

    /// The earliest the deadline `name` may be: a grace after the last unblocking at its
    /// steps, and for a newcomer's first deadline its days from the opening.
    func deadline(for name: String) -> LocalDate? {
        let afterBlock = unblockedOn[name].map { $0.adding(days: relief.unblockGraceDays) }
        let afterOpening = name == firstDeadline ? openedOn.map { $0.adding(days: relief.newcomerPlanningDays) } : nil
        switch (afterBlock, afterOpening) {
        case let (a?, b?): return max(a, b)
        case let (a, b): return a ?? b
        }
    }

    /// The note of the deadline `name`, whose deadline before this relief is `due`; nil
    /// when there is nothing to say.
    func note(for name: String, due: LocalDate) -> DeadlineNote? {
        let days = blockedDays[name] ?? 0
        let opened = name == firstDeadline ? openedOn : nil
        guard days > 0 || unblockedOn[name] != nil || opened != nil else { return nil }
        return DeadlineNote(published: due, blockedDays: days, unblockedOn: unblockedOn[name], openedOn: opened)
    }
}
