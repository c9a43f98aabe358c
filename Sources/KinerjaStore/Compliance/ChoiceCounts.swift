import KinerjaCore

/// What a cycle's plans chose and how they were rated, counted by the database: for each
/// role, step and choice, how many plans recorded each value at the completed step.
public struct ChoiceCounts: Sendable, Hashable {
    public struct Tally: Sendable, Hashable {
        public var role: Role
        public var step: Step
        public var choice: Choice
        /// The catalog id, the school's NPSN, or the rating.
        public var id: String
        /// The aspect of a Refleksi rating.
        public var aspect: RefleksiAspect?
        public var plans: Int

        public init(role: Role, step: Step, choice: Choice, id: String, aspect: RefleksiAspect? = nil, plans: Int) {
            self.role = role
            self.step = step
            self.choice = choice
            self.id = id
            self.aspect = aspect
            self.plans = plans
        }
    }

    /// In the workflow's order of roles, steps and choices; most chosen first within each.
    public var tallies: [Tally]
    /// Plans with advice (`PlanFacts.advised`).
    public var advised: Int

    public init(tallies: [Tally], advised: Int) {
        self.tallies = tallies
        self.advised = advised
    }
}
