/// What a claimant's heartbeat settles of the claimants gone silent, worded once for both
/// stores: the SQL differs only in how each database tells its own time.
public enum Heartbeats {
    /// Why a hook delivery a silent claimant was running is not run again (`last_error`),
    /// after the claimant's name.
    public static let lostRunReason = " stopped beating while it ran this hook: it may have run, so it is not run again"
}
