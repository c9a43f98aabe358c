/// How a step's recommended deadline follows from the cycle: only the planning month is
/// published, so every other deadline is an office's choice, kept in the rules file.
public enum DeadlineRule: Hashable, Sendable, Codable {
    /// The last day of month N (1…6) of the cycle.
    case endOfMonth(Int)
    /// N days after the previous step was completed (or after its deadline, while it is open).
    case afterPreviousDays(Int)

    enum CodingKeys: String, CodingKey {
        case endOfMonth = "end_of_month"
        case afterPreviousDays = "after_previous_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let month = try c.decodeIfPresent(Int.self, forKey: .endOfMonth) {
            guard (1...6).contains(month) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .endOfMonth, in: c, debugDescription: "end_of_month must be 1 to 6 (a cycle has six months), not \(month)")
            }
            self = .endOfMonth(month)
        } else if let days = try c.decodeIfPresent(Int.self, forKey: .afterPreviousDays) {
            guard days >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .afterPreviousDays, in: c, debugDescription: "after_previous_days must not be negative")
            }
            self = .afterPreviousDays(days)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a deadline is { end_of_month = N } or { after_previous_days = N }"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .endOfMonth(let n): try c.encode(n, forKey: .endOfMonth)
        case .afterPreviousDays(let n): try c.encode(n, forKey: .afterPreviousDays)
        }
    }
}
