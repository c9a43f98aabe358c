import Foundation

/// Reminder log calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
/// The scheduler calls `recordReminder` inside `transaction { }` instead, together with
/// whatever else it writes about the occurrence.
extension SQLiteStore {
    public func reminderExists(_ id: String) throws -> Bool {
        try reading { try $0.reminderExists(id) }
    }

    public func knownReminderIDs(_ ids: [String]) throws -> Set<String> {
        try reading { try $0.knownReminderIDs(ids) }
    }

    public func recordReminder(_ reminder: ReminderRecord, hooks: [String], at: Date) throws -> Bool {
        try writing { try $0.recordReminder(reminder, hooks: hooks, at: at) }
    }

    public func reminders(matching query: ReminderQuery) throws -> [ReminderRecord] {
        try reading { try $0.reminders(matching: query) }
    }

    public func reminderCounts(since: Date?) throws -> [ReminderState: Int] {
        try reading { try $0.reminderCounts(since: since) }
    }
}
