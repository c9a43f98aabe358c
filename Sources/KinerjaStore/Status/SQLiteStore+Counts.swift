import KinerjaCore

extension SQLiteStore {
    public func statusFigures(cycle: CycleID, on today: LocalDate) async throws -> StatusFigures {
        var figures = try await reading { tx in
            var figures = StatusFigures(
                counts: try tx.counts(cycle: cycle, on: today), reminders: try tx.reminderCounts(since: nil),
                failedDeliveries: try tx.deliveryCount(state: .failed), storeBytes: 0)
            figures.preconditions = try tx.preconditionTally(cycle: cycle)
            return figures
        }
        figures.storeBytes = try await size()
        return figures
    }
}
