/// Who made a change: the peer of the RPC connection as the kernel reports it
/// (SO_PEERCRED), or the daemon itself for automatic changes. Kept with every audit row so
/// that an office can answer "who changed this plan, and when".
public struct AuditActor: Sendable, Hashable, Codable {
    /// The caller's numeric user id.
    public var uid: UInt32
    /// The caller's user name at the time of the change (uids get reused; names help).
    public var user: String

    public init(uid: UInt32, user: String) {
        self.uid = uid
        self.user = user
    }
}
