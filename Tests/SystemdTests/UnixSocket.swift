import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A bound AF_UNIX socket owned by a test, removed again by ``close()``.
///
/// Why: the notify tests need a datagram socket to stand in for systemd's
/// `NOTIFY_SOCKET`, and the socket-activation test needs listening sockets to
/// hand to a child process.
final class UnixSocket {
    struct SocketError: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation): \(String(cString: strerror(code)))" }
    }

    let fd: Int32
    let path: String

    /// Creates a socket of `type` (`SOCK_DGRAM`/`SOCK_STREAM`) bound to a fresh
    /// temporary path; stream sockets also listen.
    init(type: Int32) throws {
        path = TemporaryPath.make(suffix: ".sock")
        fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", code: errno) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + 1)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw SocketError(operation: "bind \(path)", code: code)
        }
        if type == Int32(SOCK_STREAM.rawValue) {
            guard listen(fd, 1) == 0 else { throw SocketError(operation: "listen", code: errno) }
        }
    }

    /// Receives one datagram as text, or `nil` after `timeout` seconds.
    func receiveDatagram(timeout: Int = 2) -> String? {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pollfd, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Whether a datagram is waiting (without consuming it).
    func hasPendingDatagram() -> Bool {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&pollfd, 1, 0) == 1
    }

    func close() {
        Glibc.close(fd)
        unlink(path)
    }
}
