import Foundation
import KinerjaCore
import KinerjaRules
import KinerjaStorePostgres
import TOMLKit

/// Everything `kinerja.toml` says, with defaults for what it leaves out. Relative paths
/// are resolved against the file's own directory, so the same file works installed in
/// /etc/kinerja and in a checkout (`make run`).
struct DaemonConfig: Sendable, Equatable {
    var file: String
    var timezone = "Asia/Jakarta"
    var calendar: OfficeCalendar
    /// "id" (Bahasa Indonesia, the default) or "en".
    var language = OfficeLanguage.indonesian
    var socket = "/run/kinerja/kinerja.sock"
    var stateDirectory = "/var/lib/kinerja"
    /// `[store] url`: the PostgreSQL database several daemons share; nil keeps the store in
    /// SQLite in the state directory.
    var storeURL: PostgresStoreURL?
    var rulesDirectory: String
    var hooksDirectory: String
    /// Members of this group may change data over the socket.
    var adminGroup = "kinerja-admin"
    var idleTimeoutSeconds = 60
    var maxConnections = 1024
    var reminders = ReminderPolicy()
    /// When cycles close (`close_cycle_after_days` of `[reminders]`).
    var lifecycle = CycleLifecycle()
    var hooks = HookSettings()
    /// How a block and a newcomer move a plan's deadlines (`[deadlines]`).
    var relief = DeadlineRelief.standard
    /// The office's operator, and whether stages 1–2 are tracked (`[office]`).
    var office = OfficeSettings()

    static let topKeys = [
        "timezone", "language", "socket", "state_directory", "rules_directory", "hooks_directory",
        "admin_group", "rpc", "reminders", "deadlines", "hooks", "store", "office",
    ]

    /// True when `table`, or a table in it, has a key with a value: a configuration that
    /// sets nothing is refused, at start and on reload (an emptied file reloaded would
    /// silently bring back every default).
    static func setsSomething(_ table: TOMLTable) -> Bool {
        table.keys.contains { key in
            guard let sub = table[key]?.table else { return true }
            return setsSomething(sub)
        }
    }

    /// Reads and checks the file at `path`.
    static func load(path: String) throws(ConfigError) -> DaemonConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, message: "cannot read the file (\(error.localizedDescription)); give another with --config")
        }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors and anchors relative paths.
    static func parse(_ text: String, file: String) throws(ConfigError) -> DaemonConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigError(file: file, message: "\(error)")
        }
        guard setsSomething(table) else {
            throw ConfigError(file: file, message: """
                the file sets nothing (it is empty, or holds only comments and empty sections): a file wiped or cut \
                short by accident must not reset the zone, language and holidays to their defaults; an office that \
                wants every default writes at least timezone = "Asia/Jakarta"
                """)
        }
        let top = try TOMLReader(file: file, section: "", table: table, known: topKeys)
        let base = URL(fileURLWithPath: file).deletingLastPathComponent().path
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base + "/")).standardizedFileURL.path
        }
        let zone = try top.string("timezone", default: "Asia/Jakarta")
        guard let calendar = OfficeCalendar(identifier: zone) else {
            throw top.fail("timezone '\(zone)' is not an IANA zone; an Indonesian office uses Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)")
        }
        var config = DaemonConfig(
            file: file, calendar: calendar,
            rulesDirectory: resolve(try top.string("rules_directory", default: "rules")),
            hooksDirectory: resolve(try top.string("hooks_directory", default: "hooks.d")))
        config.timezone = zone
        let language = try top.string("language", default: "id")
        guard let known = OfficeLanguage(rawValue: language) else {
            throw top.fail("language '\(language)' is unknown; use \"id\" (Bahasa Indonesia) or \"en\"")
        }
        config.language = known
        config.socket = resolve(try top.string("socket", default: config.socket))
        config.stateDirectory = resolve(try top.string("state_directory", default: config.stateDirectory))
        config.adminGroup = try top.string("admin_group", default: config.adminGroup)
        let rpc = try top.section("rpc", known: ["idle_timeout_seconds", "max_connections"])
        config.idleTimeoutSeconds = try rpc.int("idle_timeout_seconds", default: config.idleTimeoutSeconds, range: 1...86_400)
        config.maxConnections = try rpc.int("max_connections", default: config.maxConnections, range: 1...65_536)
        let reminders = try top.section("reminders", known: ReminderPolicy.keys)
        config.reminders = try ReminderPolicy(reminders)
        config.lifecycle = try CycleLifecycle(reminders)
        config.relief = try DeadlineRelief(top.section("deadlines", known: DeadlineRelief.keys))
        config.hooks = try HookSettings(top.section("hooks", known: HookSettings.keys))
        let store = try top.section("store", known: ["url"])
        let url = try store.string("url", default: "")
        if !url.isEmpty {
            guard let parsed = PostgresStoreURL(url) else {
                throw store.fail(
                    "url '\(url)' is not a PostgreSQL url: give postgresql://USER@/DATABASE?host=/run/postgresql (a Unix socket) or postgresql://USER@HOST:PORT/DATABASE, or leave it out for SQLite in the state directory")
            }
            config.storeURL = parsed
        }
        config.office = try OfficeSettings(top.section("office", known: OfficeSettings.keys))
        return config
    }
}
