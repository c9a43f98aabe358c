#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// Credentials of the process on the other end of a Unix socket, read once per connection with
/// `SO_PEERCRED` (they describe the peer at `connect()` time).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public let uid: UInt32
    public let gid: UInt32
    public let pid: Int32

    public init(uid: UInt32, gid: UInt32, pid: Int32) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
    }

    /// Used when the channel is not a socket (e.g. in tests) or the lookup failed:
    /// uid/gid `(uid_t)-1`, pid 0.
    public static let unknown = PeerCredentials(uid: .max, gid: .max, pid: 0)

    public var isKnown: Bool { self != .unknown }

    public var description: String {
        isKnown ? "uid=\(uid) gid=\(gid) pid=\(pid)" : "unknown peer"
    }

    /// Reads `SO_PEERCRED` from `channel`; yields ``unknown`` for channels that are not sockets.
    public static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(.unknown)
        }
        let future: EventLoopFuture<RawPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return future
            .map { PeerCredentials(uid: $0.uid, gid: $0.gid, pid: $0.pid) }
            .recover { _ in .unknown }
    }
}

/// Layout of Linux `struct ucred` (pid_t, uid_t, gid_t), which Glibc's Swift overlay does not
/// export (it needs `_GNU_SOURCE`).
struct RawPeerCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
