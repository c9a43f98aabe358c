import Foundation

/// Plans the reminders of one plan from its state, the year's rules and the policy:
/// planning, not polling (DESIGN.md, Reminders). Pure: instants are passed in.
///
/// What is planned, for a plan that is not complete:
/// - Not blocked: the current step's deadline (`PlanFacts.currentDue`)
///   gets one `lead` reminder per lead day, one `due` on the day, `overdue` repeats every
///   `overdueRepeatDays` after it (for ever, generated lazily), all to the step's actor, and
///   one `escalation` to the atasan `escalateAfterDays` after it.
/// - Blocked: only `blocked` reminders to the atasan, every `overdueRepeatDays` (7 when 0)
///   after the block started; `due` is the block's start.
/// - Blocked by a missing stage 1–2 precondition (`PlanFacts.preconditionDue`): the
///   precondition's deadline as if it were a step's (lead, due, overdue; no escalation), to
///   its owner: the office's operator (Pemutakhiran Data) or the Pejabat Penilai (Plotting
///   Tim Kinerja). Such an occurrence has no step; its `blockCause` names the precondition.
///
/// Rules, in this order:
/// 1. Nothing is planned for a nominal date before the day the step became current (the
///    plan's last event: the previous step's completion, a revision, a start, an unblock; at
///    least the cycle start, or a newcomer's opening). No "14 days before" reminder for a
///    deadline that appeared 3 days ago, no overdue repeat or escalation for the days a
///    block explained.
/// 2. A nominal date that is not a working day moves within a window: lead and due
///    reminders stay within [became current, deadline] (never after the deadline they
///    announce) and follow `nonWorkingDay` (by default the working day before); overdue,
///    escalation and blocked stay after the deadline (or block start) and not before the
///    step became current, and follow `afterDeadlineNonWorkingDay`, which is never
///    "before": they move to the next working day, so none fires before its threshold
///    (DESIGN.md, Reminders). `.before` takes the last working day at or before the nominal
///    date in the window, else the first after it in the window; `.after` the reverse; with
///    neither, or under `.skip`, the occurrence is dropped.
/// 3. Occurrences of the same series (lead, due and overdue to the actor; blocked to the
///    atasan) that land on the same fire date are one: the one with the largest offset
///    (the most urgent) is kept, so a due date on a Sunday does not send "1 day left" and
///    "due today" on the same Friday. The escalation is never merged.
///
/// `next(after:)` is O(lead days + 1) per plan: the first overdue repeat to look at is
/// computed arithmetically.
public enum ReminderPlanner {
    /// Every occurrence of one plan with `fireAt` in (`from`, `through`], sorted by `fireAt`
    /// then `id`.
    public static func occurrences(
        of plan: Plan, position: Position, rules: YearRules, policy: ReminderPolicy,
        calendar: OfficeCalendar, from: Date, through: Date
    ) -> [ReminderOccurrence] {
        occurrences(
            of: plan, position: position, schedule: TimelineSchedule(cycle: plan.id.cycle, rules: rules), policy: policy,
            calendar: calendar, from: from, through: through)
    }

    /// The same with the cycle's rules looked up once for many plans.
    public static func occurrences(
        of plan: Plan, position: Position, schedule: TimelineSchedule, policy: ReminderPolicy,
        calendar: OfficeCalendar, from: Date, through: Date
    ) -> [ReminderOccurrence] {
        occurrences(of: schedule.facts(of: plan), position: position, policy: policy, calendar: calendar, from: from, through: through)
    }

    /// The same from the plan's facts (what the store keeps beside each plan).
    public static func occurrences(
        of facts: PlanFacts, position: Position, policy: ReminderPolicy,
        calendar: OfficeCalendar, from: Date, through: Date
    ) -> [ReminderOccurrence] {
        guard from < through, let setup = Setup(facts: facts, policy: policy) else { return [] }
        let fromDay = calendar.date(of: from).dayNumber
        let throughDay = calendar.date(of: through).dayNumber
        var clock = FireClock(calendar: calendar, policy: policy)
        var result: [ReminderOccurrence] = []
        let series = setup.series
        // Any occurrence firing in the window has its fire day in [fromDay - 2, throughDay + 2]
        // and its nominal day no further than `longestBreak` days from its fire day.
        var i = series.firstIndex(offsetAtLeast: fromDay - 2 - policy.longestBreak - series.due, policy)
        while let offset = series.offset(i, policy), series.due + offset <= throughDay + 2 + policy.longestBreak {
            defer { i += 1 }
            guard let day = series.fire(i, policy), day >= fromDay - 2, day <= throughDay + 2,
                  series.kept(i, fire: day, policy)
            else { continue }
            let at = clock.instant(day)
            guard at > from, at <= through else { continue }
            setup.recipients.forEach(position: position, plan: facts.plan) { role, id in
                result.append(setup.occurrence(kind: series.kind(i), offset: offset, fireDay: day, at: at, role: role, id: id))
            }
        }
        if let escalation = setup.escalation(policy), let day = escalation.fire {
            let at = clock.instant(day)
            if at > from, at <= through {
                result.append(setup.occurrence(
                    kind: .escalation, offset: escalation.offset, fireDay: day, at: at, role: .atasan, id: position.atasanID))
            }
        }
        result.sort { $0.fireAt != $1.fireAt ? $0.fireAt < $1.fireAt : $0.id < $1.id }
        return result
    }

