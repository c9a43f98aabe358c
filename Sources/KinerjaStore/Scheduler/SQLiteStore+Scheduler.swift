import Foundation

/// Scheduler state calls, each in its own transaction.
extension SQLiteStore {
    public func schedulerCheckpoint() async throws -> Date? {
        try await reading { try $0.schedulerCheckpoint() }
    }

    public func advanceSchedulerCheckpoint(to date: Date) async throws {
        try await writing { try $0.advanceSchedulerCheckpoint(to: date) }
    }
}
