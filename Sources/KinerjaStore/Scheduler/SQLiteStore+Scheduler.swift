import Foundation

/// Scheduler state calls, each in its own transaction. The scheduler sets the checkpoint
/// inside the `transaction { }` that records the occurrences up to it, so that the two
/// cannot disagree after a crash.
extension SQLiteStore {
    public func schedulerCheckpoint() throws -> Date? {
        try reading { try $0.schedulerCheckpoint() }
    }

    public func setSchedulerCheckpoint(_ date: Date) throws {
        try writing { try $0.setSchedulerCheckpoint(date) }
    }
}
