import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A bare AF_UNIX stream connection that sends arbitrary bytes, for what a well-behaved
/// client never sends (oversized, malformed, not UTF-8).
final class RawVarlinkConnection {
    enum Outcome: Equatable, CustomStringConvertible {
        /// One NUL-terminated message (without the NUL).
        case reply(String)
        /// The server closed the connection (EOF or reset) before a whole message.
        case closed
        /// Nothing within the timeout.
        case silence

        var description: String {
            switch self {
            case .reply(let text): "reply \(text.prefix(300))"
            case .closed: "connection closed"
            case .silence: "no answer"
            }
        }

        /// The `error` name of a reply, if it is an error reply.
        var errorName: String? {
            guard case .reply(let text) = self,
                  let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
            return object["error"] as? String
        }
    }

    private var fd: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestFailure("connect \(path): \(String(cString: strerror(code)))")
        }
    }

    /// A connection made elsewhere (by another user), taken over.
    init(fd: Int32) {
        self.fd = fd
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Sends everything it can; false when the server closed the connection midway
    /// (EPIPE/ECONNRESET; MSG_NOSIGNAL keeps SIGPIPE away from the test process).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    func send(_ text: String) -> Bool { send(Array(text.utf8) + [0]) }

    /// Bytes sent that the server has not read yet (`SIOCOUTQ`, 0x5411, of an AF_UNIX
    /// socket), or -1: 0 once the daemon has read a call, i.e. once the call runs.
    var unreadByServer: Int32 {
        var count: Int32 = 0
        return ioctl(fd, 0x5411, &count) == 0 ? count : -1
    }

    /// True once the server closed the connection, found without reading what it sent:
    /// `POLLRDHUP` (0x2000, Linux) or a hang-up.
    var peerClosed: Bool {
        var descriptor = pollfd(fd: fd, events: Int16(0x2000), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & (Int16(0x2000) | Int16(POLLHUP) | Int16(POLLERR)) != 0
    }

    /// Reads until one whole message, EOF/reset, or `timeout` seconds of nothing.
    func receive(timeout: Double = 5) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeSubrange(...end)
                return .reply(message)
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return .silence }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(remaining * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(fd, &chunk, chunk.count, 0)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno == ECONNRESET {
                return .closed
            } else if errno != EINTR && errno != EAGAIN {
                return .closed
            }
        }
    }
}
