import Foundation

/// Scheduler state calls, each in its own transaction. The checkpoint is written after,
/// and apart from, the transactions that record the occurrences up to it: a crash in
/// between leaves it behind them, and the next pass finds those occurrences again, which
/// the reminder log (one row per occurrence id) keeps from firing twice.
extension SQLiteStore {
    public func schedulerCheckpoint() throws -> Date? {
        try reading { try $0.schedulerCheckpoint() }
    }

    public func setSchedulerCheckpoint(_ date: Date) throws {
        try writing(changesStatus: false) { try $0.setSchedulerCheckpoint(date) }
    }
}
