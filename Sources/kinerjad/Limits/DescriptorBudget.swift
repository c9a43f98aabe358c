#if canImport(Glibc)
import Glibc
#endif

/// The file descriptors of the daemon: one per client connection, and a reserve that no
/// client can take, so that running out of descriptors refuses a connection and never a
/// reminder's deliveries. The reserve, counted on the running daemon (`ls /proc/PID/fd`):
///
/// | what | descriptors |
/// |---|---|
/// | stdio, journal, the listening socket, NIO's event loops (epoll, eventfd, timer each), signals, the wall clock's timerfd | 32 (24 seen idle) |
/// | the store: SQLite's writer and up to 5 readers, each with database, WAL and shared memory | 32 (18 seen) |
/// | hooks: `HookService.maxRuns` (32) runs × 4 (stderr pipe, stdin pipe, spawn's pipe and process handle) | 128 |
/// | backups being written or streamed | 16 |
/// | margin | 48 |
/// | **reserve** | **256** |
///
/// So `max_connections` (default 1024) + 256 = the unit's `LimitNOFILE=1280`. At start the
/// daemon raises its soft limit toward that sum (up to the hard limit, which systemd sets
/// to 524288) and, when the limit cannot hold both, serves fewer connections and says so.
enum DescriptorBudget {
    static let reserve = 256

    struct Plan: Equatable {
        /// Connections the server accepts at once.
        let maxConnections: Int
        /// The soft limit the daemon runs with.
        let limit: Int
        /// True when the configured `max_connections` did not fit under the limit.
        let reduced: Bool
    }

    /// The connection limit that leaves ``reserve`` descriptors free under `limit` (at least one).
    static func plan(connections: Int, limit: Int) -> Plan {
        let fitting = max(1, limit - reserve)
        return Plan(maxConnections: min(connections, fitting), limit: limit, reduced: connections > fitting)
    }

    /// Raises the soft `RLIMIT_NOFILE` to what `connections` need (no further than the hard
    /// limit) and plans with what it got.
    static func apply(connections: Int) -> Plan {
        var limits = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limits) == 0 else { return plan(connections: connections, limit: 1024) }
        let wanted = rlim_t(connections + reserve)
        if limits.rlim_cur < wanted {
            var raised = limits
            raised.rlim_cur = min(wanted, limits.rlim_max)
            if setrlimit(resource, &raised) == 0 { limits = raised }
        }
        return plan(connections: connections, limit: Int(clamping: limits.rlim_cur))
    }
}
