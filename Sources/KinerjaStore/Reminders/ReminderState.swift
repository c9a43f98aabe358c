/// What became of a reminder occurrence the scheduler handled. Every handled occurrence is
/// logged with one of these, so that none is handled twice and none is lost without trace.
public enum ReminderState: String, Sendable, Codable, CaseIterable {
    /// Sent: journal entry written, hook deliveries created.
    case fired
    /// Found after the catch-up horizon had passed (the daemon was down too long): shown in
    /// `status`, not sent.
    case missed
    /// Not sent because a silence or an acknowledgement covered it.
    case silenced
}
