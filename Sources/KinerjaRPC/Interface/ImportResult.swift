/// A refused line of an imported file (IDL type `ImportProblem`).
public struct ImportProblemItem: Codable, Sendable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// The outcome of an import (IDL type `ImportResult`).
public struct ImportResult: Codable, Sendable, Hashable {
    public var dryRun, applied: Bool
    public var rows, goodRows: Int
    public var problems: [ImportProblemItem]
    public var added, updated, unchanged, deactivated, transitions: Int
    /// Roster: active people the file does not name (deactivated only with
    /// `deactivateMissing`); officials: those recorded that the file does not name.
    public var missing: Int
    /// Rows imported that look wrong, with their line.
    public var warnings: [ImportProblemItem]

    public init(
        dryRun: Bool, applied: Bool, rows: Int, goodRows: Int, problems: [ImportProblemItem],
        added: Int = 0, updated: Int = 0, unchanged: Int = 0, deactivated: Int = 0, transitions: Int = 0,
        missing: Int = 0, warnings: [ImportProblemItem] = []
    ) {
        self.missing = missing
        self.warnings = warnings
        self.dryRun = dryRun
        self.applied = applied
        self.rows = rows
        self.goodRows = goodRows
        self.problems = problems
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.deactivated = deactivated
        self.transitions = transitions
    }
}
