/// One good row of a roster file: the person and the position it names.
public struct RosterLine: Hashable, Sendable {
    public let line: Int
    public let person: Person
    public let position: Position
}
