import KinerjaCore

/// What `status` shows from the store, read in one snapshot.
public struct StatusFigures: Sendable, Hashable {
    public var counts: StoreCounts
    /// Handled reminder occurrences per state, since the store began.
    public var reminders: [ReminderState: Int]
    /// Hook deliveries that failed for good.
    public var failedDeliveries: Int
    /// Bytes of the store.
    public var storeBytes: Int64
    /// Stages 1–2 recorded in the cycle.
    public var preconditions = PreconditionTally()

    public init(counts: StoreCounts, reminders: [ReminderState: Int], failedDeliveries: Int, storeBytes: Int64) {
        self.counts = counts
        self.reminders = reminders
        self.failedDeliveries = failedDeliveries
        self.storeBytes = storeBytes
    }
}
