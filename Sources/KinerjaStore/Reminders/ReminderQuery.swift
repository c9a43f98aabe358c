import Foundation

/// Which logged reminders to list, newest fire time first; nil fields do not filter. Each
/// filter is served by an index of `reminder_log` (see `SchemaV4`).
public struct ReminderQuery: Sendable, Hashable {
    public var state: ReminderState?
    public var planID: String?
    public var personID: String?
    /// Reminders to this recipient (a person id): a digest's items (`ReminderDigest`), read
    /// with a state and a day, through the state's index.
    public var recipientID: String?
    /// Reminders whose fire time is at or after this instant.
    public var since: Date?
    /// Reminders whose fire time is before this instant.
    public var until: Date?
    public var limit: Int?

    public init(
        state: ReminderState? = nil, planID: String? = nil, personID: String? = nil, recipientID: String? = nil,
        since: Date? = nil, until: Date? = nil, limit: Int? = nil
    ) {
        self.recipientID = recipientID
        self.state = state
        self.planID = planID
        self.personID = personID
        self.since = since
        self.until = until
        self.limit = limit
    }
}
