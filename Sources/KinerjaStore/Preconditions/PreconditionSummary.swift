import KinerjaCore

/// What recording stages 1–2 did: how many records were new, changed or already so, and
/// how many plans were derived again (blocked or freed).
public struct PreconditionSummary: Sendable, Hashable, Codable {
    public var recorded = 0
    public var updated = 0
    public var unchanged = 0
    public var plansRederived = 0

    public init() {}
}

/// How many active persons have each stage 1–2 recorded in a cycle.
public struct PreconditionTally: Sendable, Hashable {
    /// Active persons of the roster.
    public var persons = 0
    public var done: [Precondition: Int] = [:]
    /// The Pejabat Penilai the active positions name most (the atasan where none is named):
    /// the Kepala Dinas, who owns stage 2.
    public var pejabatPenilai: PersonID?

    public init(persons: Int = 0, done: [Precondition: Int] = [:], pejabatPenilai: PersonID? = nil) {
        self.persons = persons
        self.done = done
        self.pejabatPenilai = pejabatPenilai
    }

    /// Active persons without `precondition` recorded.
    public func missing(_ precondition: Precondition) -> Int { persons - (done[precondition] ?? 0) }
}
