import KinerjaCore

/// One plan to write: its new state, what the year's rules derive from it, and the state it
/// was derived from, as read.
public struct PlanSave: Sendable {
    /// The plan as read; nil for a plan not stored yet. The store writes only what differs
    /// from it, and refuses the save (`StoreError.conflict`) when the stored plan is no
    /// longer at its version.
    public var old: StoredPlan?
    public var plan: Plan
    public var derivation: PlanDerivation
    /// Names the rules the derivation was made under (see `OfficeStore.rederivePlans`).
    public var rules: String
    /// What was done, in words, for the audit row: `selesai praktik-kinerja`, `progress import`.
    public var action: String
    /// The lines of the imported file the change came from (`2-9, 15`), for the audit row.
    public var lines: String?

    public init(old: StoredPlan?, plan: Plan, derivation: PlanDerivation, rules: String, action: String, lines: String? = nil) {
        self.old = old
        self.plan = plan
        self.derivation = derivation
        self.rules = rules
        self.action = action
        self.lines = lines
    }
}

/// The plans of a cycle to create for active positions without one, derived under `rules`,
/// on the office's date `today` (a newcomer's plan opens that day: `Plan.openingDay`).
public struct PlanCreation: Sendable {
    public var cycle: CycleID
    public var rules: String
    public var today: LocalDate
    public var derive: @Sendable (Plan) -> PlanDerivation

    public init(cycle: CycleID, rules: String, today: LocalDate, derive: @escaping @Sendable (Plan) -> PlanDerivation) {
        self.cycle = cycle
        self.rules = rules
        self.today = today
        self.derive = derive
    }
}
