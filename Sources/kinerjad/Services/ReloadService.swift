import KinerjaRules
import Logging
import ServiceLifecycle
import Systemd
import UnixSignals

/// Reloads config and rules on SIGHUP (RELOADING=1 … READY=1). A bad new config or rules
/// file is refused and the running one kept, with the reason logged: a typo must never
/// take an office's reminders down.
struct ReloadService: Service {
    let office: Office
    let configPath: String
    let overrides: ConfigOverrides
    let notifier: SystemdNotifier
    let summary: @Sendable () async -> String
    let logger: Logger
    /// Trapped before READY=1 is sent: a SIGHUP right after start must reload, not kill.
    let signals: UnixSignalsSequence

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.reloading()
            await reload()
            notifier.ready(status: await summary())
        }
    }

    func reload() async {
        let old = office.settings.config
        do {
            let config = try overrides.apply(to: DaemonConfig.load(path: configPath))
            let rules = try RulesLoader.load(directory: config.rulesDirectory)
            if config.socket != old.socket || config.stateDirectory != old.stateDirectory || config.idleTimeoutSeconds != old.idleTimeoutSeconds
                || config.maxConnections != old.maxConnections {
                logger.warning("socket, state_directory and [rpc] changes take effect at the next restart")
            }
            try await office.replaceSettings(Settings(config: config, rules: rules))
            logger.notice("configuration reloaded", metadata: [
                "KINERJA_CONFIG": "\(configPath)", "KINERJA_RULES_YEARS": "\(rules.years.map(\.year))",
            ])
        } catch {
            logger.error("reload refused, keeping the running configuration: \(error)", metadata: ["KINERJA_CONFIG": "\(configPath)"])
        }
    }
}
