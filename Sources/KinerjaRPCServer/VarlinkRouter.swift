import FoundationEssentials
import KinerjaRPC
import Logging
import NIOCore
import Synchronization
import NIOPosix

/// What a handler knows about the call it is serving.
public struct VarlinkCallContext: Sendable {
    /// Credentials of the calling process (``PeerCredentials/unknown`` if not available).
    public let peer: PeerCredentials
    /// Fully qualified method name.
    public let method: String
    /// The caller set `more: true`.
    public let more: Bool
    /// The caller set `oneway: true` (its reply, and any error, is discarded).
    public let oneway: Bool
    /// Logger with connection metadata.
    public let logger: Logger

    public init(peer: PeerCredentials, method: String, more: Bool, oneway: Bool, logger: Logger) {
        self.peer = peer
        self.method = method
        self.more = more
        self.oneway = oneway
        self.logger = logger
    }

    /// Interface part of ``method``.
    public var interface: String { VarlinkCall.split(method).interface }
}

/// Where the replies of one call go. The server writes them to the connection; tests can collect them.
public struct VarlinkReplyOutput: Sendable {
    let write: @Sendable (ByteBuffer) async throws -> Void
    let callStarted: @Sendable (VarlinkCallContext) -> Void
    /// Hands over a call's last reply without waiting for it to be written (the server:
    /// the write is queued on the connection's event loop ahead of the call's end, so order
    /// holds, and a failed write closes the connection there). Waiting would cost the call
    /// two more thread hops, most of a small read's round trip.
    let enqueueLast: (@Sendable (ByteBuffer) -> Void)?

    /// - Parameters:
    ///   - write: writes one encoded reply (JSON + NUL) and returns once it was written.
    ///   - callStarted: invoked once a call was decoded and routed, before its handler runs.
    public init(
        write: @escaping @Sendable (ByteBuffer) async throws -> Void,
        callStarted: @escaping @Sendable (VarlinkCallContext) -> Void = { _ in }
    ) {
        self.init(write: write, callStarted: callStarted, enqueueLast: nil)
    }

    init(
        write: @escaping @Sendable (ByteBuffer) async throws -> Void, callStarted: @escaping @Sendable (VarlinkCallContext) -> Void,
        enqueueLast: (@Sendable (ByteBuffer) -> Void)?
    ) {
        self.write = write
        self.callStarted = callStarted
        self.enqueueLast = enqueueLast
    }

    func send<R: Encodable>(result: R, continues: Bool) async throws {
        let bytes = try VarlinkReplyEncoding.encode(result: result, continues: continues)
        try await writeBytes(bytes, last: !continues)
    }

    /// Sends a last reply encoded already (by ``VarlinkReplyEncoding``).
    func send(encoded reply: [UInt8]) async throws {
        try await writeBytes(reply, last: true)
    }

    /// Sends a reply encoded already; one that continues returns once it was written.
    func send(encoded reply: [UInt8], continues: Bool) async throws {
        try await writeBytes(reply, last: !continues)
    }

    func send(error: VarlinkError) async throws {
        try await writeBytes(VarlinkReplyEncoding.encode(error: error), last: true)
    }

    private func writeBytes(_ bytes: [UInt8], last: Bool) async throws {
        if last, let enqueueLast {
            enqueueLast(ByteBuffer(bytes: bytes))
            return
        }
        do {
            try await write(ByteBuffer(bytes: bytes))
        } catch {
            throw ReplyWriteFailed(underlying: error)
        }
    }
}

/// Writing a reply failed (the connection is gone); no further reply can be sent.
struct ReplyWriteFailed: Error {
    let underlying: any Error
}

