/// Where a reminder occurrence stands in the log. The scheduler records an occurrence that
/// is due as `planned`, claims it (`firing`: one claimant, in one statement), and settles it
/// as `fired`, `missed` or `silenced`; every handled occurrence stays logged, so that none
/// is handled twice and none is lost without trace.
public enum ReminderState: String, Sendable, Codable, CaseIterable {
    /// Due, not yet claimed.
    case planned
    /// Claimed by one daemon, which is writing its journal entry.
    case firing
    /// Sent: journal entry written, hook deliveries created.
    case fired
    /// Found after the catch-up horizon had passed (the daemon was down too long): shown in
    /// `status`, not sent.
    case missed
    /// Not sent because a silence or an acknowledgement covered it.
    case silenced
    /// Claimed by a daemon that stopped beating (killed, its host lost) before it settled
    /// it: it may have been journaled, so no one fires it again. The office checks by hand
    /// whether its recipient was told.
    case uncertain

    /// The states of a handled occurrence.
    public static let handled: [ReminderState] = [.fired, .missed, .silenced, .uncertain]
}
