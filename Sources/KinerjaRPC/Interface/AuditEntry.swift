/// One audit row (IDL type `AuditEntry`).
public struct AuditEntry: Codable, Sendable, Hashable {
    public var at: String
    public var uid: Int
    public var user, action, subject: String
    public var before, after: String?

    public init(at: String, uid: Int, user: String, action: String, subject: String, before: String?, after: String?) {
        self.at = at
        self.uid = uid
        self.user = user
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
