/// An official extension of one deadline in one cycle (in 2024 planning moved from
/// 31 January to 31 March), set in the rules file without a release.
public struct DeadlineExtension: Hashable, Sendable, Codable {
    public var cycle: CycleID
    /// Nil extends the deadline for both roles.
    public var role: Role?
    /// A deadline name: `perencanaan` or a step id.
    public var deadline: String
    public var until: LocalDate

    public init(cycle: CycleID, role: Role?, deadline: String, until: LocalDate) {
        self.cycle = cycle
        self.role = role
        self.deadline = deadline
        self.until = until
    }
}
