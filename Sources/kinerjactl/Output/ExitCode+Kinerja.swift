import ArgumentParser

/// The documented exit codes of kinerjactl (README, "Exit codes"), so scripts can tell a
/// refusal from a usage mistake from a daemon that is down.
enum Exit {
    /// The daemon refused the call with a named error (bad input, refused transition, rejected import).
    static let refused = ExitCode(1)
    /// Usage error (ArgumentParser's own code for validation errors).
    static let usage = ExitCode(2)
    /// The daemon is not reachable on the socket, or did not answer in time.
    static let unreachable = ExitCode(3)
    /// The daemon refused a change: the caller is not root, the daemon's user or in the admin group.
    static let permissionDenied = ExitCode(4)
}
