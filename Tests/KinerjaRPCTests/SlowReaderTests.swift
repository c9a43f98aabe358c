import Foundation
import KinerjaRPC
import Logging
import NIOCore
import Synchronization
import Testing

@testable import KinerjaRPCServer

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, finding 3: a client that pipelines calls with large replies and never reads
/// them. The server answers the next call only once the client took the previous reply,
/// holds at most one reply for it, and drops it when it has not read for the idle timeout.
@Suite("Slow readers", .timeLimit(.minutes(1)))
struct SlowReaderTests {
    /// Answers with `kib` KiB of text, counting its calls.
    enum Big: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Big"
        static let bounds = ParameterBounds(["kib": .integer(1...4096)])
        struct Parameters: Codable, Sendable { var kib: Int }
        struct Result: Codable, Sendable { var text: String }
    }

    final class Counter: Sendable {
        private let count = Atomic<Int>(0)
        func add() { count.add(1, ordering: .relaxed) }
        var value: Int { count.load(ordering: .relaxed) }
    }

    static func router(calls: Counter) -> VarlinkRouter {
        var router = TestInterface.makeRouter()
        router.registerImmediate(Big.self) { parameters, _ in
            calls.add()
            return Big.Result(text: String(repeating: "x", count: parameters.kib * 1024))
        }
        return router
    }

    /// A connected raw client socket.
    static func connect(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw TestFailure("connect: \(String(cString: strerror(errno)))") }
        return fd
    }

    @Test("200 pipelined 1 MiB replies never read: at most two answered, the client dropped after the idle timeout")
    func pipelinedCallsNeverRead() async throws {
        let calls = Counter()
        let (server, path) = try await startServer(
            router: Self.router(calls: calls), configuration: .init(idleTimeout: .milliseconds(500)))
        let fd = try Self.connect(path)
        defer { close(fd) }
        let call = frame(#"{"method":"id.kinerja.Test.Big","parameters":{"kib":1024}}"#)
        let pipeline = Array([[UInt8]](repeating: call, count: 200).joined())
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = pipeline.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }

        // Not reading: the server has answered the first call and waits for the client.
        try await Task.sleep(for: .milliseconds(300))
        let answered = calls.value
        #expect(answered <= 2, "\(answered) of 200 calls answered for a client that reads nothing")

        // Past the idle timeout the connection is gone (seen without reading: POLLRDHUP, 0x2000);
        // reading then finds what was sent before, and the end.
        let hungUp = try await onThread { () -> Bool in
            var descriptor = pollfd(fd: fd, events: Int16(0x2000), revents: 0)
            return poll(&descriptor, 1, 10_000) > 0 && descriptor.revents & (Int16(0x2000) | Int16(POLLHUP)) != 0
        }
        #expect(hungUp, "the server kept a client that read nothing for 10 s (idle timeout 0.5 s)")
        let (received, ended) = try await onThread { () -> (Int, Bool) in
            var timeout = timeval(tv_sec: 3, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var total = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { total += n; continue }
                return (total, n == 0 || errno == ECONNRESET)
            }
        }
        #expect(ended, "the connection stayed open after \(received) bytes")
        #expect(received < 3 << 20, "\(received) bytes were buffered for the client")
        #expect(calls.value <= 2)
        await server.shutdown()
    }

    @Test("a client that reads its pipelined replies gets every one, in order")
    func pipelinedCallsRead() async throws {
        let calls = Counter()
        let (server, path) = try await startServer(router: Self.router(calls: calls), configuration: .init(idleTimeout: .seconds(5)))
        let replies = try await onThread { () -> Int in
            let fd = try Self.connect(path)
            defer { close(fd) }
            let call = frame(#"{"method":"id.kinerja.Test.Big","parameters":{"kib":256}}"#)
            let pipeline = Array([[UInt8]](repeating: call, count: 40).joined())
            _ = pipeline.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var splitter = VarlinkFrameSplitter(maxFrameSize: 1 << 20)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var count = 0
            while count < 40 {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { throw TestFailure("closed after \(count) replies") }
                splitter.append(contentsOf: buffer[0..<n])
                while try splitter.nextFrame() != nil { count += 1 }
            }
            return count
        }
        #expect(replies == 40)
        #expect(calls.value == 40)
        await server.shutdown()
    }

    @Test("the output budget: a reply that does not fit while others wait for their clients drops its connection")
    func outputBudget() {
        let budget = OutputBudget(limit: 100)
        #expect(budget.take(60))
        #expect(!budget.take(50), "60 + 50 > 100")
        #expect(budget.take(40))
        budget.release(60)
        budget.release(40)
        #expect(budget.inUse == 0)
        #expect(budget.take(500), "a reply larger than the whole budget still goes out alone")
        #expect(!budget.take(1))
        budget.release(500)
    }
}
