/// A six-month Pengelolaan Kinerja cycle (siklus): `YYYY-1` is January–June, `YYYY-2`
/// July–December, in the office's zone.
public struct CycleID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 for January–June, 2 for July–December.
    public let half: Int

    public init?(year: Int, half: Int) {
        guard (1...2).contains(half), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.half = half
    }

    /// Parses `YYYY-1` or `YYYY-2`.
    public init?(_ text: some StringProtocol) {
        // `YYYY-H` byte by byte: an import reads one per line.
        var year = 0, half = 0, length = 0
        for byte in text.utf8 {
            length += 1
            switch length {
            case 1...4, 6:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                if length == 6 { half = Int(byte - UInt8(ascii: "0")) } else { year = year * 10 + Int(byte - UInt8(ascii: "0")) }
            case 5:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                return nil
            }
        }
        guard length == 6 else { return nil }
        self.init(year: year, half: half)
    }

    /// The cycle that contains `date`.
    public init(containing date: LocalDate) {
        year = date.year
        half = date.month <= 6 ? 1 : 2
    }

    public var description: String { "\(year)-\(half)" }

    /// The first day of the cycle (1 January or 1 July).
    public var start: LocalDate { LocalDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }

    /// The last day of the cycle (30 June or 31 December).
    public var end: LocalDate { start.adding(months: 6).adding(days: -1) }

    /// The last day of month `n` (1…6) of the cycle: month 1 ends the planning month.
    public func endOfMonth(_ n: Int) -> LocalDate { start.adding(months: n - 1).endOfMonth }

    public func contains(_ date: LocalDate) -> Bool { date >= start && date <= end }

    public var next: CycleID { half == 1 ? CycleID(year: year, half: 2)! : CycleID(year: year + 1, half: 1)! }

    public var previous: CycleID { CycleID(containing: start.adding(days: -1)) }

    public static func < (a: CycleID, b: CycleID) -> Bool { (a.year, a.half) < (b.year, b.half) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cycle = CycleID(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a cycle: use YYYY-1 (January–June) or YYYY-2 (July–December)"))
        }
        self = cycle
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
