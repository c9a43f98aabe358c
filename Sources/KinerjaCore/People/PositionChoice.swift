/// Which of a person's positions a change means, when it names the person (and perhaps a
/// school) rather than a plan: a progress CSV row, or a command given a NIP. Active
/// positions are preferred; a person who heads two schools (definitif and Plt.) must name
/// the school.
public enum PositionChoice {
    public static func choose(among positions: [Position], personID: PersonID, npsn: NPSN?) throws(PositionProblem) -> PositionKey {
        guard !positions.isEmpty else { throw .noSuchPerson(personID) }
        let matching = positions.filter { npsn == nil || $0.key.npsn == npsn }
        let active = matching.filter(\.active)
        let candidates = active.isEmpty ? matching : active
        guard candidates.count == 1 else {
            if candidates.isEmpty { throw .noPositionAtSchool(personID, npsn) }
            throw .ambiguous(personID, candidates.compactMap(\.key.npsn))
        }
        return candidates[0].key
    }
}

/// Why no position could be chosen.
public enum PositionProblem: Refusal, Hashable {
    /// The roster has nobody with this id.
    case noSuchPerson(PersonID)
    /// The person holds no position at the school named.
    case noPositionAtSchool(PersonID, NPSN?)
    /// The person heads these schools, and none was named.
    case ambiguous(PersonID, [NPSN])

    public func message(in language: OfficeLanguage) -> String {
        switch self {
        case .noSuchPerson(let id):
            return language.text(id: "tidak ada orang dengan id \(id) dalam roster", en: "no person has id \(id) in the roster")
        case .noPositionAtSchool(let id, let npsn):
            return language.text(
                id: "\(id) tidak memegang posisi di sekolah \(npsn?.rawValue ?? "-")",
                en: "\(id) holds no position at school \(npsn?.rawValue ?? "-")")
        case .ambiguous(let id, let schools):
            let npsns = schools.map(\.rawValue).joined(separator: ", ")
            return language.text(
                id: "\(id) memimpin beberapa sekolah; sebutkan npsn-nya (\(npsns))",
                en: "\(id) heads several schools; give the npsn (\(npsns))")
        }
    }
}
