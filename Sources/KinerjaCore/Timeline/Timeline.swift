/// The recommended deadlines of a plan's steps, derived from the cycle start and the
/// year's rules: only the planning month is published, every later deadline follows from
/// the one before, so a late step moves the projected deadlines after it.
public enum Timeline {
    /// The deadline of every step of `plan`, in workflow order.
    public static func entries(of plan: Plan, rules: YearRules) -> [TimelineEntry] {
        let cycle = plan.id.cycle
        let role = plan.role
        let deadlines = rules.deadlines(for: role)
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(plan.records.count)
        var previousEnd = cycle.start
        // An official extension moves the month-based deadlines after it by as much, so a
        // plan submitted within the extension is not overdue at its next step the same day.
        var extensionShift = 0
        for record in plan.records {
            let step = record.step
            var due: LocalDate
            if step.hasDuration {
                let months = step == .pendampingan ? rules.durations.pendampinganMaxMonths : rules.durations.upayaTindakLanjutMonths
                due = (record.startedOn ?? previousEnd).adding(months: months)
            } else {
                switch deadlines[step.deadlineName] ?? .endOfMonth(6) {
                case .endOfMonth(let n): due = cycle.endOfMonth(n).adding(days: extensionShift)
                case .afterPreviousDays(let n): due = previousEnd.adding(days: n)
                }
            }
            // Everything of a cycle is due within it: a late chain of projections stops at its end.
            due = min(due, cycle.end)
            if let extended = extensionDate(rules: rules, cycle: cycle, role: role, name: step.deadlineName), extended > due {
                extensionShift = max(extensionShift, due.days(until: extended))
                due = extended
            }
            entries.append(TimelineEntry(step: step, due: due, startedOn: record.startedOn, completedOn: record.completedOn))
            previousEnd = record.completedOn ?? due
        }
        return entries
    }

    /// The deadline of one named deadline (`perencanaan`, a step id) for a role in a cycle,
    /// as the cycle's published timeline shows it before anyone has acted.
    public static func projected(cycle: CycleID, role: Role, rules: YearRules) -> [TimelineEntry] {
        entries(of: Plan(id: PlanID(cycle: cycle, position: PositionKey(
            personID: PersonID(trusted: "-"), role: role, npsn: NPSN(trusted: "00000000")))), rules: rules)
    }

    static func extensionDate(rules: YearRules, cycle: CycleID, role: Role, name: String) -> LocalDate? {
        rules.extensions.last { $0.cycle == cycle && ($0.role == nil || $0.role == role) && $0.deadline == name }?.until
    }
}
