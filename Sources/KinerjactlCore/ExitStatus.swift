import KinerjaRPC

/// kinerjactl's exit codes (README, "kinerjactl exit codes"), so that a script can tell a
/// refusal from a usage mistake from a daemon that is down from a missing permission.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done.
    case done = 0
    /// The daemon refused the call with a named error (bad input, refused transition, rejected import).
    case refused = 1
    /// Usage error: a bad option or value, an unreadable file.
    case usage = 2
    /// The daemon is not reachable on the socket, or did not answer in time.
    case unreachable = 3
    /// Permission denied: the socket may not be opened by this user (not in the socket's
    /// group), or the daemon refused a change (not root, the daemon's user or `admin_group`).
    case permissionDenied = 4

    /// The status of a call that failed with `error`.
    public init(_ error: VarlinkClientError) {
        switch error {
        case .notReachable, .timeout, .protocolError: self = .unreachable
        case .accessDenied: self = .permissionDenied
        case .remote(let remote): self = remote.name == VarlinkError.permissionDenied.name ? .permissionDenied : .refused
        }
    }
}
