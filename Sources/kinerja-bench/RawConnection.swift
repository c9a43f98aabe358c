import Foundation
import KinerjaRPC
#if canImport(Glibc)
import Glibc
#endif

/// A bare Unix stream connection that sends a request's bytes and reads up to the reply's
/// NUL: no JSON on the client side, so a round trip measures the server (and the kernel),
/// the same for kinerjad and for the echo floor.
final class RawConnection {
    enum Failure: Error, CustomStringConvertible {
        case connect(String, Int32)
        case closed(String)
        case refused(String)
        var description: String {
            switch self {
            case .connect(let path, let code): "cannot connect to \(path): \(String(cString: strerror(code)))"
            case .closed(let path): "\(path) closed the connection"
            case .refused(let reply): "the daemon refused the call: \(reply)"
            }
        }
    }

    private let fd: Int32
    private let path: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []

    init(path: String) throws {
        self.path = path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        if withUnixAddress(path, { connect(fd, $0, $1) }) != 0 {
            let code = errno
            close(fd)
            throw Failure.connect(path, code)
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// How a reply that another follows ends (the daemon writes `continues` last).
    static let continuing = Array(#","continues":true}"#.utf8) + [0]

    /// A Varlink call of `method` with `parameters` (JSON object text), NUL-terminated;
    /// `more` for a listing, whose answer then comes in pieces.
    static func call(_ method: String, _ parameters: String = "{}", more: Bool = false) -> [UInt8] {
        Array(#"{"method":"\#(method)","parameters":\#(parameters)\#(more ? #","more":true"# : "")}"#.utf8) + [0]
    }

    static func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters, more: Bool = false) throws -> [UInt8] {
        call(M.name, String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self), more: more)
    }

    /// The reply to `request`, which must not be an error (a figure of a refused call
    /// would measure nothing).
    func answer(_ request: [UInt8]) throws -> [UInt8] {
        let reply = try roundTrip(request)
        guard reply.starts(with: Array(#"{"parameters""#.utf8)) else {
            throw Failure.refused(String(decoding: reply.prefix(500), as: UTF8.self))
        }
        return reply
    }

    /// Sends `request` and returns the reply, NUL included; for a call with `more`, every
    /// piece up to the last (the pieces one after the other).
    @discardableResult
    func roundTrip(_ request: [UInt8]) throws -> [UInt8] {
        try request.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { throw Failure.closed(path) }
                offset += n
            }
        }
        var scanned = 0
        var replies: [UInt8] = []
        while true {
            if let end = pending[scanned...].firstIndex(of: 0) {
                replies += pending[...end]
                pending.removeSubrange(...end)
                scanned = 0
                if replies.suffix(Self.continuing.count) == Self.continuing[...] { continue }
                return replies
            }
            scanned = pending.count
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { throw Failure.closed(path) }
            pending.append(contentsOf: buffer[..<n])
        }
    }
}
