/// When stages 1 and 2 are due, as the day of the cycle (1 = its first day) in the year's
/// rules file (`[preconditions]`). No source publishes these dates (DOMAIN-NOTES.md §2.3):
/// both are office defaults, chosen so that each is done early in the planning month,
/// leaving most of it to plan: Pemutakhiran Data by the cycle's 7th day, Plotting Tim
/// Kinerja (which needs the data) by its 14th.
public struct PreconditionDeadlines: Hashable, Sendable, Codable {
    public var pemutakhiranDataDay: Int
    public var plottingTimKinerjaDay: Int

    public static let standard = PreconditionDeadlines(pemutakhiranDataDay: 7, plottingTimKinerjaDay: 14)

    public init(pemutakhiranDataDay: Int, plottingTimKinerjaDay: Int) {
        self.pemutakhiranDataDay = pemutakhiranDataDay
        self.plottingTimKinerjaDay = plottingTimKinerjaDay
    }

    enum CodingKeys: String, CodingKey {
        case pemutakhiranDataDay = "pemutakhiran-data"
        case plottingTimKinerjaDay = "plotting-tim-kinerja"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pemutakhiranDataDay = try c.decodeIfPresent(Int.self, forKey: .pemutakhiranDataDay) ?? Self.standard.pemutakhiranDataDay
        plottingTimKinerjaDay = try c.decodeIfPresent(Int.self, forKey: .plottingTimKinerjaDay) ?? Self.standard.plottingTimKinerjaDay
    }

    /// The day of the cycle `precondition` is due on.
    public func day(of precondition: Precondition) -> Int {
        precondition == .pemutakhiranData ? pemutakhiranDataDay : plottingTimKinerjaDay
    }

    /// The deadline of `precondition` in `cycle` (the end of that local day).
    public func due(of precondition: Precondition, in cycle: CycleID) -> LocalDate {
        cycle.start.adding(days: day(of: precondition) - 1)
    }

    /// What is wrong with these days, in words an administrator can act on.
    public func problems() -> [String] {
        Precondition.allCases.compactMap { p in
            let day = day(of: p)
            return (1...181).contains(day) ? nil : "[preconditions] \(p.rawValue) = \(day): a day of the cycle, 1 (its first day) to 181"
        }
    }
}
