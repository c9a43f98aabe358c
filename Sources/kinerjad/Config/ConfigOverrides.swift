import Foundation

/// Command-line and environment settings that win over the file: `--socket`,
/// `--state-dir`, and systemd's `$STATE_DIRECTORY`. Kept apart so a reload applies them again.
struct ConfigOverrides: Sendable {
    var socket: String?
    var stateDirectory: String?

    func apply(to config: DaemonConfig) -> DaemonConfig {
        var config = config
        if let socket { config.socket = ConfigOverrides.absolute(socket) }
        if let stateDirectory { config.stateDirectory = ConfigOverrides.absolute(stateDirectory) }
        return config
    }

    /// Paths given on the command line are relative to the working directory; the daemon
    /// reports and logs them absolute.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
