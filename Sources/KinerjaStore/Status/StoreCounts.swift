import KinerjaCore

/// The figures of `kinerjactl status` and the systemd STATUS line: counted by the
/// database on indexes, without decoding any plan.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var activePeople: Int
    /// Active positions per role.
    public var activePositions: [Role: Int]
    /// Plans of the cycle.
    public var plans: Int
    public var complete: Int
    /// Open plans that are blocked now.
    public var blocked: Int
    /// Open, unblocked plans whose current deadline is before the given day.
    public var overdue: Int

    public init(activePeople: Int, activePositions: [Role: Int], plans: Int, complete: Int, blocked: Int, overdue: Int) {
        self.activePeople = activePeople
        self.activePositions = activePositions
        self.plans = plans
        self.complete = complete
        self.blocked = blocked
        self.overdue = overdue
    }

    public var activeKepalaSekolah: Int { activePositions[.kepalaSekolah] ?? 0 }
    public var activePengawasSekolah: Int { activePositions[.pengawasSekolah] ?? 0 }
}
