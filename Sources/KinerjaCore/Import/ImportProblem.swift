/// A refused line of an imported file: its line number and what is wrong, in words an
/// administrator can fix in a spreadsheet. The parsers do not know who reads the report,
/// so a problem keeps its text in both of the office's languages.
public struct ImportProblem: Refusal, Hashable, CustomStringConvertible {
    /// 1-based line number in the file.
    public let line: Int
    let indonesian: String
    let english: String

    public init(line: Int, id indonesian: String, en english: String) {
        self.line = line
        self.indonesian = indonesian
        self.english = english
    }

    /// What is wrong with the line, in `language` (without the line number).
    public func message(in language: OfficeLanguage) -> String { language.text(id: indonesian, en: english) }

    public var description: String { "line \(line): \(english)" }
}
