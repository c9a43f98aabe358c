import Crypto
import Foundation
import KinerjaCore

/// The reloadable part of the daemon's state: what SIGHUP replaces as a whole, so that a
/// request sees either the old config and rules or the new ones, never a mix.
struct Settings: Sendable {
    var config: DaemonConfig
    let rules: RulesBook
    /// The name of each year's rules (`rulesName(_:)`), by year, made once per load.
    private let rulesNames: [Int: String]

    /// `rules` as the office applies them: each year's with kinerja.toml's `[deadlines]`
    /// (`YearRules.relief`), so that a plan is judged, and its derivation named, by both.
    init(config: DaemonConfig, rules: RulesBook) {
        self.config = config
        let rules = RulesBook(rules.years.map { $0.with(config.relief) })
        self.rules = rules
        // Tracking stages 1–2 or not changes every plan's derivation: it is part of the name.
        let tracked = config.office.derivationName
        rulesNames = Dictionary(uniqueKeysWithValues: rules.years.map { ($0.year, Settings.name(of: $0) + tracked) })
    }

    /// Names the rules a plan's derivation was made under (the store keeps it beside each
    /// plan): the SHA-256 of the rules as their JSON, so that any change of a rules file
    /// that judges a cycle makes its plans be derived again, and nothing else does. `rules`
    /// are these settings' own (one per year).
    func rulesName(_ rules: YearRules) -> String {
        rulesNames[rules.year] ?? Settings.name(of: rules) + config.office.derivationName
    }

    private static func name(of rules: YearRules) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(rules)) ?? Data("\(rules)".utf8)
        return "\(rules.year):" + SHA256.hash(data: json).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
