/// A deadline of a cycle's published timeline (IDL type `CycleDeadline`).
public struct CycleDeadline: Codable, Sendable, Hashable {
    public var role, step, deadline, due: String

    public init(role: String, step: String, deadline: String, due: String) {
        self.role = role
        self.step = step
        self.deadline = deadline
        self.due = due
    }
}

/// A cycle, its months and deadlines (IDL type `CycleInfo`).
public struct CycleInfo: Codable, Sendable, Hashable {
    public var cycle, start, end: String
    public var rulesYear: Int
    public var planningDeadline: String
    public var deadlines: [CycleDeadline]
    public var extensions: [String]
    /// Stages 1–2 of the cycle, when the office tracks them.
    public var preconditions: PreconditionCounts?

    public init(
        cycle: String, start: String, end: String, rulesYear: Int, planningDeadline: String, deadlines: [CycleDeadline], extensions: [String],
        preconditions: PreconditionCounts? = nil
    ) {
        self.preconditions = preconditions
        self.cycle = cycle
        self.start = start
        self.end = end
        self.rulesYear = rulesYear
        self.planningDeadline = planningDeadline
        self.deadlines = deadlines
        self.extensions = extensions
    }
}
