import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The datagram socket that stands in for systemd's `NOTIFY_SOCKET`: it keeps every
/// notification the daemon sent (`READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`), in order.
final class NotifySocket: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket(AF_UNIX, SOCK_DGRAM): \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(fd)
            throw TestFailure("notify socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + 1)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestFailure("bind \(path): \(String(cString: strerror(code)))")
        }
    }

    deinit {
        Glibc.close(fd)
        unlink(path)
    }

    /// Every datagram received so far (reading what is pending first).
    var messages: [String] {
        drain(waitMilliseconds: 0)
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// How many datagrams were received so far: an index for ``waitFor(after:timeout:_:)``.
    var count: Int { messages.count }

    /// Waits up to `timeout` seconds for a datagram at index `after` or later that satisfies
    /// `predicate`; returns it, or nil.
    func waitFor(after start: Int = 0, timeout: Double, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let all = messages
            if start < all.count, let hit = all[start...].first(where: predicate) { return hit }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            drain(waitMilliseconds: Int32(min(remaining, 0.1) * 1000))
        }
    }

    /// Index of the first datagram at or after `start` that has the assignment `line` (e.g. "READY=1").
    func index(of line: String, after start: Int = 0) -> Int? {
        let all = messages
        guard start < all.count else { return nil }
        return all[start...].firstIndex { NotifySocket.lines($0).contains(line) }
    }

    static func lines(_ message: String) -> [String] {
        message.split(separator: "\n").map(String.init)
    }

    private func drain(waitMilliseconds: Int32) {
        var wait = waitMilliseconds
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, wait) == 1 else { return }
            wait = 0
            var buffer = [UInt8](repeating: 0, count: 8192)
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count >= 0 else { return }
            lock.lock()
            received.append(String(decoding: buffer[..<count], as: UTF8.self))
            lock.unlock()
        }
    }
}
