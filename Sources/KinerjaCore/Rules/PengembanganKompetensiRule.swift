/// How a year judges the Pengembangan Kompetensi step of a plan: 2024 counted points of
/// chosen RHK items against a minimum, 2025 asks for exactly one competency indicator.
public enum PengembanganKompetensiRule: Hashable, Sendable, Codable {
    /// RHK items with points; at least `minimumPoints` a semester (32 in 2024),
    /// `recommendedMaximumPoints` the top of the recommended range (128 in 2024).
    case rhkPoints(minimumPoints: Int, recommendedMaximumPoints: Int?)
    /// Exactly one competency indicator from the Model Kompetensi.
    case oneIndicator

    enum CodingKeys: String, CodingKey {
        case mode
        case minimumPoints = "minimum_points"
        case recommendedMaximumPoints = "recommended_maximum_points"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .mode) {
        case "rhk":
            self = .rhkPoints(
                minimumPoints: try c.decode(Int.self, forKey: .minimumPoints),
                recommendedMaximumPoints: try c.decodeIfPresent(Int.self, forKey: .recommendedMaximumPoints))
        case "indikator":
            self = .oneIndicator
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .mode, in: c,
                debugDescription: "mode '\(other)' is unknown: use \"rhk\" (RHK items with points) or \"indikator\" (one competency indicator)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .rhkPoints(let minimum, let maximum):
            try c.encode("rhk", forKey: .mode)
            try c.encode(minimum, forKey: .minimumPoints)
            try c.encodeIfPresent(maximum, forKey: .recommendedMaximumPoints)
        case .oneIndicator:
            try c.encode("indikator", forKey: .mode)
        }
    }
}
