/// A configuration or rules file the daemon refuses, with the file, the place in it and
/// what to write instead: the daemon then does not start (or keeps its old config on reload).
struct ConfigError: Error, CustomStringConvertible {
    let file: String
    let message: String

    var description: String { "\(file): \(message)" }
}
