#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import FoundationEssentials

/// Errors thrown by ``VarlinkClient``.
public enum VarlinkClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Could not connect: the socket does not exist, nobody listens on it, or connecting
    /// timed out.
    case notReachable(path: String, reason: String)
    /// Could not connect: this user may not open the socket, or a directory on its path
    /// (EACCES, EPERM); the daemon may well be running.
    case accessDenied(path: String)
    /// The server sent something that is not valid Varlink, or the connection broke mid-call.
    case protocolError(String)
    /// The server answered with an error reply.
    case remote(VarlinkError)
    /// No reply (or no progress writing the call) within the timeout. The connection is closed.
    case timeout

    public var description: String {
        switch self {
        case .notReachable(let path, let reason): "daemon not reachable at \(path): \(reason)"
        case .accessDenied(let path): "no permission to connect to \(path)"
        case .protocolError(let message): "varlink protocol error: \(message)"
        case .remote(let error): "\(error)"
        case .timeout: "timed out waiting for the daemon"
        }
    }
}

/// A blocking Varlink client over one `AF_UNIX` stream socket (no event loop, no threads).
///
/// One call at a time. After a timeout, a protocol error or an abandoned stream the connection is
/// closed and later calls throw ``VarlinkClientError/protocolError(_:)``; create a new client.
/// Not thread-safe: use from one thread/task at a time.
public final class VarlinkClient {
    /// Socket path (a `unix:` prefix given to `init` is removed).
    public let path: String
    /// Bounds connecting, writing a call, and waiting for the reply of `call`.
    public var timeout: Duration {
        didSet {
            if fd >= 0 { Self.setSendTimeout(fd, timeout) }
        }
    }
    public let maxFrameSize: Int
    /// The language the caller reads (`id`, `en`), sent as the `language` of every call whose
    /// parameters carry one (`LanguageCarrying`) and do not set it; nil sends none.
    public var language: String?

    private var fd: Int32
    private var splitter: VarlinkFrameSplitter
    private var readChunk = [UInt8](repeating: 0, count: 64 * 1024)

    /// Connects to the socket at `path` (`unix:` prefix optional).
    /// - Throws: ``VarlinkClientError/notReachable(path:reason:)``,
    ///   ``VarlinkClientError/accessDenied(path:)``.
    public init(path: String, timeout: Duration = .seconds(5), maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize) throws {
        let socketPath = path.hasPrefix("unix:") ? String(path.dropFirst(5)) : path
        self.path = socketPath
        self.timeout = timeout
        self.maxFrameSize = maxFrameSize
        self.splitter = VarlinkFrameSplitter(maxFrameSize: maxFrameSize)
        self.fd = try Self.connect(path: socketPath, timeout: timeout)
    }

