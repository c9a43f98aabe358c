/// Which position of a person a plan belongs to: a principal has one plan per school
/// (a Plt. principal therefore has two), a supervisor one plan per cycle.
public struct PositionKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let personID: PersonID
    public let role: Role
    /// The school, for a principal; nil for a supervisor.
    public let npsn: NPSN?

    public init(personID: PersonID, role: Role, npsn: NPSN?) {
        self.personID = personID
        self.role = role
        self.npsn = role == .kepalaSekolah ? npsn : nil
    }

    /// `ID/ks@NPSN` or `ID/ps`: readable in logs and usable on the command line.
    public var description: String {
        switch role {
        case .kepalaSekolah: return "\(personID)/ks@\(npsn?.rawValue ?? "-")"
        case .pengawasSekolah: return "\(personID)/ps"
        }
    }

    /// Parses the form of `description`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let person = PersonID(trusted: String(parts[0]))
        if parts[1] == "ps" {
            self.init(personID: person, role: .pengawasSekolah, npsn: nil)
        } else if parts[1].hasPrefix("ks@"), let npsn = NPSN(String(parts[1].dropFirst(3))) {
            self.init(personID: person, role: .kepalaSekolah, npsn: npsn)
        } else {
            return nil
        }
    }

    public static func < (a: PositionKey, b: PositionKey) -> Bool { a.description < b.description }
}
