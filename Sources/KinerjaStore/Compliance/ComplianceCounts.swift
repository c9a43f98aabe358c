import KinerjaCore

/// How a cycle's plans meet their deadlines on a day, counted by the store: per step of
/// each role's workflow, and per role and per school.
public struct ComplianceCounts: Sendable, Hashable {
    /// One step of one role's workflow.
    public struct StepCounts: Sendable, Hashable {
        public var role: Role
        public var step: Step
        /// Completed (the plan is past it).
        public var done = 0
        /// Completed by the step's deadline, and after it.
        public var onTime = 0
        public var late = 0
        /// Plans at this step: neither blocked nor overdue, blocked, overdue.
        public var pending = 0
        public var blocked = 0
        public var overdue = 0
        /// Plans the closed cycle left at this step ("tidak selesai").
        public var unfinished = 0

        public init(role: Role, step: Step) {
            self.role = role
            self.step = step
        }
    }

    /// The plans of a role, or of a school (principals' plans).
    public struct GroupCounts: Sendable, Hashable {
        public var plans = 0
        public var complete = 0
        public var overdue = 0
        public var blocked = 0
        /// Past the planning deadline without a first submission (`PlanFacts.isUnsubmitted`).
        public var notSubmitted = 0
        /// Left unfinished by their closed cycle ("tidak selesai").
        public var unfinished = 0

        public init() {}
    }

    /// The plans of one school.
    public struct SchoolCounts: Sendable, Hashable {
        public var npsn: String
        /// The school's name as the roster gives it.
        public var name: String?
        public var counts: GroupCounts

        public init(npsn: String, name: String?, counts: GroupCounts) {
            self.npsn = npsn
            self.name = name
            self.counts = counts
        }
    }

    /// Every step of both workflows, in workflow order, principals first.
    public var steps: [StepCounts]
    public var roles: [Role: GroupCounts]
    /// By NPSN.
    public var schools: [SchoolCounts]

    public init(steps: [StepCounts], roles: [Role: GroupCounts], schools: [SchoolCounts]) {
        self.steps = steps
        self.roles = roles
        self.schools = schools
    }
}

/// How many plans of a role completed one step of its workflow on one day (`completedOn`
/// nil: passed without a completion date, as a migrated plan may have).
public struct StepCompletions: Sendable, Hashable {
    public var role: Role
    public var step: Step
    public var completedOn: LocalDate?
    public var plans: Int

    public init(role: Role, step: Step, completedOn: LocalDate?, plans: Int) {
        self.role = role
        self.step = step
        self.completedOn = completedOn
        self.plans = plans
    }
}
