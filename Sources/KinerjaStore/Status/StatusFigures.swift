import KinerjaCore

/// What `status` shows from the store, read in one snapshot.
public struct StatusFigures: Sendable, Hashable {
    public var counts: StoreCounts
    /// Handled reminder occurrences per state, since the store began.
    public var reminders: [ReminderState: Int]
    /// Hook deliveries that failed for good.
    public var failedDeliveries: Int
    /// Bytes of the database and its WAL. They change only with writes, so they are kept
    /// with the counts: a `stat` of each file was half of a status call's time.
    public var storeBytes: Int64

    /// Figures with what they were read for.
    struct Cached: Sendable {
        let generation: UInt64
        let cycle: CycleID
        let overdueOn: LocalDate
        let figures: StatusFigures
    }
}
