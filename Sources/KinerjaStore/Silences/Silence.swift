import Foundation

/// A pause of reminders for one person or one school (all its people), up to and including
/// a local date, with the reason an office gave. Kept after it ends or is removed, so that
/// "why did nobody get reminded in March" has an answer.
public struct Silence: Sendable, Hashable, Codable {
    public var id: Int64
    /// The person silenced; nil when a school is.
    public var personID: String?
    /// The school silenced; nil when a person is.
    public var npsn: String?
    /// The last local day (`YYYY-MM-DD`) it covers.
    public var until: String
    public var reason: String
    public var createdAt: Date
    public var createdBy: AuditActor
    /// When it was lifted before its end; nil while it stands.
    public var removedAt: Date?

    public init(
        id: Int64, personID: String?, npsn: String?, until: String, reason: String, createdAt: Date,
        createdBy: AuditActor, removedAt: Date?
    ) {
        self.id = id
        self.personID = personID
        self.npsn = npsn
        self.until = until
        self.reason = reason
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.removedAt = removedAt
    }

    /// Whether it covers the local day `date` (`YYYY-MM-DD`): not removed, not ended.
    public func isActive(on date: String) -> Bool {
        removedAt == nil && until >= date
    }

    /// The audit subject of its rows.
    public var auditSubject: String { "silence/\(id)" }
}
