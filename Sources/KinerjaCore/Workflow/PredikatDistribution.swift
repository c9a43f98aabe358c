/// How a cycle's predikat are distributed, and who is still unassessed: per school (a
/// principal's), per role and per supervisor. An office checks the distribution the
/// organisation's predikat allows (DOMAIN-NOTES §10.2) and chases the plans left without
/// one. "Per supervisor" is per member of the plan's Tim Kinerja, who rates it (for a
/// principal, their Pengawas Sekolah): a plan with two members counts under each.
public struct PredikatDistribution: Sendable, Hashable {
    /// One plan of the cycle, as the report needs it.
    public struct Entry: Sendable, Hashable {
        public var plan: Plan
        public var position: Position
        public var personName: String
        /// The final standing its cycle's closing gave it (nil while open, or when complete).
        public var closure: PlanClosure?

        public init(plan: Plan, position: Position, personName: String, closure: PlanClosure?) {
            self.plan = plan
            self.position = position
            self.personName = personName
            self.closure = closure
        }
    }

    /// The plans of one school, role or supervisor, by predikat.
    public struct Group: Sendable, Hashable {
        public var key: String
        public var plans = 0
        public var counts: [Predikat: Int] = [:]
        /// Plans without a predikat yet.
        public var unassessed = 0

        public init(key: String) { self.key = key }

        mutating func add(_ predikat: Predikat?) {
            plans += 1
            if let predikat { counts[predikat, default: 0] += 1 } else { unassessed += 1 }
        }
    }

    /// A plan without a predikat: where it stands, and who must act.
    public struct Unassessed: Sendable, Hashable {
        public var plan: PlanID
        public var personName: String
        /// The step it is at, or the one it stopped at when the cycle closed.
        public var step: Step?
        /// True when its Pelaksanaan is not done: Penilaian cannot start yet.
        public var pelaksanaanIncomplete: Bool
        /// The cycle closed with the plan here ("tidak selesai").
        public var closedOn: LocalDate?
    }

    public var plans = 0
    /// Plans with a predikat set.
    public var assessed = 0
    /// Plans whose predikat was set against the matrix, with a reason.
    public var againstMatrix = 0
    /// Plans handed over to e-Kinerja (Sinkron recorded).
    public var sinkron = 0
    public var counts: [Predikat: Int] = [:]
    public var bySchool: [Group] = []
    public var byRole: [Group] = []
    public var bySupervisor: [Group] = []
    public var unassessed: [Unassessed] = []

    /// The distribution of `entries` under `rules` (the cycle's year's, whose matrix tells a
    /// predikat set against it).
    public init(_ entries: [Entry], rules: YearRules) {
        var schools: [String: Group] = [:], roles: [String: Group] = [:], supervisors: [String: Group] = [:]
        for e in entries.sorted(by: { $0.plan.id.description < $1.plan.id.description }) {
            let plan = e.plan
            let predikat = plan.predikat
            plans += 1
            if let predikat {
                assessed += 1
                counts[predikat, default: 0] += 1
                if let rekomendasi = plan.rekomendasi(rules: rules), rekomendasi != predikat { againstMatrix += 1 }
            } else {
                let step = e.closure?.step ?? plan.currentStep
                unassessed.append(Unassessed(
                    plan: plan.id, personName: e.personName, step: step,
                    pelaksanaanIncomplete: step.map { !$0.isPenilaian } ?? false, closedOn: e.closure?.closedOn))
            }
            if plan.record(.sinkron)?.completedOn != nil { sinkron += 1 }
            if let npsn = plan.id.position.npsn { schools[npsn.rawValue, default: Group(key: npsn.rawValue)].add(predikat) }
            roles[plan.role.rawValue, default: Group(key: plan.role.rawValue)].add(predikat)
            for member in Set(e.position.timKinerja) {
                supervisors[member.rawValue, default: Group(key: member.rawValue)].add(predikat)
            }
        }
        bySchool = schools.values.sorted { $0.key < $1.key }
        byRole = Role.allCases.compactMap { roles[$0.rawValue] }
        bySupervisor = supervisors.values.sorted { $0.key < $1.key }
    }
}
