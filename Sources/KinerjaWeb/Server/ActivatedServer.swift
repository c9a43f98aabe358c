import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The dashboard on a listening socket systemd passed (kinerja-web.socket): Hummingbird's
/// HTTP/1 channel and the router's responder, on a socket adopted rather than bound, which
/// Hummingbird's `Application` cannot do (its server binds an address or a path itself).
/// Each connection is served as `Application` serves one; on graceful shutdown the listener
/// closes and open connections finish their request.
public struct ActivatedServer: Service {
    let fd: CInt
    let responder: RouterResponder<WebContext>
    let logger: Logger
    let idleTimeout: TimeAmount

    public init(fd: CInt, router: Router<WebContext>, logger: Logger, idleTimeout: TimeAmount = .seconds(60)) {
        self.fd = fd
        responder = router.buildResponder()
        self.logger = logger
        self.idleTimeout = idleTimeout
    }

    public func run() async throws {
        let responder = self.responder, logger = self.logger
        let http = HTTP1Channel(
            responder: { request, writer, channel in
                let context = WebContext(source: .init(channel: channel, logger: logger))
                let response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch {
                    logger.error("request failed", metadata: ["error": "\(error)"])
                    response = Response(status: .internalServerError)
                }
                try await writer.write(response: response.head, body: response.body)
            },
            configuration: .init(idleTimeout: idleTimeout))
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(fd, cleanupExistingSocketFile: false) { channel in http.setup(channel: channel, logger: logger) }
        try await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await listener.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask { await http.handle(value: connection, logger: logger) }
                        }
                    }
                } catch {
                    logger.error("accepting connections failed: \(error)")
                }
            }
        } onGracefulShutdown: {
            listener.channel.close(promise: nil)
        }
    }
}
