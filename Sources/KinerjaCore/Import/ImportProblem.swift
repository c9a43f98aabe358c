/// A refused line of an imported file: its line number and what is wrong, in words an
/// administrator can fix in a spreadsheet.
public struct ImportProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line number in the file.
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
