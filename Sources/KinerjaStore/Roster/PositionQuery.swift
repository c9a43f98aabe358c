import KinerjaCore

/// Which positions to list; nil fields do not filter.
public struct PositionQuery: Sendable, Hashable {
    public var role: Role?
    /// The school a principal heads.
    public var npsn: NPSN?
    /// Leave out positions a later roster no longer lists.
    public var activeOnly: Bool
    public var personID: PersonID?
    /// Supervisors (or anyone) whose sekolah binaan include this school.
    public var sekolahBinaan: NPSN?
    /// Only positions that have a plan this query finds (its `limit` is ignored): a listing
    /// of overdue or blocked plans reads just their positions, not the whole roster.
    public var havingPlan: PlanQuery?

    public init(
        role: Role? = nil, npsn: NPSN? = nil, activeOnly: Bool = true, personID: PersonID? = nil,
        sekolahBinaan: NPSN? = nil, havingPlan: PlanQuery? = nil
    ) {
        self.role = role
        self.npsn = npsn
        self.activeOnly = activeOnly
        self.personID = personID
        self.sekolahBinaan = sekolahBinaan
        self.havingPlan = havingPlan
    }
}
