import KinerjaCore

/// The reloadable part of the daemon's state: what SIGHUP replaces as a whole, so that a
/// request sees either the old config and rules or the new ones, never a mix.
struct Settings: Sendable {
    var config: DaemonConfig
    var rules: RulesBook
}
