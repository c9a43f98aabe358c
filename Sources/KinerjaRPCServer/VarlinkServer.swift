#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KinerjaRPC
import Logging
import NIOCore
import NIOPosix
import Synchronization

public enum VarlinkServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A live server answers on the socket path.
    case alreadyListening(path: String)
    /// Something that is not a socket exists at the path; it is left alone.
    case notASocket(path: String)
    /// Binding, probing or chmod failed.
    case bindFailed(path: String, reason: String)
    /// The server is not in a state that allows the operation (e.g. `run()` before `bind`).
    case invalidState(String)
    /// The listening socket closed without a shutdown request.
    case listenerClosedUnexpectedly

    public var description: String {
        switch self {
        case .alreadyListening(let path): "another server is listening on \(path)"
        case .notASocket(let path): "\(path) exists and is not a socket; refusing to replace it"
        case .bindFailed(let path, let reason): "cannot listen on \(path): \(reason)"
        case .invalidState(let message): message
        case .listenerClosedUnexpectedly: "the listening socket was closed unexpectedly"
        }
    }
}

/// A Varlink server on SwiftNIO, listening on a Unix socket path or an inherited listening socket.
///
/// Usage: `let server = VarlinkServer(router: router, logger: logger)`, then
/// `try await server.bind(path:mode:)` (or `adopt(listeningSocket:)` for socket activation) —
/// connections are accepted from then on — and `try await server.run()`, which returns after a
/// graceful shutdown once its task is cancelled (or ``shutdown()`` was called).
///
/// Shutdown: stop accepting and remove the socket file (if this server created it); connections
/// finish their running call and close (queued pipelined calls are dropped; streaming (`more`)
/// calls are cancelled right away since they are usually open-ended subscriptions); after
/// ``Configuration/shutdownGracePeriod`` the remaining connections are closed and their calls cancelled.
public final class VarlinkServer: Sendable {
    public struct Configuration: Sendable {
        /// Close connections that send no complete message for this long while no call runs.
        /// `nil` disables the timeout.
        public var idleTimeout: Duration?
        /// Further connections are closed immediately after accept.
        public var maxConnections: Int
        /// Largest accepted message, terminator excluded.
        public var maxFrameSize: Int
        /// Per connection: stop reading from the socket while this many calls wait.
        public var maxQueuedCallsPerConnection: Int
        /// Replies written but not yet taken by their clients, over all connections, in bytes.
        /// Each connection holds at most one (its next call waits for the client to take it);
        /// a reply that would go over this drops its connection. The default, 64 MiB, is four
        /// of the largest single reply the daemon sends (16 MiB), sixty of a district's whole
        /// people list, and far above what clients that read ever leave waiting.
        public var maxBufferedOutput: Int
        /// How long running calls may take to finish on shutdown.
        public var shutdownGracePeriod: Duration
        /// `listen()` backlog.
        public var backlog: Int32

        public init(
            idleTimeout: Duration? = .seconds(60),
            maxConnections: Int = 1024,
            maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize,
            maxQueuedCallsPerConnection: Int = 64,
            maxBufferedOutput: Int = 64 << 20,
            shutdownGracePeriod: Duration = .seconds(5),
            backlog: Int32 = 256
        ) {
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.maxFrameSize = maxFrameSize
            self.maxQueuedCallsPerConnection = maxQueuedCallsPerConnection
            self.maxBufferedOutput = maxBufferedOutput
            self.shutdownGracePeriod = shutdownGracePeriod
            self.backlog = backlog
        }
    }

    private enum Phase {
        case idle
        case binding
        case listening(any Channel)
        case shuttingDown
        case stopped
    }

    private struct State {
        var phase: Phase = .idle
        var socketPath: String?
        var socketIdentity: (device: UInt64, inode: UInt64)?
        var localAddress: SocketAddress?
        var shutdownTask: Task<Void, Never>?
    }

    public let configuration: Configuration
    private let router: VarlinkRouter
    private let group: any EventLoopGroup
    private let logger: Logger
    private let tracker: ConnectionTracker
    private let outputBudget: OutputBudget
    private let state = Mutex(State())

    /// - Parameters:
    ///   - eventLoopGroup: not shut down by the server.
    public init(
        router: VarlinkRouter,
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.router = router
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        self.tracker = ConnectionTracker(maxConnections: configuration.maxConnections)
        self.outputBudget = OutputBudget(limit: configuration.maxBufferedOutput)
    }

    /// Address of the listening socket, once bound.
    public var localAddress: SocketAddress? {
        state.withLock { $0.localAddress }
    }

    /// Path given to ``bind(path:mode:)``, once bound (`nil` for an adopted socket).
    public var socketPath: String? {
        state.withLock { $0.socketPath }
    }

    /// Number of open connections.
    public var connectionCount: Int {
        tracker.count
    }

    // MARK: Binding

