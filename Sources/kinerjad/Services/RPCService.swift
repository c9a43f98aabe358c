import KinerjaRPCServer
import Logging
import ServiceLifecycle

/// Serves the Varlink socket until graceful shutdown, then lets in-flight calls finish
/// (within the server's grace period) and returns. The socket is bound before the service
/// group starts, so that READY=1 means clients can connect.
struct RPCService: Service {
    let server: VarlinkServer

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await server.run()
        }
    }
}