    /// The first occurrence of the plan with `fireAt` after `instant` (nil if none ever),
    /// without generating a window: equal to the first element of `occurrences(from:
    /// instant, through:)` for any late enough `through`.
    public static func next(
        of plan: Plan, position: Position, rules: YearRules, policy: ReminderPolicy,
        calendar: OfficeCalendar, after instant: Date
    ) -> ReminderOccurrence? {
        next(
            of: plan, position: position, schedule: TimelineSchedule(cycle: plan.id.cycle, rules: rules), policy: policy,
            calendar: calendar, after: instant)
    }

    /// The same with the cycle's rules looked up once for many plans.
    public static func next(
        of plan: Plan, position: Position, schedule: TimelineSchedule, policy: ReminderPolicy,
        calendar: OfficeCalendar, after instant: Date
    ) -> ReminderOccurrence? {
        next(of: schedule.facts(of: plan), position: position, policy: policy, calendar: calendar, after: instant)
    }

    /// The same from the plan's facts (what the store keeps beside each plan).
    public static func next(
        of facts: PlanFacts, position: Position, policy: ReminderPolicy, calendar: OfficeCalendar, after instant: Date
    ) -> ReminderOccurrence? {
        guard let setup = Setup(facts: facts, policy: policy) else { return nil }
        let afterDay = calendar.date(of: instant).dayNumber
        var clock = FireClock(calendar: calendar, policy: policy)
        let series = setup.series

        var found: (index: Int, offset: Int, day: Int, at: Date)?
        var i = series.firstIndex(offsetAtLeast: afterDay - 2 - policy.longestBreak - series.due, policy)
        while let offset = series.offset(i, policy) {
            if let day = series.fire(i, policy), day >= afterDay - 2 {
                let at = clock.instant(day)
                if at > instant, series.kept(i, fire: day, policy) {
                    found = (i, offset, day, at)
                    break
                }
            }
            i += 1
        }
        var best: ReminderOccurrence?
        func consider(_ o: ReminderOccurrence) {
            if let b = best, b.fireAt < o.fireAt || (b.fireAt == o.fireAt && b.id <= o.id) { return }
            best = o
        }
        if let f = found {
            setup.recipients.forEach(position: position, plan: facts.plan) { role, id in
                consider(setup.occurrence(kind: series.kind(f.index), offset: f.offset, fireDay: f.day, at: f.at, role: role, id: id))
            }
        }
        if let escalation = setup.escalation(policy), let day = escalation.fire {
            let at = clock.instant(day)
            if at > instant, best.map({ at <= $0.fireAt }) ?? true {
                consider(setup.occurrence(
                    kind: .escalation, offset: escalation.offset, fireDay: day, at: at, role: .atasan, id: position.atasanID))
            }
        }
        return best
    }
}

// MARK: - Internals

/// Everything about one plan the planner needs, computed once per call.
private struct Setup {
    let plan: PlanID
    let step: Step
    let series: Series
    let recipients: Recipients
    /// The deadline, when not blocked (escalation).
    let deadline: Int?
    let blockCause: BlockCause?
    let blockNote: String?
    /// The missing precondition reminded about, instead of the step.
    let precondition: Precondition?