    /// Listens on a Unix socket at `path`.
    ///
    /// An existing socket file is replaced only if nothing answers on it; if a connection to it
    /// succeeds, this throws ``VarlinkServerError/alreadyListening(path:)``. A non-socket file is
    /// never removed. The socket is `chmod`ed to `mode` (if given) right after binding; put it in
    /// a directory with restrictive permissions if the short window matters.
    public func bind(path: String, mode: UInt32? = 0o660) async throws {
        try beginBinding()
        do {
            try Self.removeStaleSocket(at: path)
            let channel: any Channel
            do {
                channel = try await makeBootstrap()
                    .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false)
                    .get()
            } catch {
                throw VarlinkServerError.bindFailed(path: path, reason: "\(error)")
            }
            if let mode, chmod(path, mode_t(mode)) != 0 {
                let reason = String(cString: strerror(errno))
                try? await channel.close().get()
                _ = unlink(path)
                throw VarlinkServerError.bindFailed(path: path, reason: "chmod failed: \(reason)")
            }
            var info = stat()
            let identity: (UInt64, UInt64)? = stat(path, &info) == 0 ? (UInt64(info.st_dev), UInt64(info.st_ino)) : nil
            state.withLock {
                $0.phase = .listening(channel)
                $0.socketPath = path
                $0.socketIdentity = identity
                $0.localAddress = channel.localAddress
            }
            logger.info("Varlink server listening", metadata: ["varlink.socket": "\(path)"])
        } catch {
            state.withLock { $0.phase = .idle }
            throw error
        }
    }

    /// Serves an already bound and listening stream socket (systemd socket activation).
    /// The server takes ownership of `fd`.
    public func adopt(listeningSocket fd: Int32) async throws {
        try beginBinding()
        do {
            let channel = try await makeBootstrap().withBoundSocket(fd).get()
            state.withLock {
                $0.phase = .listening(channel)
                $0.localAddress = channel.localAddress
            }
            logger.info("Varlink server listening on an inherited socket", metadata: ["varlink.fd": "\(fd)"])
        } catch {
            state.withLock { $0.phase = .idle }
            throw error
        }
    }

    private func beginBinding() throws {
        try state.withLock { state in
            guard case .idle = state.phase else {
                throw VarlinkServerError.invalidState("the server is already bound or was shut down")
            }
            state.phase = .binding
        }
    }

    private func makeBootstrap() -> ServerBootstrap {
        let tracker = self.tracker
        let router = self.router
        let logger = self.logger
        let frameSize = configuration.maxFrameSize
        let handlerConfiguration = VarlinkConnectionHandler.Configuration(
            idleTimeout: configuration.idleTimeout.map { TimeAmount($0) },
            maxQueuedCalls: max(1, configuration.maxQueuedCallsPerConnection),
            outputBudget: outputBudget
        )
        return ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: configuration.backlog)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                guard let connectionID = tracker.admit(channel) else {
                    if let refused = tracker.refusalToReport() {
                        logger.warning(
                            "Refusing connections: connection limit reached or shutting down",
                            metadata: ["varlink.refused": "\(refused)", "varlink.limit": "\(tracker.maxConnections)"])
                    }
                    channel.close(promise: nil)
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                channel.closeFuture.whenComplete { _ in tracker.remove(channel) }
                return PeerCredentials.read(from: channel).flatMapThrowing { peer in
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "varlink.connection"] = "\(connectionID)"
                    if peer.isKnown {
                        connectionLogger[metadataKey: "varlink.peer.uid"] = "\(peer.uid)"
                        connectionLogger[metadataKey: "varlink.peer.pid"] = "\(peer.pid)"
                    }
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maxFrameSize: frameSize)))
                    try operations.addHandler(
                        VarlinkConnectionHandler(
                            router: router,
                            peer: peer,
                            configuration: handlerConfiguration,
                            logger: connectionLogger
                        )
                    )
                }
            }
    }

    // MARK: Running

    /// Serves until the calling task is cancelled or ``shutdown()`` is called, then shuts down
    /// gracefully and returns. Throws if not bound, or if the listening socket closed by itself.
    public func run() async throws {
        let listener: (any Channel)? = state.withLock { state in
            if case .listening(let channel) = state.phase { return channel }
            return nil
        }
        guard let listener else {
            throw VarlinkServerError.invalidState("run() requires a successful bind(path:mode:) or adopt(listeningSocket:)")
        }
        await withTaskCancellationHandler {
            try? await listener.closeFuture.get()
        } onCancel: {
            listener.close(promise: nil)
        }
        let requested = Task.isCancelled || state.withLock { $0.shutdownTask != nil }
        await shutdown()
        if !requested {
            throw VarlinkServerError.listenerClosedUnexpectedly
        }
    }

    /// Gracefully shuts the server down (idempotent); returns when all connections are closed.
    public func shutdown() async {
        let task = state.withLock { state -> Task<Void, Never> in
            if let task = state.shutdownTask { return task }
            let task = Task { await self.performShutdown() }
            state.shutdownTask = task
            return task
        }
        await task.value
    }

    private func performShutdown() async {
        let (listener, path, identity) = state.withLock { state -> ((any Channel)?, String?, (UInt64, UInt64)?) in
            var listener: (any Channel)?
            if case .listening(let channel) = state.phase { listener = channel }
            state.phase = .shuttingDown
            return (listener, state.socketPath, state.socketIdentity)
        }
        if let listener {
            try? await listener.close().get()
        }
        if let path, let identity {
            var info = stat()
            if stat(path, &info) == 0, UInt64(info.st_dev) == identity.0, UInt64(info.st_ino) == identity.1 {
                _ = unlink(path)
            }
        }

        let connections = tracker.stopAccepting()
        if !connections.isEmpty {
            logger.debug("Draining connections", metadata: ["varlink.connections": "\(connections.count)"])
            for channel in connections {
                channel.eventLoop.execute {
                    channel.pipeline.syncOperations.fireUserInboundEventTriggered(VarlinkConnectionHandler.DrainRequest())
                }
            }
            let loop = group.any()
            let drained = loop.makePromise(of: Void.self)
            EventLoopFuture.andAllComplete(connections.map(\.closeFuture), on: loop).cascade(to: drained)
            let timer = loop.scheduleTask(in: TimeAmount(configuration.shutdownGracePeriod)) {
                drained.succeed()
            }
            try? await drained.futureResult.get()
            timer.cancel()

            let remaining = tracker.all()
            if !remaining.isEmpty {
                logger.notice("Closing connections whose calls did not finish in time", metadata: ["varlink.connections": "\(remaining.count)"])
                for channel in remaining {
                    channel.close(promise: nil)
                }
                try? await EventLoopFuture.andAllComplete(remaining.map(\.closeFuture), on: loop).get()
            }
        }
        state.withLock { $0.phase = .stopped }
        logger.info("Varlink server stopped")
    }

    // MARK: Stale sockets

    static func removeStaleSocket(at path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return }
            throw VarlinkServerError.bindFailed(path: path, reason: String(cString: strerror(code)))
        }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw VarlinkServerError.notASocket(path: path)
        }
        switch try probe(path: path) {
        case .listening:
            throw VarlinkServerError.alreadyListening(path: path)
        case .refused:
            if unlink(path) != 0 && errno != ENOENT {
                throw VarlinkServerError.bindFailed(path: path, reason: "cannot remove stale socket: \(String(cString: strerror(errno)))")
            }
        case .gone:
            return
        }
    }

    private enum ProbeResult { case listening, refused, gone }

    /// Non-blocking connect: success or a full backlog means someone is listening.
    private static func probe(path: String) throws -> ProbeResult {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw VarlinkServerError.bindFailed(path: path, reason: "socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else {
            throw VarlinkServerError.bindFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { _ = close(fd) }
        while true {
            let result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            if result == 0 { return .listening }
            switch errno {
            case EINTR: continue
            case EAGAIN, EINPROGRESS: return .listening
            case ECONNREFUSED: return .refused
            case ENOENT: return .gone
            case let code:
                throw VarlinkServerError.bindFailed(path: path, reason: "cannot probe existing socket: \(String(cString: strerror(code)))")
            }
        }
    }
}

