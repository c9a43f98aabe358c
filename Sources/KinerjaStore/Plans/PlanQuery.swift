import KinerjaCore

/// Which plans of a cycle to list; nil fields do not filter. Every filter the daemon asks
/// daily is served by an index of the `plan` table (see `SchemaV2`).
public struct PlanQuery: Sendable, Hashable {
    public var cycle: CycleID
    public var role: Role?
    /// The school of a principal's plan.
    public var npsn: NPSN?
    public var personID: PersonID?
    /// Plans at this step (complete plans have none).
    public var currentStep: Step?
    /// Plans whose current deadline is before this date (a deadline is the end of its
    /// day), neither complete nor blocked.
    public var overdueOn: LocalDate?
    public var blocked: Bool?
    public var limit: Int?

    public init(
        cycle: CycleID, role: Role? = nil, npsn: NPSN? = nil, personID: PersonID? = nil, currentStep: Step? = nil,
        overdueOn: LocalDate? = nil, blocked: Bool? = nil, limit: Int? = nil
    ) {
        self.cycle = cycle
        self.role = role
        self.npsn = npsn
        self.personID = personID
        self.currentStep = currentStep
        self.overdueOn = overdueOn
        self.blocked = blocked
        self.limit = limit
    }
}
