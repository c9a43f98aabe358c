import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 GET on a fresh loopback TCP connection (`Connection: close`), read to the
/// end: what a browser's first request of a page costs, without a client library between
/// the bench and kinerja-web.
enum HTTPGet {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The response's status and body.
    static func get(port: UInt16, path: String) throws -> (status: Int, body: [UInt8]) {
        let fd = try connect(port: port)
        defer { close(fd) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ write(fd, $0.baseAddress!, $0.count) }) == request.count else {
            throw Failure(description: "cannot send GET \(path)")
        }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw Failure(description: "GET \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            response += chunk[..<n]
        }
        let head = Array("\r\n\r\n".utf8)
        guard let split = response.indices.first(where: { response[$0...].starts(with: head) }),
              let status = Int(String(decoding: response.prefix(12).suffix(3), as: UTF8.self))
        else { throw Failure(description: "GET \(path): not an HTTP response") }
        return (status, Array(response[(split + head.count)...]))
    }

    /// A port free on 127.0.0.1 now (the kernel's choice for port 0).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port on 127.0.0.1") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Whether something accepts connections on the port.
    static func answers(port: UInt16) -> Bool {
        guard let fd = try? connect(port: port) else { return false }
        close(fd)
        return true
    }

    private static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            let code = errno
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(code)))")
        }
        return fd
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