/// Open connections, for the connection limit and for shutdown.
final class ConnectionTracker: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: any Channel] = [:]
        var accepting = true
        var nextID: UInt64 = 0
        /// Connections refused since the last report, and when that was.
        var refused = 0
        var reported: ContinuousClock.Instant?
    }

    /// Refusals are reported at most this often: a flood of clients must not flood the journal.
    static let refusalReportInterval: Duration = .seconds(10)

    let maxConnections: Int
    private let state = Mutex(State())

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// Registers `channel`; `nil` if the limit is reached or the server is shutting down.
    func admit(_ channel: any Channel) -> UInt64? {
        state.withLock { state in
            guard state.accepting, state.connections.count < maxConnections else { return nil }
            state.nextID += 1
            state.connections[ObjectIdentifier(channel)] = channel
            return state.nextID
        }
    }

    /// Counts a refused connection; the number refused since the last report when one is due.
    func refusalToReport() -> Int? {
        state.withLock { state in
            state.refused += 1
            let now = ContinuousClock.now
            if let last = state.reported, now - last < Self.refusalReportInterval { return nil }
            defer { state.refused = 0 }
            state.reported = now
            return state.refused
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func stopAccepting() -> [any Channel] {
        state.withLock { state in
            state.accepting = false
            return Array(state.connections.values)
        }
    }

    func all() -> [any Channel] {
        state.withLock { Array($0.connections.values) }
    }

    var count: Int {
        state.withLock { $0.connections.count }
    }
}
