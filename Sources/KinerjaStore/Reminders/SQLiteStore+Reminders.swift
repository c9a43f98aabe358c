import Foundation

/// Reminder log calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func planReminders(_ reminders: [ReminderRecord], at: Date) async throws -> Int {
        try await writing { try $0.planReminders(reminders, at: at) }
    }

    public func claimReminders(dueBy: Date, claimant: String, at: Date) async throws -> [ReminderRecord] {
        try await writing { try $0.claimReminders(dueBy: dueBy, claimant: claimant, at: at) }
    }

    public func beat(claimant: String, timeout: Duration, at: Date) async throws -> Int {
        try await writing { try $0.beat(claimant: claimant, timeout: timeout, at: at) }
    }

    public func claimedReminders(claimant: String) async throws -> [ReminderRecord] {
        try await reading { try $0.claimedReminders(claimant: claimant) }
    }

    public func settleReminder(id: String, claimant: String, state: ReminderState, late: Bool, hooks: [String], at: Date) async throws -> Bool {
        try await writing { try $0.settleReminder(id: id, claimant: claimant, state: state, late: late, hooks: hooks, at: at) }
    }

    public func reminders(matching query: ReminderQuery) async throws -> [ReminderRecord] {
        try await reading { try $0.reminders(matching: query) }
    }
}