    init?(facts: PlanFacts, policy: ReminderPolicy) {
        guard let step = facts.currentStep else { return nil }
        self.plan = facts.plan
        self.step = step
        // A newcomer's plan became current the day it was opened, whatever is dated earlier.
        let since = max(facts.lastEventOn, facts.openedOn ?? facts.lastEventOn).dayNumber
        precondition = facts.preconditionDue == nil ? nil : facts.block.flatMap { Precondition($0.cause) }
        if let precondition, let due = facts.preconditionDue?.dayNumber {
            series = Series(
                due: due, since: since, leadCount: policy.leadOffsets.count, hasDue: policy.onDueDay,
                repeatEvery: max(0, policy.overdueRepeatDays), repeatKind: .overdue, policy: policy)
            recipients = precondition.owner == .officeOperator ? .officeOperator : .pejabatPenilai
            deadline = nil
            blockCause = precondition.blockCause
            blockNote = nil
        } else if let block = facts.block {
            let every = policy.overdueRepeatDays > 0 ? policy.overdueRepeatDays : 7
            series = Series(
                due: block.since.dayNumber, since: since, leadCount: 0, hasDue: false, repeatEvery: every,
                repeatKind: .blocked, policy: policy)
            recipients = .atasan
            deadline = nil
            blockCause = block.cause
            blockNote = block.note
        } else {
            guard let due = facts.currentDue?.dayNumber else { return nil }
            series = Series(
                due: due, since: since, leadCount: policy.leadOffsets.count, hasDue: policy.onDueDay,
                repeatEvery: max(0, policy.overdueRepeatDays), repeatKind: .overdue, policy: policy)
            switch step.actor {
            case .pegawai: recipients = .pegawai
            case .timKinerja: recipients = .timKinerja
            case .pejabatPenilai: recipients = .pejabatPenilai
            }
            deadline = due
            blockCause = nil
            blockNote = nil
        }
    }

    /// The escalation's offset and fire day (nil fire when dropped), if there is one.
    func escalation(_ policy: ReminderPolicy) -> (offset: Int, fire: Int?)? {
        guard let due = deadline, policy.escalateAfterDays > 0 else { return nil }
        let offset = policy.escalateAfterDays
        return (offset, policy.place(due + offset, lo: max(series.since, due + 1), hi: .max, rule: policy.afterDeadlineNonWorkingDay))
    }

    func occurrence(kind: ReminderKind, offset: Int, fireDay: Int, at: Date, role: RecipientRole, id: PersonID?) -> ReminderOccurrence {
        ReminderOccurrence(
            plan: plan, step: precondition == nil ? step : nil, due: LocalDate(dayNumber: series.due), kind: kind, offsetDays: offset,
            fireDate: LocalDate(dayNumber: fireDay), fireAt: at, recipientRole: role, recipientID: id,
            blockCause: kind == .blocked || precondition != nil ? blockCause : nil, blockNote: kind == .blocked ? blockNote : nil)
    }
}

/// Who gets the occurrences of the series.
private enum Recipients {
    case pegawai, timKinerja, pejabatPenilai, atasan, officeOperator

    /// Calls `body` once per recipient: each Tim Kinerja member once, or the role with no
    /// person when the roster names nobody.
    func forEach(position: Position, plan: PlanID, _ body: (RecipientRole, PersonID?) -> Void) {
        switch self {
        case .pegawai: body(.pegawai, plan.position.personID)
        case .pejabatPenilai: body(.pejabatPenilai, position.pejabatPenilaiID)
        case .atasan: body(.atasan, position.atasanID)
        case .officeOperator: body(.officeOperator, nil)
        case .timKinerja:
            let team = position.timKinerja
            if team.isEmpty { body(.timKinerja, nil) }
            for (n, member) in team.enumerated() where !team[..<n].contains(member) { body(.timKinerja, member) }
        }
    }
}

/// One series of reminders on a day line: lead offsets, the day itself, then repeats.
/// Element `i` is a lead for `i < leadCount`, the due reminder next if `hasDue`, then
/// repeat `k = 1, 2, …` at offset `k · repeatEvery`. Fire days are non-decreasing in `i`
/// (the working-day rule is monotone within each window, and the lead/due window ends
/// before the repeats' begins), which makes merging and `next` cheap.
private struct Series {
    /// Day number of the deadline (or of the block's start).
    let due: Int
    /// Day number of the day the step became current.
    let since: Int
    let leadCount: Int
    let hasDue: Bool
    /// 0: no repeats.
    let repeatEvery: Int
    let repeatKind: ReminderKind

    init(due: Int, since: Int, leadCount: Int, hasDue: Bool, repeatEvery: Int, repeatKind: ReminderKind, policy: ReminderPolicy) {
        self.due = due
        self.since = since
        self.leadCount = leadCount
        self.hasDue = hasDue
        // Under `.skip`, repeats a whole number of weeks apart that start on a weekend
        // would never fire: the series is then finite (and `next` must not search for ever).
        var every = repeatEvery
        if every > 0, policy.afterDeadlineNonWorkingDay == .skip, every % 7 == 0, !policy.isWorkingWeekday(due + every) { every = 0 }
        self.repeatEvery = every
        self.repeatKind = repeatKind
    }

