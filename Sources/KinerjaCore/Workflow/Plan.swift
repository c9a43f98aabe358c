/// One position's Pengelolaan Kinerja in one cycle, as a state machine over the role's
/// workflow. Values only: applying an action returns a new plan or a `TransitionError`,
/// so the store can write the change and its audit row together, or nothing.
public struct Plan: Hashable, Sendable, Codable {
    public let id: PlanID
    /// One record per workflow step, in order.
    public private(set) var records: [StepRecord]
    /// Index of the current step in `records`; `records.count` once every step is done.
    public private(set) var currentIndex: Int
    public private(set) var blocks: [BlockPeriod]
    public private(set) var revisions: [Revision]
    /// The first time the plan was submitted (Rangkuman, or the supervisor's first
    /// Penyusunan): a plan returned for revision later was still submitted on time.
    public private(set) var firstSubmittedOn: LocalDate?
    /// The day the plan was opened when its position appeared after the cycle had started
    /// (a newcomer: `DeadlineRelief.newcomerPlanningDays` counts from it); nil for a plan
    /// that existed from the cycle's start.
    public private(set) var openedOn: LocalDate?

    /// A fresh plan; `openedOn` as above (a day at or before the cycle's start is nil).
    public init(id: PlanID, openedOn: LocalDate? = nil) {
        self.id = id
        records = Workflow.steps(for: id.position.role).map { StepRecord(step: $0) }
        currentIndex = 0
        blocks = []
        revisions = []
        self.openedOn = openedOn.flatMap { $0 > id.cycle.start ? $0 : nil }
    }

    /// A plan as a store read it back: its records (one per workflow step, in order), the
    /// index of the current step, its blocks and revisions. A store keeps what `applying`
    /// produced, so no rule is checked here.
    public init(
        restoring id: PlanID, records: [StepRecord], currentIndex: Int, blocks: [BlockPeriod], revisions: [Revision],
        firstSubmittedOn: LocalDate?, openedOn: LocalDate? = nil
    ) {
        self.openedOn = openedOn
        self.id = id
        self.records = records
        self.currentIndex = currentIndex
        self.blocks = blocks
        self.revisions = revisions
        self.firstSubmittedOn = firstSubmittedOn
    }

    public var role: Role { id.position.role }

    /// The step the plan is at, or nil when every step is done.
    public var currentStep: Step? { currentIndex < records.count ? records[currentIndex].step : nil }

    public var isComplete: Bool { currentIndex >= records.count }

    /// The open block, if the plan is blocked now.
    public var openBlock: BlockPeriod? { blocks.last.flatMap { $0.until == nil ? $0 : nil } }

    public func record(_ step: Step) -> StepRecord? { records.first { $0.step == step } }

    /// Where `step`'s record is, to read one of its dates without copying the whole record.
    public func recordIndex(_ step: Step) -> Int? { records.firstIndex { $0.step == step } }

    /// The date the plan was submitted: the principal's Rangkuman, or the supervisor's
    /// last submission to the Tim Kinerja once it was approved.
    public var submittedOn: LocalDate? {
        role == .kepalaSekolah ? record(.rangkuman)?.completedOn : record(.penyusunan)?.completedOn
    }

    /// The date the planning stage ended (submitted, or approved for a supervisor).
    public var planningDoneOn: LocalDate? {
        role == .kepalaSekolah ? submittedOn : record(.persetujuan)?.completedOn
    }

    /// Where the plan stands, named in refusals.
    public var standing: PlanStanding {
        if let block = openBlock { return .blocked(block.cause, since: block.since) }
        guard let step = currentStep else { return .complete }
        return .at(step, startedOn: records[currentIndex].startedOn)
    }

    /// What an administrator could record now, as `verb step` phrases.
    public var allowedActions: [String] {
        if openBlock != nil { return ["dibuka"] }
        guard let step = currentStep else { return [] }
        var allowed: [String] = []
        if step.hasDuration && records[currentIndex].startedOn == nil { allowed.append("mulai \(step.rawValue)") }
        allowed.append("\(step.isReview ? "disetujui" : "selesai") \(step.rawValue)")
        if step.isReview { allowed.append("dikembalikan \(step.rawValue)") }
        allowed.append("terblokir")
        return allowed
    }

