import Foundation
import KinerjaSampleData
import KinerjaRPC
@testable import KinerjaRPCServer
import Logging
import NIOCore
import Synchronization

// MARK: - Sample interface

enum TestInterface {
    static let name = "id.kinerja.Test"

    static let description = """
        # A test interface.
        interface id.kinerja.Test

        # Echoes a message.
        method Ping(message: string, times: ?int) -> (pong: string)

        # Counts from 1 up to a number, one reply per number.
        method Count(upTo: int) -> (value: int)

        # Sleeps, then answers.
        method Slow(milliseconds: int, tag: string) -> (tag: string)

        # Always fails with NotFound.
        method Fail(name: string) -> ()

        # Fails with an unexpected error.
        method Boom() -> ()

        # Declared, never implemented.
        method Unimplemented() -> ()

        # Remembers a value (used with oneway).
        method Remember(value: string) -> ()

        # Something was not found.
        error NotFound (name: string)

        # An unexpected failure.
        error InternalError ()

        """

    enum Ping: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Ping"
        static let bounds = ParameterBounds(["message": .text(maxBytes: 4 << 20), "times": .integer(0...1000)])
        struct Parameters: Codable, Sendable, Equatable {
            var message: String
            var times: Int?
        }
        struct Result: Codable, Sendable, Equatable {
            var pong: String
        }
    }

    enum Count: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Count"
        static let bounds = ParameterBounds(["upTo": .integer(0...Int64(Int32.max))])
        struct Parameters: Codable, Sendable { var upTo: Int }
        struct Result: Codable, Sendable, Equatable { var value: Int }
    }

    enum Slow: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Slow"
        static let bounds = ParameterBounds(["milliseconds": .integer(0...600_000), "tag": .text(maxBytes: 64)])
        struct Parameters: Codable, Sendable { var milliseconds: Int; var tag: String }
        struct Result: Codable, Sendable, Equatable { var tag: String }
    }

    enum Fail: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Fail"
        static let bounds = ParameterBounds(["name": .text(maxBytes: 64)])
        struct Parameters: Codable, Sendable { var name: String }
        typealias Result = Empty
    }

    enum Boom: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Boom"
        static let bounds = ParameterBounds.none
        typealias Parameters = Empty
        typealias Result = Empty
    }

    enum Remember: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Remember"
        static let bounds = ParameterBounds(["value": .text(maxBytes: 4 << 20)])
        struct Parameters: Codable, Sendable { var value: String }
        typealias Result = Empty
    }

    struct Unexpected: Error {}

    /// Values received by `Remember`.
    final class Memory: Sendable {
        let values = Mutex<[String]>([])
        var snapshot: [String] { values.withLock { $0 } }
    }

    static func makeRouter(
        memory: Memory = Memory(),
        errorMapper: VarlinkRouter.ErrorMapper? = nil
    ) -> VarlinkRouter {
        var router = VarlinkRouter(
            vendor: "Kinerja",
            product: "kinerja-test",
            version: "1.2.3",
            url: "https://example.invalid/kinerja",
            errorMapper: errorMapper
        )
        router.addInterface(name: name, description: description)
        router.registerImmediate(Ping.self) { parameters, _ in
            Ping.Result(pong: String(repeating: parameters.message, count: parameters.times ?? 1))
        }
        router.registerStream(Count.self) { parameters, _, writer in
            guard parameters.upTo >= 1 else { return Count.Result(value: 0) }
            for value in 1..<parameters.upTo {
                try await writer.send(Count.Result(value: value))
            }
            return Count.Result(value: parameters.upTo)
        }
        router.register(Slow.self) { parameters, _ in
            try await Task.sleep(for: .milliseconds(parameters.milliseconds))
            return Slow.Result(tag: parameters.tag)
        }
        router.registerImmediate(Fail.self) { parameters, _ in
            throw VarlinkError(name: "id.kinerja.Test.NotFound", parameters: ["name": .string(parameters.name)])
        }
        router.registerImmediate(Boom.self) { _, _ in
            throw Unexpected()
        }
        router.registerImmediate(Remember.self) { parameters, _ in
            memory.values.withLock { $0.append(parameters.value) }
            return Empty()
        }
        return router
    }
}

// MARK: - Helpers

let quietLogger = Logger(label: "kinerja.varlink.test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Collects the replies a router writes.
final class ReplyCollector: Sendable {
    private let buffers = Mutex<[ByteBuffer]>([])

    var output: VarlinkReplyOutput {
        VarlinkReplyOutput(write: { buffer in self.buffers.withLock { $0.append(buffer) } })
    }

    var rawReplies: [ByteBuffer] { buffers.withLock { $0 } }

    var replies: [VarlinkReply] {
        get throws { try rawReplies.map(decodeReply) }
    }
}

/// Decodes one reply frame (must end with exactly one NUL).
func decodeReply(_ buffer: ByteBuffer) throws -> VarlinkReply {
    var bytes = Array(buffer.readableBytesView)
    guard bytes.last == 0 else { throw TestFailure("reply does not end with NUL") }
    bytes.removeLast()
    guard !bytes.contains(0) else { throw TestFailure("reply contains a NUL") }
    return try JSONDecoder().decode(VarlinkReply.self, from: Data(bytes))
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One call frame (JSON + NUL) as bytes.
func frame(_ json: String) -> [UInt8] {
    Array(json.utf8) + [0]
}

/// Runs `router.handle` on one frame (given without terminator) and returns the replies.
func handle(_ router: VarlinkRouter, _ json: String) async throws -> (replies: [VarlinkReply], outcome: VarlinkCallOutcome) {
    let collector = ReplyCollector()
    let outcome = await router.handle(
        frame: ByteBuffer(string: json),
        peer: .unknown,
        logger: quietLogger,
        output: collector.output
    )
    return (try collector.replies, outcome)
}

/// A short unique socket path (sun_path is limited to 108 bytes).
func temporarySocketPath() -> String {
    "/tmp/kinerja-rpc-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
}

/// Starts a server on a fresh temporary path; the caller must `stop` it.
func startServer(
    router: VarlinkRouter = TestInterface.makeRouter(),
    configuration: VarlinkServer.Configuration = .init(),
    path: String = temporarySocketPath()
) async throws -> (server: VarlinkServer, path: String) {
    let server = VarlinkServer(router: router, configuration: configuration, logger: quietLogger)
    try await server.bind(path: path, mode: 0o600)
    return (server, path)
}

/// Runs blocking work on a dedicated thread (the cooperative pool has only a few threads).
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