    deinit {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// `false` once the connection was closed (explicitly or after an error).
    public var isConnected: Bool { fd >= 0 }

    /// Closes the connection.
    public func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    // MARK: Typed API

    /// Calls `M` and waits for its single reply.
    public func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws -> M.Result {
        try send(OutgoingCall(method: M.name, parameters: inLanguage(parameters), oneway: nil, more: nil))
        let reply: DecodedReply<M.Result> = try receiveReply(method: M.name, deadline: deadline(after: timeout))
        if reply.continues {
            close()
            throw VarlinkClientError.protocolError("\(M.name): server sent 'continues' for a call without 'more'")
        }
        return try reply.unwrap(method: M.name)
    }

    /// Calls `M` (without parameters) and waits for its single reply.
    public func call<M: VarlinkMethod>(_ method: M.Type) throws -> M.Result where M.Parameters == Empty {
        try call(method, Empty())
    }

    /// Calls `M`, which takes nothing but the caller's language, and waits for its single reply.
    public func call<M: VarlinkMethod>(_ method: M.Type) throws -> M.Result where M.Parameters == LanguageParameters {
        try call(method, LanguageParameters())
    }

    /// Calls `M` with `more: true` and passes each reply to `onReply` until the server sends the
    /// last reply (without `continues`). Return `false` from `onReply` to stop early; the
    /// connection is then closed, since the server may still be sending.
    ///
    /// - Parameter replyTimeout: longest wait for each reply; `nil` (default) waits indefinitely,
    ///   suitable for subscriptions. A server that goes away still ends the wait (EOF).
    public func stream<M: VarlinkMethod>(
        _ method: M.Type,
        _ parameters: M.Parameters,
        replyTimeout: Duration? = nil,
        onReply: (M.Result) throws -> Bool
    ) throws {
        try send(OutgoingCall(method: M.name, parameters: inLanguage(parameters), oneway: nil, more: true))
        try receiveStream(method: M.name, replyTimeout: replyTimeout) { (reply: DecodedReply<M.Result>) in
            try onReply(try reply.unwrap(method: M.name))
        }
    }

    /// Calls `M`, whose answer may be long, with `more: true` and joins the pieces the server
    /// sends (each reply a part of the answer; `join` adds one to what came before): a
    /// listing of any length arrives in replies of bounded size. Each piece must come within
    /// ``timeout``.
    public func callInPieces<M: VarlinkMethod>(
        _ method: M.Type, _ parameters: M.Parameters, join: (inout M.Result, M.Result) -> Void
    ) throws -> M.Result {
        var answer: M.Result?
        try stream(method, parameters, replyTimeout: timeout) { piece in
            if answer == nil { answer = piece } else { join(&answer!, piece) }
            return true
        }
        guard let answer else { throw VarlinkClientError.protocolError("\(M.name): the stream ended without a reply") }
        return answer
    }

    /// Calls `M` and returns its whole answer: for a method that answers in pieces
    /// (``VarlinkMethod/joinPieces``) called with `more: true` and joined, since its single
    /// reply is refused above a bound; otherwise its single reply.
    public func callWhole<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws -> M.Result {
        guard let join = M.joinPieces else { return try call(method, parameters) }
        return try callInPieces(method, parameters, join: join)
    }

    /// Sends `M` with `oneway: true`; the server sends no reply, not even errors.
    public func oneway<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws {
        try send(OutgoingCall(method: M.name, parameters: inLanguage(parameters), oneway: true, more: nil))
    }

    // MARK: Untyped API

    /// Calls `method` with a parameter object (`.null` means none) and returns the reply's
    /// parameter object.
    public func call(method: String, parameters: JSONValue = [:]) throws -> JSONValue {
        try send(OutgoingCall(method: method, parameters: try Self.object(parameters), oneway: nil, more: nil))
        let reply: DecodedReply<[String: JSONValue]> = try receiveReply(method: method, deadline: deadline(after: timeout))
        if reply.continues {
            close()
            throw VarlinkClientError.protocolError("\(method): server sent 'continues' for a call without 'more'")
        }
        return .object(try reply.unwrap(method: method))
    }

    /// Untyped variant of ``stream(_:_:replyTimeout:onReply:)``.
    public func stream(
        method: String,
        parameters: JSONValue = [:],
        replyTimeout: Duration? = nil,
        onReply: (JSONValue) throws -> Bool
    ) throws {
        try send(OutgoingCall(method: method, parameters: try Self.object(parameters), oneway: nil, more: true))
        try receiveStream(method: method, replyTimeout: replyTimeout) { (reply: DecodedReply<[String: JSONValue]>) in
            try onReply(.object(try reply.unwrap(method: method)))
        }
    }

    /// Untyped variant of ``oneway(_:_:)``.
    public func oneway(method: String, parameters: JSONValue = [:]) throws {
        try send(OutgoingCall(method: method, parameters: try Self.object(parameters), oneway: true, more: nil))
    }

    // MARK: Internals

    private func inLanguage<P>(_ parameters: P) -> P { LanguageParameters.setting(language, in: parameters) }

    private static func object(_ parameters: JSONValue) throws -> [String: JSONValue] {
        switch parameters {
        case .null: return [:]
        case .object(let object): return object
        default: throw VarlinkClientError.protocolError("call parameters must be a JSON object")
        }
    }

    private func deadline(after duration: Duration?) -> ContinuousClock.Instant? {
        duration.map { ContinuousClock.now.advanced(by: $0) }
    }

    private func receiveStream<R: Decodable>(
        method: String,
        replyTimeout: Duration?,
        handle: (DecodedReply<R>) throws -> Bool
    ) throws {
        while true {
            let reply: DecodedReply<R> = try receiveReply(method: method, deadline: deadline(after: replyTimeout))
            let keepGoing: Bool
            do {
                keepGoing = try handle(reply)
            } catch {
                // Remote errors end the stream cleanly; anything else leaves replies in flight.
                if case VarlinkClientError.remote = error, !reply.continues {
                    throw error
                }
                close()
                throw error
            }
            if !reply.continues { return }
            if !keepGoing {
                close()
                return
            }
        }
    }

    private func send<P: Encodable>(_ call: OutgoingCall<P>) throws {
        guard fd >= 0 else { throw VarlinkClientError.protocolError("connection is closed") }
        let bytes: [UInt8]
        do {
            bytes = try VarlinkFraming.encode(call)
        } catch {
            throw VarlinkClientError.protocolError("cannot encode parameters of \(call.method): \(error)")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                close()
                throw VarlinkClientError.timeout
            case EPIPE, ECONNRESET:
                close()
                throw VarlinkClientError.protocolError("connection closed by the server")
            default:
                close()
                throw VarlinkClientError.protocolError("send failed: \(Self.errorString(code))")
            }
        }
    }

