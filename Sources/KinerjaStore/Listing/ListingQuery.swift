import KinerjaCore

/// Which positions to list, with their plan in `cycle`; nil fields do not filter. The plan
/// filters keep only positions whose plan matches, each through an index of the plan's
/// derived columns (see `PlanFacts`).
public struct ListingQuery: Sendable, Hashable {
    public var cycle: CycleID
    public var role: Role?
    /// The school a principal heads.
    public var npsn: NPSN?
    /// Leave out positions (and persons) a later roster no longer lists.
    public var activeOnly: Bool
    public var personID: PersonID?
    /// Supervisors whose sekolah binaan include this school.
    public var sekolahBinaan: NPSN?
    /// Plans at this step (complete plans have none).
    public var currentStep: Step?
    /// Plans overdue on this day (`PlanFacts.isOverdue(on:)`).
    public var overdueOn: LocalDate?
    /// Plans blocked now, or not blocked.
    public var blocked: Bool?

    public init(
        cycle: CycleID, role: Role? = nil, npsn: NPSN? = nil, activeOnly: Bool = true, personID: PersonID? = nil,
        sekolahBinaan: NPSN? = nil, currentStep: Step? = nil, overdueOn: LocalDate? = nil, blocked: Bool? = nil
    ) {
        self.cycle = cycle
        self.role = role
        self.npsn = npsn
        self.activeOnly = activeOnly
        self.personID = personID
        self.sekolahBinaan = sekolahBinaan
        self.currentStep = currentStep
        self.overdueOn = overdueOn
        self.blocked = blocked
    }

    /// Whether only positions with a matching plan are listed.
    public var filtersPlans: Bool { currentStep != nil || overdueOn != nil || blocked != nil }
}
