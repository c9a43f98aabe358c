import KinerjaCore

extension SQLiteStore {
    public func counts(cycle: CycleID, overdueOn: LocalDate) throws -> StoreCounts {
        try reading { try $0.counts(cycle: cycle, overdueOn: overdueOn) }
    }
}
