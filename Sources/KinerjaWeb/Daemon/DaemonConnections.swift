import KinerjaRPC
import NIOPosix
import Synchronization

/// kinerjad's read methods for the web server: a few connections of the project's blocking
/// Varlink client (`VarlinkClient`), each call run on a thread of a small pool, off
/// Hummingbird's event loops.
///
/// Blocking clients on a thread pool rather than an asynchronous NIO client: the blocking
/// client is the one the CLI and the tests already exercise (framing, timeouts, its own
/// direct JSON readers for listings), a call is tens of microseconds on a Unix socket, and
/// Varlink answers in call order on one connection, so concurrent calls need one connection
/// each anyway: a pool of `threads` connections is the concurrency a pool of threads gives.
/// A connection that failed (daemon restarted, timed out) is dropped and the next call
/// connects anew.
public final class DaemonConnections: Sendable {
    public let socketPath: String
    let timeout: Duration
    private let pool: NIOThreadPool
    private let idle = Mutex<[SendableClient]>([])

    /// Not Sendable by itself; handed from thread to thread through `idle`, used by one at a time.
    private struct SendableClient: @unchecked Sendable {
        let client: VarlinkClient
    }

    public init(socketPath: String, threads: Int = 4, timeout: Duration = .seconds(30)) {
        self.socketPath = socketPath
        self.timeout = timeout
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Stops the threads; calls after it fail.
    public func shutdown() async throws {
        try await pool.shutdownGracefully()
        idle.withLock { $0.removeAll() }
    }

    /// Calls `M` on an idle connection (or a new one) on the pool's threads, and returns its
    /// whole answer: a listing joined from the pieces kinerjad sends when asked with `more`
    /// (`VarlinkClient.callWhole`), since without it a country's listing is refused.
    public func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) async throws -> M.Result {
        try await pool.runIfActive { [self] in
            let client = try idle.withLock { $0.popLast() }?.client ?? VarlinkClient(path: socketPath, timeout: timeout)
            do {
                let result = try client.callWhole(method, parameters)
                idle.withLock { $0.append(SendableClient(client: client)) }
                return result
            } catch VarlinkClientError.remote(let error) {
                // An error reply leaves the connection in step: keep it.
                idle.withLock { $0.append(SendableClient(client: client)) }
                throw DaemonError.refused(error)
            } catch let error as VarlinkClientError {
                client.close()
                throw DaemonError.unreachable("\(error)")
            }
        }
    }

    public func call<M: VarlinkMethod>(_ method: M.Type) async throws -> M.Result where M.Parameters == LanguageParameters {
        try await call(method, LanguageParameters())
    }
}

/// Why a read of kinerjad failed.
public enum DaemonError: Error, Sendable {
    /// kinerjad answered with a named error (no such person, no rules for a cycle, ...).
    case refused(VarlinkError)
    /// Not reachable, or the connection broke: the page says the daemon is down.
    case unreachable(String)
}