    /// Applies `action` dated `date` (the day it happened), judged by `rules`, refusing a
    /// date after `today`. `sekolahBinaan` are the schools the roster gives the plan's
    /// supervisor (a supervisor's three planned schools are chosen among them); empty when
    /// the roster names none, or for a principal.
    public func applying(
        _ action: PlanAction, on date: LocalDate, today: LocalDate, rules: YearRules, sekolahBinaan: [NPSN] = []
    ) throws(TransitionError) -> Plan {
        var next = self
        try next.apply(action, on: date, today: today, rules: rules, sekolahBinaan: sekolahBinaan)
        return next
    }

    private mutating func apply(
        _ action: PlanAction, on date: LocalDate, today: LocalDate, rules: YearRules, sekolahBinaan: [NPSN]
    ) throws(TransitionError) {
        if date > today { throw refusal(action.step, .badDate(.afterToday(date, today: today))) }
        if date < id.cycle.start {
            throw refusal(action.step, .badDate(.beforeCycleStart(date, cycle: id.cycle)))
        }
        if case .unblock = action {
            guard var block = openBlock else { throw refusal(nil, .notBlocked) }
            guard date >= block.since else { throw refusal(nil, .badDate(.beforeBlock(date, blockedOn: block.since))) }
            block.until = date
            blocks[blocks.count - 1] = block
            return
        }
        if let block = openBlock { throw refusal(action.step, .blocked(block.cause)) }
        if case .block(let cause, let note) = action {
            guard !isComplete else { throw refusal(nil, .planComplete) }
            guard date >= lastEventDate else { throw refusal(nil, .badDate(.beforeLastEvent(date, lastEvent: lastEventDate))) }
            blocks.append(BlockPeriod(cause: cause, note: note, since: date, until: nil))
            return
        }
        guard let step = action.step else { return }
        guard let index = records.firstIndex(where: { $0.step == step }) else { throw refusal(step, .stepNotInWorkflow) }
        if index < currentIndex, step.isPlanning, role == .kepalaSekolah, let submitted = submittedOn {
            throw refusal(step, .frozen(submittedOn: submitted))
        }
        guard !isComplete else { throw refusal(step, .planComplete) }
        guard index == currentIndex else { throw refusal(step, .notCurrentStep) }
        guard date >= lastEventDate else {
            throw refusal(step, .badDate(.beforeLastEvent(date, lastEvent: lastEventDate)))
        }
        switch action {
        case .start:
            guard step.hasDuration else { throw refusal(step, .cannotStart) }
            if let started = records[index].startedOn { throw refusal(step, .alreadyStarted(on: started)) }
            records[index].startedOn = date
        case .complete(_, let details):
            if let problem = Plan.problem(with: details, at: step, of: self, rules: rules, sekolahBinaan: sekolahBinaan) {
                throw refusal(step, .invalidDetails(problem))
            }
            if records[index].startedOn == nil { records[index].startedOn = previousCompletion(before: index) ?? date }
            records[index].completedOn = date
            records[index].details = details == .none ? nil : details
            if (step == .rangkuman || step == .penyusunan) && firstSubmittedOn == nil { firstSubmittedOn = date }
            currentIndex += 1
        case .returnForRevision(_, let reason):
            guard step.isReview else { throw refusal(step, .notReviewStep) }
            revisions.append(Revision(by: step, on: date, reason: reason))
            // Back to composing: the reviews start again from the next submission.
            let compose = records.firstIndex { $0.step == .penyusunan } ?? 0
            for i in compose...index {
                records[i].completedOn = nil
                records[i].startedOn = i == compose ? date : nil
            }
            currentIndex = compose
        case .block, .unblock:
            break
        }
    }

    /// The date of the latest event recorded on the plan: nothing may be dated before it.
    public var lastEventDate: LocalDate {
        var latest = id.cycle.start
        for i in records.indices {
            if let d = records[i].startedOn, d > latest { latest = d }
            if let d = records[i].completedOn, d > latest { latest = d }
        }
        for b in blocks {
            if b.since > latest { latest = b.since }
            if let u = b.until, u > latest { latest = u }
        }
        for r in revisions where r.on > latest { latest = r.on }
        return latest
    }

    private func previousCompletion(before index: Int) -> LocalDate? {
        index > 0 ? records[index - 1].completedOn : nil
    }

    private func refusal(_ step: Step?, _ reason: TransitionError.Reason) -> TransitionError {
        TransitionError(plan: id.description, step: step, standing: standing, allowed: allowedActions, reason: reason)
    }
}
