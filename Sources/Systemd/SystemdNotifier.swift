import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells the service manager what the daemon is doing, through `sd_notify(3)`.
///
/// Why: with `Type=notify` (or `Type=notify-reload`) systemd only considers the
/// unit started once the daemon says `READY=1`, shows `STATUS=` in
/// `systemctl status`, enforces `WatchdogSec=` from the `WATCHDOG=1` pings, and
/// knows that a reload or shutdown is in progress. Without these messages a
/// notify-type unit would time out or look dead.
///
/// Every method is a silent no-op when `NOTIFY_SOCKET` is not set (running from a
/// shell, in tests, under another supervisor), so callers never need to guard.
/// The environment is never unset: later notifications must keep working.
///
/// The type is stateless and cheap; `sd_notify` opens a fresh datagram socket
/// per call, so it is safe to use from any thread or task.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier. It holds no resources.
    public init() {}

    /// Whether a service manager is listening (`NOTIFY_SOCKET` is set and non-empty).
    ///
    /// Why: lets the daemon skip work that only makes sense under systemd, such as
    /// starting the watchdog timer, and lets it say so in its logs.
    public var isEnabled: Bool {
        guard let value = getenv("NOTIFY_SOCKET") else { return false }
        return value.pointee != 0
    }

    /// Reports that start-up is finished (`READY=1`), optionally with a status line.
    ///
    /// Sent as one datagram so systemd sees the status together with readiness.
    public func ready(status: String? = nil) {
        var assignments: [(String, String)] = [("READY", "1")]
        if let status { assignments.append(("STATUS", status)) }
        send(assignments)
    }

    /// Sets the free-form status line shown by `systemctl status` (`STATUS=`).
    public func status(_ text: String) {
        send([("STATUS", text)])
    }

    /// Pings the service manager's watchdog (`WATCHDOG=1`).
    ///
    /// Why: with `WatchdogSec=` set, systemd kills and restarts a daemon that stops
    /// pinging; see ``watchdogInterval()`` for how often to call this.
    public func watchdog() {
        send([("WATCHDOG", "1")])
    }

    /// Reports that a configuration reload has begun (`RELOADING=1`).
    ///
    /// Also sends `MONOTONIC_USEC=` with the current `CLOCK_MONOTONIC` time in
    /// microseconds, because systemd ≥ 253 requires it for `Type=notify-reload`
    /// to tell this reload apart from a stale one. Call ``ready(status:)`` when
    /// the reload is complete.
    public func reloading() {
        send([("RELOADING", "1"), ("MONOTONIC_USEC", String(Self.monotonicMicroseconds()))])
    }

    /// Reports that the daemon is shutting down (`STOPPING=1`).
    ///
    /// Why: systemd then shows the unit as "deactivating" instead of treating the
    /// exit that follows as unexpected.
    public func stopping() {
        send([("STOPPING", "1")])
    }

    /// Sends arbitrary `KEY=value` assignments in the given order, as one datagram.
    ///
    /// Use this for assignments without a dedicated method, e.g. `EXTEND_TIMEOUT_USEC`
    /// or `ERRNO`. Values must not contain newlines (the protocol is line based).
    ///
    /// - Returns: `true` if the message was delivered, `false` if there is no
    ///   service manager or sending failed. Most callers can ignore it.
    @discardableResult
    public func send(_ assignments: [(String, String)]) -> Bool {
        guard !assignments.isEmpty else { return false }
        let state = assignments.map { "\($0.0)=\($0.1)" }.joined(separator: "\n")
        return sd_notify(0, state) > 0
    }

    /// Sends arbitrary `KEY=value` assignments, ordered by key so the datagram is
    /// deterministic. Prefer the ordered overload when order matters to you.
    @discardableResult
    public func send(_ assignments: [String: String]) -> Bool {
        send(assignments.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The full `WatchdogSec=` interval the service manager expects pings within,
    /// or `nil` when the watchdog is not enabled for this process.
    ///
    /// Why: the daemon should ping at half this interval, so one late ping does
    /// not get it killed. Reads `WATCHDOG_USEC`/`WATCHDOG_PID` via
    /// `sd_watchdog_enabled(3)` without unsetting them.
    public static func watchdogInterval() -> Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(usec)
    }

    /// `CLOCK_MONOTONIC` now, in microseconds, the clock systemd compares
    /// `MONOTONIC_USEC=` against.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
