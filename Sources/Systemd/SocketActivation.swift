import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Access to the sockets systemd passed in via socket activation
/// (`LISTEN_FDS`, `LISTEN_PID`, `LISTEN_FDNAMES`; see `sd_listen_fds(3)`).
///
/// Why: with a `.socket` unit systemd owns the listening socket, so clients can
/// connect before the daemon runs and nothing is lost across restarts. The
/// daemon must then adopt the inherited descriptor instead of binding its own.
///
/// Call this once, early in start-up: by default the environment variables are
/// unset afterwards so child processes do not inherit them, which also means a
/// second call returns nothing. `sd_listen_fds` marks the descriptors
/// close-on-exec for the same reason.
public enum SocketActivation {
    /// All sockets passed to this process, in descriptor order, or `[]` when the
    /// process was not socket-activated (or the variables belong to another PID).
    ///
    /// - Parameter unsetEnvironment: Unset `LISTEN_*` afterwards (recommended).
    public static func listenedSockets(unsetEnvironment: Bool = true) -> [ListenedSocket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(unsetEnvironment ? 1 : 0, &names)
        // `names` is a NULL-terminated strv allocated by libsystemd: free every
        // string and then the array, whatever the outcome.
        defer {
            if let names {
                var index = 0
                while let entry = names[index] {
                    free(entry)
                    index += 1
                }
                free(names)
            }
        }
        guard count > 0 else { return [] }

        var sockets: [ListenedSocket] = []
        sockets.reserveCapacity(Int(count))
        for offset in 0..<Int(count) {
            let name = names?[offset].map { String(cString: $0) } ?? "unknown"
            sockets.append(ListenedSocket(fd: SD_LISTEN_FDS_START + Int32(offset), name: name))
        }
        return sockets
    }

    /// The passed socket called `name`, or the only passed socket when exactly one
    /// was passed (whatever its name), or `nil`.
    ///
    /// Why the single-socket fallback: a unit without `FileDescriptorName=` names
    /// its socket after the unit (or `"unknown"`), and a daemon with one socket
    /// should not break just because the unit file was written differently.
    ///
    /// This reads (and by default unsets) the environment; when you need several
    /// sockets, call ``listenedSockets(unsetEnvironment:)`` once and use
    /// ``socket(named:from:)``.
    public static func socket(named name: String, unsetEnvironment: Bool = true) -> ListenedSocket? {
        socket(named: name, from: listenedSockets(unsetEnvironment: unsetEnvironment))
    }

    /// Picks the socket called `name` out of `sockets`, or the only one when
    /// exactly one is given. Pure selection, no environment access.
    public static func socket(named name: String, from sockets: [ListenedSocket]) -> ListenedSocket? {
        if let match = sockets.first(where: { $0.name == name }) { return match }
        return sockets.count == 1 ? sockets[0] : nil
    }
}
