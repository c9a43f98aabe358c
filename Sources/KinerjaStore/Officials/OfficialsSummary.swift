/// What applying an officials file changed, for the import report.
public struct OfficialsSummary: Sendable, Hashable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Officials recorded that the file does not name: kept as they are.
    public var missing = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, missing: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.missing = missing
    }
}
