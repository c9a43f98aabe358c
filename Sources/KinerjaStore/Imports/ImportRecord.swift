/// One import as its audit row keeps it: which file (its SHA-256, so that the file an office
/// still has can be matched to the change it made) and how many rows did what. The rows'
/// changes are audited per person, position or plan beside it.
public struct ImportRecord: Sendable, Hashable {
    /// `roster` or `progress`.
    public var kind: String
    /// Hex SHA-256 of the file's content as it was sent.
    public var sha256: String
    /// Counts of the import (`rows`, `applied`, `problems`, …), written in key order.
    public var counts: [String: Int]

    public init(kind: String, sha256: String, counts: [String: Int]) {
        self.kind = kind
        self.sha256 = sha256
        self.counts = counts
    }
}