    private func receiveReply<R: Decodable>(method: String, deadline: ContinuousClock.Instant?) throws -> DecodedReply<R> {
        let frame = try readFrame(deadline: deadline)
        do {
            if let reply = DecodedReply<R>.direct(frame) { return reply }
            return try JSONDecoder().decode(DecodedReply<R>.self, from: Data(frame))
        } catch {
            // The frame was consumed, so the connection is still in sync.
            throw VarlinkClientError.protocolError("invalid reply to \(method): \(error)")
        }
    }

    private func readFrame(deadline: ContinuousClock.Instant?) throws -> [UInt8] {
        guard fd >= 0 else { throw VarlinkClientError.protocolError("connection is closed") }
        while true {
            do {
                if let frame = try splitter.nextFrame() { return frame }
            } catch {
                close()
                throw VarlinkClientError.protocolError("\(error)")
            }
            var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = ContinuousClock.now.duration(to: deadline)
                if remaining <= .zero {
                    close()
                    throw VarlinkClientError.timeout
                }
                let (seconds, attoseconds) = remaining.components
                let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                waitMilliseconds = Int32(clamping: milliseconds)
            }
            let ready = poll(&pollDescriptor, 1, waitMilliseconds)
            if ready < 0 {
                let code = errno
                if code == EINTR { continue }
                close()
                throw VarlinkClientError.protocolError("poll failed: \(Self.errorString(code))")
            }
            if ready == 0 { continue }  // re-check the deadline above
            let count = readChunk.withUnsafeMutableBytes { raw in
                recv(fd, raw.baseAddress!, raw.count, 0)
            }
            if count > 0 {
                readChunk.withUnsafeBytes { raw in
                    splitter.append(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
                }
            } else if count == 0 {
                close()
                throw VarlinkClientError.protocolError("connection closed by the server")
            } else {
                let code = errno
                if code == EINTR || code == EAGAIN || code == EWOULDBLOCK { continue }
                close()
                if code == ECONNRESET {
                    throw VarlinkClientError.protocolError("connection closed by the server")
                }
                throw VarlinkClientError.protocolError("receive failed: \(Self.errorString(code))")
            }
        }
    }