    var finiteCount: Int { leadCount + (hasDue ? 1 : 0) }

    @inline(__always)
    func offset(_ i: Int, _ policy: ReminderPolicy) -> Int? {
        if i < leadCount { return policy.leadOffsets[i] }
        if hasDue, i == leadCount { return 0 }
        guard repeatEvery > 0 else { return nil }
        return (i - finiteCount + 1) * repeatEvery
    }

    func kind(_ i: Int) -> ReminderKind {
        if i < leadCount { return .lead }
        if hasDue, i == leadCount { return .due }
        return repeatKind
    }

    /// The first element whose offset is at least `o` (possibly past the end).
    func firstIndex(offsetAtLeast o: Int, _ policy: ReminderPolicy) -> Int {
        var i = 0
        while i < leadCount, policy.leadOffsets[i] < o { i += 1 }
        if i < leadCount { return i }
        if hasDue, o <= 0 { return leadCount }
        guard repeatEvery > 0, o > repeatEvery else { return finiteCount }
        return finiteCount + (o + repeatEvery - 1) / repeatEvery - 1
    }

    /// The fire day of element `i`, or nil when it is not planned (rules 1 and 2).
    @inline(__always)
    func fire(_ i: Int, _ policy: ReminderPolicy) -> Int? {
        guard let o = offset(i, policy) else { return nil }
        return o <= 0
            ? policy.place(due + o, lo: since, hi: due, rule: policy.nonWorkingDay)
            : policy.place(due + o, lo: max(since, due + 1), hi: .max, rule: policy.afterDeadlineNonWorkingDay)
    }

    /// False when a later element of the series fires on the same day (rule 3).
    func kept(_ i: Int, fire day: Int, _ policy: ReminderPolicy) -> Bool {
        // Nothing moves: no two share a day.
        guard policy.nonWorkingDay != .skip || policy.afterDeadlineNonWorkingDay != .skip else { return true }
        var j = i + 1
        while let o = offset(j, policy) {
            // A date moves at most `longestBreak` days: beyond that, later elements fire later.
            if due + o > day + policy.longestBreak { return true }
            if let other = fire(j, policy) { return other != day }
            j += 1
        }
        return true
    }
}

extension ReminderPolicy {
    /// True when the weekday of day number `day` is a working weekday (holidays aside).
    func isWorkingWeekday(_ day: Int) -> Bool {
        let w = (day + 3) % 7
        return weekdayMask & (1 << UInt8(w < 0 ? w + 7 : w)) != 0
    }

    /// Where a reminder nominally on `nominal` fires, within [lo, hi], under `rule` (rule 2).
    @inline(__always)
    func place(_ nominal: Int, lo: Int, hi: Int, rule: NonWorkingDayRule) -> Int? {
        guard nominal >= lo, nominal <= hi else { return nil }
        if isWorking(nominal) { return nominal }
        switch rule {
        case .skip: return nil
        case .before: return lastWorking(before: nominal, lo: lo) ?? firstWorking(after: nominal, hi: hi)
        case .after: return firstWorking(after: nominal, hi: hi) ?? lastWorking(before: nominal, lo: lo)
        }
    }

    private func lastWorking(before day: Int, lo: Int) -> Int? {
        var d = day - 1
        while d >= lo {
            if isWorking(d) { return d }
            d -= 1
        }
        return nil
    }

    private func firstWorking(after day: Int, hi: Int) -> Int? {
        var d = day + 1
        while d <= hi {
            if isWorking(d) { return d }
            d += 1
        }
        return nil
    }
}

/// Converts fire days to instants, remembering the last one (a plan's candidates share days).
private struct FireClock {
    let calendar: OfficeCalendar
    let hour: Int
    let minute: Int
    var lastDay = Int.min
    var lastInstant = Date.distantPast

    init(calendar: OfficeCalendar, policy: ReminderPolicy) {
        self.calendar = calendar
        hour = policy.fireHour
        minute = policy.fireMinute
    }

    mutating func instant(_ day: Int) -> Date {
        if day != lastDay {
            lastDay = day
            lastInstant = calendar.instant(LocalDate(dayNumber: day), hour: hour, minute: minute)
        }
        return lastInstant
    }
}
