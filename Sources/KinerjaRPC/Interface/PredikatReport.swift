/// How many plans of a school, role or supervisor got each predikat (IDL type `PredikatGroup`).
public struct PredikatGroup: Codable, Sendable, Hashable {
    public var key: String
    public var name: String?
    public var plans: Int
    /// Plans by predikat id (sangat-baik … sangat-kurang); a predikat no plan got is absent.
    public var predikat: [String: Int]
    public var unassessed: Int

    public init(key: String, name: String?, plans: Int, predikat: [String: Int], unassessed: Int) {
        self.key = key
        self.name = name
        self.plans = plans
        self.predikat = predikat
        self.unassessed = unassessed
    }
}

/// A plan without a predikat yet (IDL type `UnassessedPlan`).
public struct UnassessedPlan: Codable, Sendable, Hashable {
    public var plan, person, nama, role: String
    public var npsn: String?
    public var step: String?
    public var pelaksanaanIncomplete: Bool
    public var closedOn: String?

    public init(plan: String, person: String, nama: String, role: String, npsn: String?, step: String?, pelaksanaanIncomplete: Bool, closedOn: String?) {
        self.plan = plan
        self.person = person
        self.nama = nama
        self.role = role
        self.npsn = npsn
        self.step = step
        self.pelaksanaanIncomplete = pelaksanaanIncomplete
        self.closedOn = closedOn
    }
}

/// The predikat of a cycle (IDL type `PredikatDistribution`).
public struct PredikatReport: Codable, Sendable, Hashable {
    public var cycle, asOf: String
    public var closed: Bool
    public var plans, assessed, againstMatrix, sinkron: Int
    public var predikat: [String: Int]
    public var schools, roles, supervisors: [PredikatGroup]
    public var unassessed: [UnassessedPlan]

    public init(
        cycle: String, asOf: String, closed: Bool, plans: Int, assessed: Int, againstMatrix: Int, sinkron: Int, predikat: [String: Int],
        schools: [PredikatGroup], roles: [PredikatGroup], supervisors: [PredikatGroup], unassessed: [UnassessedPlan]
    ) {
        self.cycle = cycle
        self.asOf = asOf
        self.closed = closed
        self.plans = plans
        self.assessed = assessed
        self.againstMatrix = againstMatrix
        self.sinkron = sinkron
        self.predikat = predikat
        self.schools = schools
        self.roles = roles
        self.supervisors = supervisors
        self.unassessed = unassessed
    }
}
