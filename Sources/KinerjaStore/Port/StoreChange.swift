/// What a committed transaction touched, as the database reported it (see
/// `OfficeStore.observeChanges`): what was derived from those parts of the store is stale.
public struct StoreChange: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Persons, positions, sekolah binaan, officials.
    public static let roster = StoreChange(rawValue: 1 << 0)
    /// Plans and everything recorded on them.
    public static let plans = StoreChange(rawValue: 1 << 1)
    /// The reminder log (planned, claimed, handled).
    public static let reminders = StoreChange(rawValue: 1 << 2)
    public static let deliveries = StoreChange(rawValue: 1 << 3)
    public static let silences = StoreChange(rawValue: 1 << 4)
    public static let acknowledgements = StoreChange(rawValue: 1 << 5)
    public static let audit = StoreChange(rawValue: 1 << 6)
    public static let scheduler = StoreChange(rawValue: 1 << 7)

    /// Everything: another writer changed the store, and what is not known.
    public static let everything = StoreChange(rawValue: (1 << 8) - 1)
}

/// The versions of a cycle's plans at one moment, as a store keeps them (opaque: compared
/// by the store that made it, in `OfficeStore.plansChanged`).
public struct PlanVersions: Sendable, Hashable {
    /// The plans by the store's own reference of them (SQLite: the row id), and their versions.
    package let versions: [Int64: Int64]

    public init(references versions: [Int64: Int64]) {
        self.versions = versions
    }

    /// How many plans it covers.
    public var count: Int { versions.count }
}