/// Encodes replies without a round trip through ``JSONValue``.
enum VarlinkReplyEncoding {
    static let parametersPrefix = Array(#"{"parameters":"#.utf8)

    /// `{"parameters":<result>[,"continues":true]}` + NUL. Throws if `result` is not a JSON object.
    static func encode<R: Encodable>(result: R, continues: Bool) throws -> [UInt8] {
        var bytes = try StreamingJSONEncoder.encode(result, after: parametersPrefix)
        guard bytes[parametersPrefix.count...].first(where: { !isJSONWhitespace($0) }) == UInt8(ascii: "{") else {
            throw EncodingError.invalidValue(
                result,
                .init(codingPath: [], debugDescription: "Varlink reply parameters must encode as a JSON object")
            )
        }
        close(&bytes, continues: continues)
        return bytes
    }

    /// Ends a reply whose parameters were written after `parametersPrefix`.
    static func close(_ bytes: inout [UInt8], continues: Bool) {
        if continues {
            bytes.append(contentsOf: #","continues":true"#.utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        bytes.append(VarlinkFraming.terminator)
    }

    static func encode(error: VarlinkError) -> [UInt8] {
        if let bytes = try? VarlinkFraming.encode(VarlinkReply(error: error)) {
            return bytes
        }
        // Only reachable with non-finite doubles in the error parameters.
        return (try? VarlinkFraming.encode(VarlinkReply(error: VarlinkError(name: error.name)))) ?? [0]
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// Writes the intermediate replies (`continues: true`) of a streaming call.
/// The final reply is the value the stream handler returns.
public struct VarlinkStreamWriter<Result: Encodable & Sendable>: Sendable {
    let output: VarlinkReplyOutput

    /// Sends one reply with `continues: true` and waits until it was written.
    /// Throws `CancellationError` when the call was cancelled (client gone, server shutting down),
    /// or an error when the connection is closed.
    public func send(_ result: Result) async throws {
        try Task.checkCancellation()
        try await output.send(result: result, continues: true)
    }
}

/// A long answer cut into pieces, each a reply of its own: a call with `more` gets them one
/// after the other (`continues` on all but the last), each written only once the client
/// took the one before, so a listing of any length holds one piece in the server's output;
/// a call without `more` gets a single piece, whole, if it stays within the router's
/// ``VarlinkRouter/maxReplyBytes``, and `ExpectedMore` otherwise.
public struct VarlinkPieces: Sendable {
    /// Items of a list per piece, for a call with `more`: a few hundred KiB of JSON.
    public static let itemsPerPiece = 1000

    public let count: Int
    /// Writes piece `index`'s parameter object (the JSON object itself) after the bytes given.
    let write: @Sendable (_ index: Int, _ bytes: inout [UInt8]) throws -> Void

    /// `count` pieces (at least one) whose parameter objects `write` puts after the bytes it is
    /// given: JSON kept between calls, not encoded again.
    public init(count: Int, writing write: @escaping @Sendable (_ index: Int, _ bytes: inout [UInt8]) throws -> Void) {
        precondition(count >= 1, "an answer is at least one piece")
        self.count = count
        self.write = write
    }

    /// `items` in pieces of ``itemsPerPiece`` for a call with `more`, in one piece otherwise;
    /// `write` writes one piece's parameter object from its items and its index.
    public static func slices<Item: Sendable>(
        _ items: [Item], for context: VarlinkCallContext,
        write: @escaping @Sendable (ArraySlice<Item>, _ index: Int, _ bytes: inout [UInt8]) throws -> Void
    ) -> VarlinkPieces {
        let size = context.more ? itemsPerPiece : max(1, items.count)
        return VarlinkPieces(count: max(1, (items.count + size - 1) / size)) { index, bytes in
            try write(items[min(items.count, index * size)..<min(items.count, (index + 1) * size)], index, &bytes)
        }
    }

    /// The same, `result` making one piece's reply from its items and its index.
    public static func list<Item: Sendable, Result: Encodable & Sendable>(
        _ items: [Item], for context: VarlinkCallContext, result: @escaping @Sendable (ArraySlice<Item>, _ index: Int) -> Result
    ) -> VarlinkPieces {
        slices(items, for: context) { slice, index, bytes in bytes = try StreamingJSONEncoder.encode(result(slice, index), after: bytes) }
    }

    /// Piece `index` as a whole reply.
    func reply(_ index: Int) throws -> [UInt8] {
        var bytes = VarlinkReplyEncoding.parametersPrefix
        try write(index, &bytes)
        VarlinkReplyEncoding.close(&bytes, continues: index < count - 1)
        return bytes
    }
}

/// How the connection should continue after a call.
public enum VarlinkCallOutcome: Sendable, Hashable {
    case keepOpen
    /// Protocol violation, cancellation or a failed write: close the connection.
    case closeConnection
}

/// Maps method names to handlers and implements `org.varlink.service`.
///
/// Built before the server starts (a value type: later changes do not reach a running server).
///
/// Error mapping for a handler's thrown error:
/// - `VarlinkError` → an error reply with its name and parameters;
/// - `CancellationError` while the call's task is cancelled → no reply, connection closed;
/// - anything else → `errorMapper(error, context)` (default: `<interface>.InternalError` without
///   parameters, so interfaces should declare `error InternalError ()`), logged at `warning`.
/// For `oneway` calls no reply is sent in any case.
public struct VarlinkRouter: Sendable {
    public typealias ErrorMapper = @Sendable (any Error, VarlinkCallContext) -> VarlinkError

    struct Route: Sendable {
        let isStream: Bool
        let invoke: @Sendable ([String: JSONValue], VarlinkCallContext, VarlinkReplyOutput) async throws -> Void
        /// The encoded reply when the handler can answer at once, nil when the call needs `invoke`.
        var answerNow: (@Sendable ([String: JSONValue], VarlinkCallContext) throws -> [UInt8]?)? = nil
    }

    struct InterfaceEntry: Sendable {
        let description: String
        let declaredMethods: Set<String>
    }

    public let vendor: String
    public let product: String
    public let version: String
    public let url: String
    /// Maximum array/object nesting accepted in a call.
    public var maxNestingDepth: Int = VarlinkFraming.defaultMaxNestingDepth
    /// Where ``registerBlocking(_:handler:)`` handlers run.
    public let blockingPool: NIOThreadPool
    /// The largest single reply of a method answering in ``VarlinkPieces``: a longer answer
    /// needs `more`. Every other reply is bounded by its method's parameters (a listing's
    /// `limit`) or by what one record holds. Set it before registering the methods.
    public var maxReplyBytes = 16 << 20
    /// Calls answering in pieces with `more` at once, over all connections (see
    /// ``registerPieces(_:handler:)`` and ``registerList(_:key:of:handler:)``): a district's
    /// compliance report is kept as 2 MB while it goes out, so these hold some 32 MB together.
    public static let streamingCalls = 16
    private let streamingSlots = CallSlots(limit: VarlinkRouter.streamingCalls)

    private let errorMapper: ErrorMapper
    private var interfaces: [String: InterfaceEntry] = [:]
    private var routes: [String: Route] = [:]

    public init(
        vendor: String,
        product: String,
        version: String,
        url: String,
        blockingPool: NIOThreadPool = .singleton,
        errorMapper: ErrorMapper? = nil
    ) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        self.blockingPool = blockingPool
        self.errorMapper = errorMapper ?? Self.defaultErrorMapper
        refreshInterfaceNames()
    }

    /// `<interface of the called method>.InternalError`, no parameters.
    public static let defaultErrorMapper: ErrorMapper = { _, context in
        VarlinkError(name: "\(context.interface).InternalError")
    }

    /// Registers an interface's IDL text, served by `GetInterfaceDescription` and listed by `GetInfo`.
    /// Methods the IDL declares but no handler implements answer `MethodNotImplemented`.
    public mutating func addInterface(name: String, description: String) {
        interfaces[name] = InterfaceEntry(description: description, declaredMethods: VarlinkIDL.methodNames(in: description))
        refreshInterfaceNames()
    }

    /// Registers a method with a single reply (also used when called with `more: true`).
    ///
    /// The server runs the handler on the connection's event loop: it must not block (no disk,
    /// no waiting on locks held for long). Handlers that read or write files or a database use
    /// ``registerBlocking(_:handler:)``.
    public mutating func register<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) async throws -> M.Result
    ) {
        routes[M.name] = Route(isStream: false) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            let result = try await handler(decoded, context)
            if !context.oneway {
                try await output.send(result: result, continues: false)
            }
        }
        refreshInterfaceNames()
    }

    /// Registers a method whose handler answers at once from memory (no disk, no lock held
    /// for long): the server calls it on the connection's event loop without starting a task,
    /// which was about half of a small call's work.
    public mutating func registerImmediate<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) throws -> M.Result
    ) {
        register(method, answerNow: handler, otherwise: handler)
    }

    /// Registers a method answered at once when `answerNow` can (as with
    /// ``registerImmediate(_:handler:)``) and by `handler`, in a task, when `answerNow` returns
    /// nil: e.g. a figure kept in memory until the store changes, read from the store otherwise.
    public mutating func register<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        answerNow: @escaping @Sendable (M.Parameters, VarlinkCallContext) throws -> M.Result?,
        otherwise handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) async throws -> M.Result
    ) {
        register(method) { parameters, context in
            if let result = try answerNow(parameters, context) { return result }
            return try await handler(parameters, context)
        }
        routes[M.name]?.answerNow = { parameters, context in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            return try answerNow(decoded, context).map { try VarlinkReplyEncoding.encode(result: $0, continues: false) }
        }
    }

    /// The same for a result that stays equal over many calls (the status, within one
    /// second): an answer equal to the previous one is sent as the bytes encoded for that
    /// one, not encoded again.
    public mutating func register<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        answerNowRepeating answerNow: @escaping @Sendable (M.Parameters, VarlinkCallContext) throws -> M.Result?,
        otherwise handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) async throws -> M.Result
    ) where M.Result: Equatable {
        register(method, answerNow: answerNow, otherwise: handler)
        let last = Mutex<(result: M.Result, reply: [UInt8])?>(nil)
        routes[M.name]?.answerNow = { parameters, context in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            guard let result = try answerNow(decoded, context) else { return nil }
            if let kept = last.withLock({ $0 }), kept.result == result { return kept.reply }
            let reply = try VarlinkReplyEncoding.encode(result: result, continues: false)
            last.withLock { $0 = (result, reply) }
            return reply
        }
    }

    /// Registers a method whose synchronous handler may block (disk, database): it runs on
    /// ``blockingPool`` while the event loop serves other connections.
    public mutating func registerBlocking<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) throws -> M.Result
    ) {
        registerBlocking(method) { parameters, context in
            try VarlinkReplyEncoding.encode(result: handler(parameters, context), continues: false)
        }
    }

    private mutating func registerBlocking<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        reply: @escaping @Sendable (M.Parameters, VarlinkCallContext) throws -> [UInt8]
    ) {
        let pool = blockingPool
        routes[M.name] = Route(isStream: false) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            // Encoded there too: a listing's reply (hundreds of KiB, a week's reminders 1.5 MB)
            // would otherwise hold the event loop, and every connection on it, for milliseconds.
            let encoded = try await pool.runIfActive { try reply(decoded, context) }
            if !context.oneway {
                try await output.send(encoded: encoded)
            }
        }
        refreshInterfaceNames()
    }

    /// Registers a method whose handler waits on something (a database through an async
    /// driver) or computes more than a moment: it runs, and its reply is encoded, on Swift's
    /// global executor, so that the connection's event loop goes on serving the others.
    public mutating func registerAsync<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) async throws -> M.Result
    ) where M.Result: Sendable {
        routes[M.name] = Route(isStream: false) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            let encoded = try await withTaskExecutorPreference(globalConcurrentExecutor) {
                try VarlinkReplyEncoding.encode(result: try await handler(decoded, context), continues: false)
            }
            if !context.oneway {
                try await output.send(encoded: encoded)
            }
        }
        refreshInterfaceNames()
    }

    /// Registers a method whose handler answers in pieces (``VarlinkPieces``), run as
    /// ``registerAsync(_:handler:)`` runs its handler. Without `more`: one reply, and one over
    /// ``maxReplyBytes`` is `ExpectedMore`. With `more`: one reply per piece, each encoded when
    /// its turn comes and written once the client took the one before; the answer is kept
    /// meanwhile, so at most ``streamingCalls`` such calls run at once and the others wait,
    /// holding nothing.
    public mutating func registerPieces<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext) async throws -> VarlinkPieces
    ) {
        let maxReplyBytes = self.maxReplyBytes
        let slots = streamingSlots
        routes[M.name] = Route(isStream: false) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            guard context.more else {
                let reply = try await withTaskExecutorPreference(globalConcurrentExecutor) { () async throws -> [UInt8] in
                    let reply = try await handler(decoded, context).reply(0)
                    guard reply.count <= maxReplyBytes else { throw VarlinkError.expectedMore }
                    return reply
                }
                defer { if reply.count >= FreedMemory.largeBytes { FreedMemory.release() } }
                if !context.oneway { try await output.send(encoded: reply) }
                return
            }
            try await slots.enter()
            defer { slots.leave() }
            try await withTaskExecutorPreference(globalConcurrentExecutor) {
                let pieces = try await handler(decoded, context)
                var sent = 0
                defer { if sent >= FreedMemory.largeBytes { FreedMemory.release() } }
                for index in 0..<pieces.count {
                    let reply = try pieces.reply(index)
                    sent += reply.count
                    try await output.send(encoded: reply, continues: index < pieces.count - 1)
                }
            }
        }
        refreshInterfaceNames()
    }

    /// Registers a method whose result is one list, `{"<key>":[…]}`, which the handler hands
    /// over in pieces as it reads them (`ListEmitter`), so that a long list is never whole in
    /// memory. With `more`, each piece is a reply of its own (`continues`), then an empty
    /// last one, and the call takes one of the ``streamingCalls`` slots; without, the pieces
    /// make the call's one reply, and a list over ``maxReplyBytes`` is `ExpectedMore` (the
    /// reading stops there).
    public mutating func registerList<M: VarlinkBoundedMethod, Element: Encodable & Sendable>(
        _ method: M.Type, key: String, of element: Element.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext, ListEmitter<Element>) async throws -> Void
    ) {
        let open = Array(#"{"parameters":{"#.utf8) + Array(try! StreamingJSONEncoder.encode(key)) + Array(":[".utf8)
        let maxReplyBytes = self.maxReplyBytes
        let slots = streamingSlots
        routes[M.name] = Route(isStream: false) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            guard !context.oneway else {
                try await withTaskExecutorPreference(globalConcurrentExecutor) {
                    try await handler(decoded, context, ListEmitter { _ in })
                }
                return
            }
            guard context.more else {
                let reply = try await withTaskExecutorPreference(globalConcurrentExecutor) { () async throws -> [UInt8] in
                    let reply = Mutex(open)
                    // `elements`: the piece's elements' JSON objects, comma-separated, not empty.
                    try await handler(decoded, context, ListEmitter { elements in
                        try reply.withLock { reply throws(VarlinkError) in
                            if reply.count > open.count { reply.append(UInt8(ascii: ",")) }
                            reply.append(contentsOf: elements)
                            guard reply.count <= maxReplyBytes else { throw VarlinkError.expectedMore }
                        }
                    })
                    return reply.withLock { reply in
                        reply.append(contentsOf: "]}".utf8)
                        VarlinkReplyEncoding.close(&reply, continues: false)
                        return reply
                    }
                }
                defer { if reply.count >= FreedMemory.largeBytes { FreedMemory.release() } }
                try await output.send(encoded: reply)
                return
            }
            try await slots.enter()
            defer { slots.leave() }
            let sent = Mutex(0)
            defer { if sent.withLock({ $0 }) >= FreedMemory.largeBytes { FreedMemory.release() } }
            try await withTaskExecutorPreference(globalConcurrentExecutor) {
                try await handler(decoded, context, ListEmitter { elements in
                    var bytes = open
                    bytes.append(contentsOf: elements)
                    bytes.append(contentsOf: "]}".utf8)
                    VarlinkReplyEncoding.close(&bytes, continues: true)
                    sent.withLock { $0 += bytes.count }
                    try await output.send(encoded: bytes, continues: true)
                })
            }
            var last = open
            last.append(contentsOf: "]}".utf8)
            VarlinkReplyEncoding.close(&last, continues: false)
            try await output.send(encoded: last)
        }
        refreshInterfaceNames()
    }

    /// Registers a method that requires `more: true` (otherwise → `ExpectedMore`).
    ///
    /// The handler sends intermediate replies through the writer (`continues: true`); the value it
    /// returns is sent as the last reply (without `continues`). A thrown error ends the stream with
    /// an error reply.
    public mutating func registerStream<M: VarlinkBoundedMethod>(
        _ method: M.Type,
        handler: @escaping @Sendable (M.Parameters, VarlinkCallContext, VarlinkStreamWriter<M.Result>) async throws -> M.Result
    ) {
        routes[M.name] = Route(isStream: true) { parameters, context, output in
            let decoded = try VarlinkParameters.decode(parametersOf: M.self, from: parameters)
            let result = try await handler(decoded, context, VarlinkStreamWriter(output: output))
            try await output.send(result: result, continues: false)
        }
        refreshInterfaceNames()
    }

    /// Interfaces listed by `GetInfo`: `org.varlink.service`, every added interface and every
    /// interface with a registered method. Kept up to date by each registration rather than
    /// computed by each `GetInfo` call, where it was a fifth of the call's time.
    public private(set) var interfaceNames = [VarlinkService.interfaceName]
    /// `GetInfo`'s reply encoded once (nil if that failed: then each call encodes it): the
    /// same bytes answer every call, and encoding was a third of its work.
    private var infoReply: [UInt8]? = nil

    private var info: VarlinkService.GetInfo.Result {
        VarlinkService.GetInfo.Result(vendor: vendor, product: product, version: version, url: url, interfaces: interfaceNames)
    }

    private mutating func refreshInterfaceNames() {
        var names = Set(interfaces.keys)
        for method in routes.keys {
            names.insert(VarlinkCall.split(method).interface)
        }
        names.remove(VarlinkService.interfaceName)
        interfaceNames = [VarlinkService.interfaceName] + names.sorted()
        infoReply = try? VarlinkReplyEncoding.encode(result: info, continues: false)
    }

    /// Handles one frame (terminator excluded): decodes, routes, runs the handler, writes replies.
    public func handle(
        frame: ByteBuffer,
        peer: PeerCredentials,
        logger: Logger,
        output: VarlinkReplyOutput
    ) async -> VarlinkCallOutcome {
        switch decode(frame, logger: logger) {
        case .success(let call):
            return await handle(call: call, peer: peer, logger: logger, output: output)
        case .failure(let error):
            try? await output.send(error: error)
            return .closeConnection
        }
    }

    /// What ``answerNow(frame:peer:logger:)`` leaves to do.
    enum ImmediateOutcome {
        /// Answered: write `reply` (nil: nothing to write, a oneway call), then go on as `outcome` says.
        case answered(reply: [UInt8]?, outcome: VarlinkCallOutcome)
        /// The call needs a task: ``handle(call:peer:logger:output:)``.
        case needsTask(VarlinkCall)
    }

    /// Answers a frame without a task when it can: a malformed or misrouted call, or a method
    /// registered with an immediate answer that has one now. Same replies and outcomes as
    /// ``handle(frame:peer:logger:output:)``.
    func answerNow(frame: ByteBuffer, peer: PeerCredentials, logger: Logger) -> ImmediateOutcome {
        let call: VarlinkCall
        switch decode(frame, logger: logger) {
        case .success(let decoded): call = decoded
        case .failure(let error): return .answered(reply: VarlinkReplyEncoding.encode(error: error), outcome: .closeConnection)
        }
        if call.hasConflictingFlags {
            return .answered(reply: VarlinkReplyEncoding.encode(error: Self.conflictingFlagsError(call)), outcome: .closeConnection)
        }
        let context = VarlinkCallContext(peer: peer, method: call.method, more: call.more, oneway: call.oneway, logger: logger)
        do {
            guard let answer = try resolve(call).answerNow, let reply = try answer(call.parameters, context) else {
                return .needsTask(call)
            }
            return .answered(reply: context.oneway ? nil : reply, outcome: .keepOpen)
        } catch {
            let refusal = errorReply(for: error, context: context)
            guard !context.oneway else {
                logOnewayFailure(refusal, context: context)
                return .answered(reply: nil, outcome: .keepOpen)
            }
            return .answered(reply: VarlinkReplyEncoding.encode(error: refusal), outcome: .keepOpen)
        }
    }

    private func decode(_ frame: ByteBuffer, logger: Logger) -> Result<VarlinkCall, VarlinkError> {
        let maxNestingDepth = self.maxNestingDepth
        let decoded: Result<VarlinkCall, VarlinkError> = frame.withUnsafeReadableBytes { bytes in
            do throws(VarlinkError) {
                return .success(try VarlinkFraming.decodeCall(bytes, maxNestingDepth: maxNestingDepth))
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = decoded {
            logger.notice("Closing connection after an invalid message", metadata: ["varlink.error": "\(error)"])
        }
        return decoded
    }

    private static func conflictingFlagsError(_ call: VarlinkCall) -> VarlinkError {
        .invalidParameter(call.upgrade ? "upgrade" : "more")
    }

    /// Handles one decoded call.
    public func handle(
        call: VarlinkCall,
        peer: PeerCredentials,
        logger: Logger,
        output: VarlinkReplyOutput
    ) async -> VarlinkCallOutcome {
        if call.hasConflictingFlags {
            try? await output.send(error: Self.conflictingFlagsError(call))
            return .closeConnection
        }
        let context = VarlinkCallContext(
            peer: peer,
            method: call.method,
            more: call.more,
            oneway: call.oneway,
            logger: logger
        )
        do {
            let route = try resolve(call)
            output.callStarted(context)
            try await route.invoke(call.parameters, context, output)
            return .keepOpen
        } catch is ReplyWriteFailed {
            return .closeConnection
        } catch is CancellationError where Task.isCancelled {
            logger.debug("Call cancelled", metadata: ["varlink.method": "\(call.method)"])
            return .closeConnection
        } catch {
            return await reply(errorReply(for: error, context: context), for: context, output: output)
        }
    }

    /// The error reply a handler's thrown error becomes (see the type's error mapping).
    private func errorReply(for error: any Error, context: VarlinkCallContext) -> VarlinkError {
        if let error = error as? VarlinkError { return error }
        let mapped = errorMapper(error, context)
        context.logger.warning(
            "Method failed with an unexpected error",
            metadata: ["varlink.method": "\(context.method)", "error": "\(error)", "varlink.error": "\(mapped.name)"]
        )
        return mapped
    }

    private func reply(_ error: VarlinkError, for context: VarlinkCallContext, output: VarlinkReplyOutput) async -> VarlinkCallOutcome {
        if context.oneway {
            logOnewayFailure(error, context: context)
            return .keepOpen
        }
        do {
            try await output.send(error: error)
            return .keepOpen
        } catch {
            return .closeConnection
        }
    }

    /// A oneway call's error has no reply to go to: it is only logged.
    private func logOnewayFailure(_ error: VarlinkError, context: VarlinkCallContext) {
        context.logger.debug("Oneway call failed", metadata: ["varlink.method": "\(context.method)", "varlink.error": "\(error)"])
    }

    private func resolve(_ call: VarlinkCall) throws(VarlinkError) -> Route {
        if call.upgrade {
            throw .invalidParameter("upgrade")
        }
        let (interface, member) = VarlinkCall.split(call.method)
        guard !interface.isEmpty, !member.isEmpty else {
            throw .invalidParameter("method")
        }
        let route: Route
        if let registered = routes[call.method] {
            route = registered
        } else if let builtin = builtinRoute(for: call.method) {
            route = builtin
        } else if interface == VarlinkService.interfaceName {
            throw .methodNotFound(call.method)
        } else if let entry = interfaces[interface] {
            throw entry.declaredMethods.contains(member) ? .methodNotImplemented(call.method) : .methodNotFound(call.method)
        } else if routes.keys.contains(where: { VarlinkCall.split($0).interface == interface }) {
            throw .methodNotFound(call.method)
        } else {
            throw .interfaceNotFound(interface)
        }
        if route.isStream && !call.more {
            throw .expectedMore
        }
        return route
    }

    /// `org.varlink.service`'s own methods, answered at once from memory.
    private func builtinRoute(for method: String) -> Route? {
        let answer: @Sendable ([String: JSONValue]) throws -> any Encodable & Sendable
        /// The reply's bytes when they are the same for every call.
        var encoded: [UInt8]? = nil
        switch method {
        case VarlinkService.GetInfo.name:
            let info = self.info
            answer = { parameters in
                _ = try VarlinkParameters.decode(parametersOf: VarlinkService.GetInfo.self, from: parameters)
                return info
            }
            encoded = infoReply
        case VarlinkService.GetInterfaceDescription.name:
            let interfaces = self.interfaces
            answer = { parameters in
                let request = try VarlinkParameters.decode(parametersOf: VarlinkService.GetInterfaceDescription.self, from: parameters)
                if request.interface == VarlinkService.interfaceName {
                    return VarlinkService.GetInterfaceDescription.Result(description: VarlinkService.interfaceDescription)
                }
                guard let entry = interfaces[request.interface] else { throw VarlinkError.interfaceNotFound(request.interface) }
                return VarlinkService.GetInterfaceDescription.Result(description: entry.description)
            }
        default:
            return nil
        }
        return Route(
            isStream: false,
            invoke: { parameters, context, output in
                let result = try answer(parameters)
                if !context.oneway {
                    try await output.send(result: result, continues: false)
                }
            },
            answerNow: { [encoded] parameters, _ in
                let result = try answer(parameters)
                return try encoded ?? VarlinkReplyEncoding.encode(result: result, continues: false)
            }
        )
    }
}

/// Where a list method's handler hands its list, a piece at a time (see
/// ``VarlinkRouter/registerList(_:key:of:handler:)``): as elements, or as their JSON objects
/// encoded already (kept from an earlier answer).
public struct ListEmitter<Element: Encodable & Sendable>: Sendable {
    let send: @Sendable ([UInt8]) async throws -> Void

    init(send: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.send = send
    }

    /// Sends the elements; an empty piece sends nothing.
    public func callAsFunction(_ elements: [Element]) async throws {
        guard !elements.isEmpty else { return }
        let array = try StreamingJSONEncoder.encode(elements)
        try await send(Array(array[1..<(array.count - 1)]))
    }

    /// Sends elements given as their JSON objects, each as ``StreamingJSONEncoder`` writes it.
    public func encoded(_ objects: some Collection<[UInt8]>) async throws {
        guard !objects.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(objects.reduce(0) { $0 + $1.count + 1 })
        for object in objects {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: object)
        }
        try await send(bytes)
    }
}
