/// One file descriptor handed to the daemon by systemd socket activation.
///
/// Why a name travels with the descriptor: a daemon may get several sockets
/// (e.g. the varlink API socket and something else), and `FileDescriptorName=`
/// in the `.socket` unit is the only reliable way to tell them apart. systemd
/// reports `"unknown"` when no name was configured.
///
/// The descriptor is owned by whoever receives this value; nothing here closes it.
public struct ListenedSocket: Sendable, Hashable {
    /// The file descriptor number, starting at `SD_LISTEN_FDS_START` (3).
    public let fd: Int32
    /// The name from `LISTEN_FDNAMES` (`FileDescriptorName=`), or `"unknown"`.
    public let name: String

    /// Mostly for tests and for code that picks sockets by hand.
    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }
}