    private static func setSendTimeout(_ fd: Int32, _ timeout: Duration) {
        // A zero timeval would mean "no timeout": use at least 1 ms.
        let (seconds, attoseconds) = max(timeout, .milliseconds(1)).components
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    static func errorString(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return String(cString: message)
    }

    private static func connect(path: String, timeout: Duration) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity, !pathBytes.contains(0) else {
            throw VarlinkClientError.notReachable(path: path, reason: "invalid socket path")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw VarlinkClientError.notReachable(path: path, reason: "socket() failed: \(errorString(errno))")
        }

        // A blocking AF_UNIX connect waits (bounded by SO_SNDTIMEO) only when the listener's
        // backlog is full; sends are bounded the same way.
        setSendTimeout(fd, timeout)

        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            if result == 0 { return fd }
            let code = errno
            switch code {
            case EISCONN:
                return fd
            case EINTR where ContinuousClock.now < deadline:
                continue
            case EAGAIN, EINPROGRESS, ETIMEDOUT, EINTR:
                _ = Glibc.close(fd)
                throw VarlinkClientError.notReachable(path: path, reason: "timed out connecting")
            case EACCES, EPERM:
                _ = Glibc.close(fd)
                throw VarlinkClientError.accessDenied(path: path)
            default:
                _ = Glibc.close(fd)
                throw VarlinkClientError.notReachable(path: path, reason: errorString(code))
            }
        }
    }
}

/// Wire shape of an outgoing call with typed parameters.
struct OutgoingCall<P: Encodable>: Encodable {
    var method: String
    var parameters: P
    var oneway: Bool?
    var more: Bool?
}

/// A reply decoded directly into the expected result type; unknown fields are ignored.
struct DecodedReply<R: Decodable>: Decodable {
    var result: R?
    var error: VarlinkError?
    var continues: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: VarlinkReply.CodingKeys.self)
        continues = try container.decodeIfPresent(Bool.self, forKey: .continues) ?? false
        if let name = try container.decodeIfPresent(String.self, forKey: .error) {
            let parameters = (try? container.decodeIfPresent([String: JSONValue].self, forKey: .parameters)) ?? nil
            error = VarlinkError(name: name, parameters: parameters ?? [:])
            result = nil
        } else if container.contains(.parameters), try !container.decodeNil(forKey: .parameters) {
            result = try container.decode(R.self, forKey: .parameters)
        } else {
            result = try JSONDecoder().decode(R.self, from: Data("{}".utf8))
        }
    }

    private init(result: R, continues: Bool) {
        self.result = result
        error = nil
        self.continues = continues
    }

    /// The reply read by `R`'s own reader (``DirectJSONDecodable``), without `JSONDecoder`;
    /// nil when `R` has none, or the reply is anything but parameters (with `continues`, a
    /// list sent in pieces): an error, whose parameters are not `R`, or text the reader
    /// refuses: `JSONDecoder` reads those, and names what is wrong.
    static func direct(_ frame: [UInt8]) -> DecodedReply? {
        guard let direct = R.self as? any DirectJSONDecodable.Type else { return nil }
        var result: R?
        var plain = true
        var continues = false
        do {
            try frame.withUnsafeBytes { bytes in
                try JSONParser.read(bytes) { parser throws(JSONParsingError) in
                    try parser.forEachMember { key, parser throws(JSONParsingError) in
                        if key == VarlinkReply.CodingKeys.parameters.stringValue, parser.peek() != UInt8(ascii: "n") {
                            result = try direct.init(reading: &parser) as? R
                        } else if key == VarlinkReply.CodingKeys.continues.stringValue {
                            continues = try parser.readBool()
                        } else {
                            plain = false
                            try parser.skipValue()
                        }
                    }
                }
            }
        } catch {
            return nil
        }
        guard plain, let result else { return nil }
        return DecodedReply(result: result, continues: continues)
    }

    func unwrap(method: String) throws -> R {
        if let error { throw VarlinkClientError.remote(error) }
        guard let result else { throw VarlinkClientError.protocolError("\(method): reply without parameters") }
        return result
    }
}
