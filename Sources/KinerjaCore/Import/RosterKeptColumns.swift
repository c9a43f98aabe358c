/// A roster file without one of the optional columns says nothing about it: the values
/// recorded stay. An office that gave the e-mail addresses once does not lose them by
/// importing its Dapodik export, which has none; an empty cell in a column the file has
/// does clear its value.
extension RosterParser {
    /// The optional columns whose values the roster keeps when a file leaves them out.
    public static let keptColumns: Set<String> = ["kecamatan", "jenjang", "email", "telepon"]

    /// Those of `keptColumns` that `header` does not have.
    public static func absentKeptColumns(_ header: [String]) -> Set<String> {
        keptColumns.subtracting(header)
    }
}

extension RosterLine {
    /// The line with the values of the `absent` columns taken from the `person` and the
    /// `position` as recorded (nil: not recorded yet).
    public func keeping(_ absent: Set<String>, person stored: Person?, position held: Position?) -> RosterLine {
        var person = self.person, position = self.position
        if absent.contains("email") { person.email = stored?.email }
        if absent.contains("telepon") { person.telepon = stored?.telepon }
        if absent.contains("kecamatan") { position.kecamatan = held?.kecamatan }
        if absent.contains("jenjang") { position.jenjang = held?.jenjang }
        return RosterLine(line: line, person: person, position: position)
    }
}
