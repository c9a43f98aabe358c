import Foundation

/// One row of the append-only audit history: what changed, who changed it, when, and the
/// state before and after as JSON (the Core type's own Codable form), so a change can be
/// explained or undone by hand long after the fact.
public struct AuditRecord: Sendable, Codable, Hashable {
    /// Increasing with every row: the order changes were committed in.
    public var id: Int64
    /// When the change was made, by the daemon's clock (stored in UTC).
    public var at: Date
    public var actor: AuditActor
    /// What was done, in words: `selesai praktik-kinerja`, `person updated`, `plans created`.
    public var action: String
    /// What it was done to: a plan id, a person id, a position key or a cycle.
    public var subject: String
    /// JSON of the subject before the change; nil when it did not exist.
    public var before: String?
    /// JSON of the subject after the change; nil when it no longer exists.
    public var after: String?

    public init(id: Int64, at: Date, actor: AuditActor, action: String, subject: String, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
