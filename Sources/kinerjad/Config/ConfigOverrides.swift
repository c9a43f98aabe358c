/// Command-line and environment settings that win over the file: `--socket`,
/// `--state-dir`, and systemd's `$STATE_DIRECTORY`. Kept apart so a reload applies them again.
struct ConfigOverrides: Sendable {
    var socket: String?
    var stateDirectory: String?

    func apply(to config: DaemonConfig) -> DaemonConfig {
        var config = config
        if let socket { config.socket = socket }
        if let stateDirectory { config.stateDirectory = stateDirectory }
        return config
    }
}
