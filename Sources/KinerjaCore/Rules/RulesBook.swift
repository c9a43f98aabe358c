/// All years' rules, answering which rules judge a cycle: its own year's, or the newest
/// older year's when the office has not written a file for this year yet.
public struct RulesBook: Sendable, Hashable {
    public let years: [YearRules]

    public init(_ years: [YearRules]) { self.years = years.sorted { $0.year < $1.year } }

    public func rules(for cycle: CycleID) -> YearRules? {
        years.last { $0.year <= cycle.year }
    }
}
