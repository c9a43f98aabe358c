/// A plan's identity: one plan per position and cycle (so a Plt. principal has two).
public struct PlanID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let cycle: CycleID
    public let position: PositionKey

    public init(cycle: CycleID, position: PositionKey) {
        self.cycle = cycle
        self.position = position
    }

    /// `2025-1/198609262015051001/ks@20100001` or `2025-1/198609262015051001/ps`.
    public var description: String { "\(cycle)/\(position)" }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let cycle = CycleID(parts[0]), let position = PositionKey(String(parts[1])) else {
            return nil
        }
        self.init(cycle: cycle, position: position)
    }

    public static func < (a: PlanID, b: PlanID) -> Bool { (a.cycle, a.position) < (b.cycle, b.position) }
}
