/// The recommended deadlines of a plan's steps, derived from the cycle start and the
/// year's rules: only the planning month is published, every later deadline follows from
/// the one before, so a late step moves the projected deadlines after it.
public enum Timeline {
    /// The deadline of every step of `plan`, in workflow order.
    /// Loops over many plans of one cycle use a ``TimelineSchedule`` instead.
    public static func entries(of plan: Plan, rules: YearRules) -> [TimelineEntry] {
        TimelineSchedule(cycle: plan.id.cycle, rules: rules, roles: [plan.role]).entries(of: plan)
    }

    /// The deadline of one named deadline (`perencanaan`, a step id) for a role in a cycle,
    /// as the cycle's published timeline shows it before anyone has acted.
    public static func projected(cycle: CycleID, role: Role, rules: YearRules) -> [TimelineEntry] {
        entries(of: Plan(id: PlanID(cycle: cycle, position: PositionKey(
            personID: PersonID(trusted: "-"), role: role, npsn: NPSN(trusted: "00000000")))), rules: rules)
    }
}
