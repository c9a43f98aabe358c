import KinerjaCore

extension SQLiteStore {
    public func counts(cycle: CycleID, overdueOn: LocalDate) throws -> StoreCounts {
        try reading { try $0.counts(cycle: cycle, overdueOn: overdueOn) }
    }

    /// The figures of `status`, in one read, kept until this store's next write or until
    /// another cycle or day is asked for. Status is asked by every `kinerjactl status`, by
    /// scripts polling it and for systemd's STATUS= line; counting the plan indexes each
    /// time made it 16 times an echo round trip.
    public func statusFigures(cycle: CycleID, overdueOn: LocalDate) throws -> StatusFigures {
        // Read before the snapshot is taken: a write in between moves it, and the next call re-reads.
        let generation = writeGeneration.load(ordering: .acquiring)
        if let kept = keptStatusFigures(cycle: cycle, overdueOn: overdueOn, generation: generation) { return kept }
        var figures = try reading { tx in
            StatusFigures(
                counts: try tx.counts(cycle: cycle, overdueOn: overdueOn), reminders: try tx.reminderCounts(since: nil),
                failedDeliveries: try tx.deliveryCount(state: .failed), storeBytes: 0)
        }
        figures.storeBytes = (try? fileSize()) ?? 0
        statusCache.withLock { $0 = StatusFigures.Cached(generation: generation, cycle: cycle, overdueOn: overdueOn, figures: figures) }
        return figures
    }

    /// The figures ``statusFigures(cycle:overdueOn:)`` kept, if still current; never reads the
    /// database.
    public func keptStatusFigures(cycle: CycleID, overdueOn: LocalDate) -> StatusFigures? {
        keptStatusFigures(cycle: cycle, overdueOn: overdueOn, generation: writeGeneration.load(ordering: .acquiring))
    }

    private func keptStatusFigures(cycle: CycleID, overdueOn: LocalDate, generation: UInt64) -> StatusFigures? {
        guard let cached = statusCache.withLock({ $0 }), cached.generation == generation, cached.cycle == cycle,
              cached.overdueOn == overdueOn else { return nil }
        return cached.figures
    }
}
