/// What applying a roster changed, for the import report.
public struct RosterSummary: Sendable, Hashable, Codable {
    /// Counts of one kind of row (persons or positions).
    public struct Counts: Sendable, Hashable, Codable {
        /// New in the store.
        public var added = 0
        /// In the store before, and different now (a reactivation counts here).
        public var updated = 0
        /// In the roster exactly as stored.
        public var unchanged = 0
        /// Active before, absent from the roster, now inactive.
        public var deactivated = 0

        public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, deactivated: Int = 0) {
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
            self.deactivated = deactivated
        }
    }

    public var persons = Counts()
    public var positions = Counts()
    /// Active persons the roster does not name: left as they are, or (with
    /// `markMissingInactive`) the persons deactivated. Always counted, so that an import of
    /// one kecamatan says how much of the district it left out.
    public var missing = 0

    public init(persons: Counts = Counts(), positions: Counts = Counts(), missing: Int = 0) {
        self.persons = persons
        self.positions = positions
        self.missing = missing
    }

    /// Persons and positions added (the interface reports people and positions together).
    public var added: Int { persons.added + positions.added }
    public var updated: Int { persons.updated + positions.updated }
    public var unchanged: Int { persons.unchanged + positions.unchanged }
    public var deactivated: Int { persons.deactivated + positions.deactivated }

    /// The counts the import's audit row keeps.
    package var auditCounts: KeyValuePairs<String, Int> {
        ["added": added, "updated": updated, "unchanged": unchanged, "deactivated": deactivated, "missing": missing]
    }
}
