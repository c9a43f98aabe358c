import KinerjaCore

/// One row of a roster to apply: a person and one position they hold. A person who is
/// definitif at one school and Plt. at another comes in two entries.
public struct RosterEntry: Sendable, Hashable {
    public var person: Person
    public var position: Position

    public init(person: Person, position: Position) {
        self.person = person
        self.position = position
    }
}
