/// A configuration or rules file the daemon refuses, with the file, the place in it and
/// what to write instead: the daemon then does not start (or keeps its old config on reload).
public struct ConfigError: Error, CustomStringConvertible {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
