import Foundation
import KinerjaRPC
@testable import KinerjaRPCServer
import NIOCore
import NIOPosix
import Synchronization
import Testing

@Suite("Unix socket server and client", .timeLimit(.minutes(1)))
struct SocketTests {
    @Test func typedCallStreamAndErrorsOverARealSocket() async throws {
        let (server, path) = try await startServer()
        #expect(server.socketPath == path)
        #expect(server.localAddress?.pathname == path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)

        struct Observed: Sendable {
            var ping: TestInterface.Ping.Result?
            var streamed: [Int] = []
            var info: VarlinkService.GetInfo.Result?
            var raw: JSONValue?
            var failError: VarlinkClientError?
            var expectedMoreError: VarlinkClientError?
            var afterErrors: String?
        }
        let observed = try await onThread {
            var observed = Observed()
            let client = try VarlinkClient(path: "unix:" + path)
            observed.ping = try client.call(TestInterface.Ping.self, .init(message: "hi", times: 3))
            try client.stream(TestInterface.Count.self, .init(upTo: 5)) { result in
                observed.streamed.append(result.value)
                return true
            }
            observed.info = try client.call(VarlinkService.GetInfo.self)
            observed.raw = try client.call(method: "id.kinerja.Test.Ping", parameters: ["message": "raw"])
            do {
                _ = try client.call(TestInterface.Fail.self, .init(name: "z"))
            } catch let error as VarlinkClientError {
                observed.failError = error
            }
            do {
                _ = try client.call(method: "id.kinerja.Test.Count", parameters: ["upTo": 2])
            } catch let error as VarlinkClientError {
                observed.expectedMoreError = error
            }
            // Still usable after error replies and a oneway call.
            try client.oneway(TestInterface.Ping.self, .init(message: "ignored"))
            observed.afterErrors = try client.call(TestInterface.Ping.self, .init(message: "again")).pong
            return observed
        }
        #expect(observed.ping == .init(pong: "hihihi"))
        #expect(observed.streamed == [1, 2, 3, 4, 5])
        #expect(observed.info?.interfaces == ["org.varlink.service", "id.kinerja.Test"])
        #expect(observed.raw == ["pong": "raw"])
        #expect(observed.failError == .remote(VarlinkError(name: "id.kinerja.Test.NotFound", parameters: ["name": "z"])))
        #expect(observed.expectedMoreError == .remote(.expectedMore))
        #expect(observed.afterErrors == "again")

        await server.shutdown()
        #expect(stat(path, &info) != 0, "socket file removed on shutdown")
    }

    @Test func stoppingAStreamEarlyClosesTheClient() async throws {
        let (server, path) = try await startServer()
        let (values, connected, laterError) = try await onThread { () -> ([Int], Bool, VarlinkClientError?) in
            let client = try VarlinkClient(path: path)
            var values: [Int] = []
            try client.stream(TestInterface.Count.self, .init(upTo: 1000)) { result in
                values.append(result.value)
                return values.count < 3
            }
            do {
                _ = try client.call(TestInterface.Ping.self, .init(message: "x"))
                return (values, client.isConnected, nil)
            } catch let error as VarlinkClientError {
                return (values, client.isConnected, error)
            }
        }
        #expect(values == [1, 2, 3])
        #expect(!connected)
        #expect(laterError == .protocolError("connection is closed"))
        await server.shutdown()
    }

    @Test func peerCredentialsAreThoseOfTheClient() async throws {
        let seen = Mutex<PeerCredentials?>(nil)
        var router = TestInterface.makeRouter()
        router.register(TestInterface.Boom.self) { _, context in
            seen.withLock { $0 = context.peer }
            return Empty()
        }
        let (server, path) = try await startServer(router: router)
        try await onThread {
            let client = try VarlinkClient(path: path)
            _ = try client.call(TestInterface.Boom.self)
        }
        #expect(seen.withLock { $0 } == PeerCredentials(uid: getuid(), gid: getgid(), pid: getpid()))
        await server.shutdown()
    }

    @Test func silentClientIsClosedAfterIdleTimeout() async throws {
        // 1 s: the pauses below stay well inside it even when a loaded machine delays a call by
        // a few hundred milliseconds (a 300 ms timeout failed under a full parallel run).
        let (server, path) = try await startServer(configuration: .init(idleTimeout: .seconds(1)))
        // A client that stays within the timeout keeps working (each call restarts the timer).
        let pongs = try await onThread { () -> [String] in
            let client = try VarlinkClient(path: path, timeout: .seconds(5))
            var pongs: [String] = []
            for index in 0..<3 {
                Thread.sleep(forTimeInterval: 0.4)
                pongs.append(try client.call(TestInterface.Ping.self, .init(message: "\(index)")).pong)
            }
            return pongs
        }
        #expect(pongs == ["0", "1", "2"])

        // A client that connects and says nothing is disconnected.
        let (received, elapsed) = try await onThread { () -> (Int, Duration) in
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard connected == 0 else { throw TestFailure("connect failed") }
            let start = ContinuousClock.now
            var byte: UInt8 = 0
            let count = recv(fd, &byte, 1, 0)  // returns 0 once the server closes
            return (count, ContinuousClock.now - start)
        }
        #expect(received == 0)
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(5), "closed after \(elapsed)")
        await server.shutdown()
    }

    @Test func twoHundredConcurrentClients() async throws {
        let (server, path) = try await startServer()
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await onThread {
                        let client = try VarlinkClient(path: path, timeout: .seconds(20))
                        return try client.call(TestInterface.Slow.self, .init(milliseconds: 50, tag: "c\(index)")).tag
                    }
                }
            }
            var tags: [String] = []
            for try await tag in group { tags.append(tag) }
            return tags
        }
        #expect(Set(results) == Set((0..<200).map { "c\($0)" }))
        await server.shutdown()
    }

    @Test func staleSocketFileIsReplaced() async throws {
        let path = temporarySocketPath()
        // A socket file nobody listens on.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(fd)
        #expect(access(path, F_OK) == 0)

        let (server, _) = try await startServer(path: path)
        let pong = try await onThread {
            try VarlinkClient(path: path).call(TestInterface.Ping.self, .init(message: "fresh")).pong
        }
        #expect(pong == "fresh")
        await server.shutdown()
    }

    @Test func secondServerOnLivePathIsRefused() async throws {
        let (server, path) = try await startServer()
        let second = VarlinkServer(router: TestInterface.makeRouter(), logger: quietLogger)
        await #expect(throws: VarlinkServerError.alreadyListening(path: path)) {
            try await second.bind(path: path)
        }
        #expect("\(VarlinkServerError.alreadyListening(path: path))" == "another server is listening on \(path)")
        // The first server is unaffected.
        let pong = try await onThread {
            try VarlinkClient(path: path).call(TestInterface.Ping.self, .init(message: "still")).pong
        }
        #expect(pong == "still")
        await server.shutdown()
    }

    @Test func regularFileIsNotReplaced() async throws {
        let path = temporarySocketPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data("keep".utf8)))
        defer { unlink(path) }
        let server = VarlinkServer(router: TestInterface.makeRouter(), logger: quietLogger)
        await #expect(throws: VarlinkServerError.notASocket(path: path)) {
            try await server.bind(path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep".utf8))
    }

    @Test func missingSocketIsNotReachableQuickly() throws {
        let start = ContinuousClock.now
        let path = temporarySocketPath()
        do {
            _ = try VarlinkClient(path: path)
            Issue.record("connected to a missing socket")
        } catch let error as VarlinkClientError {
            guard case .notReachable(let reportedPath, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reportedPath == path)
            #expect(!reason.isEmpty)
            #expect("\(error)".hasPrefix("daemon not reachable at \(path)"))
        }
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }

    @Test func clientTimesOutWhenNoReplyArrives() async throws {
        let (server, path) = try await startServer()
        let (error, connected) = try await onThread { () -> (VarlinkClientError?, Bool) in
            let client = try VarlinkClient(path: path, timeout: .milliseconds(200))
            do {
                _ = try client.call(TestInterface.Slow.self, .init(milliseconds: 2000, tag: "late"))
                return (nil, client.isConnected)
            } catch let error as VarlinkClientError {
                return (error, client.isConnected)
            }
        }
        #expect(error == .timeout)
        #expect(!connected)
        await server.shutdown()
    }

    @Test func connectionLimitClosesExtraConnections() async throws {
        let (server, path) = try await startServer(configuration: .init(maxConnections: 2))
        let (pongs, thirdFailed, succeeded) = try await onThread { () -> ([String], Bool, Bool) in
            let first = try VarlinkClient(path: path)
            let second = try VarlinkClient(path: path)
            let pongs = [
                try first.call(TestInterface.Ping.self, .init(message: "1")).pong,
                try second.call(TestInterface.Ping.self, .init(message: "2")).pong,
            ]
            let third = try VarlinkClient(path: path)
            let thirdFailed = (try? third.call(TestInterface.Ping.self, .init(message: "3"))) == nil
            first.close()
            // Once a slot is free, new connections work again.
            var succeeded = false
            for _ in 0..<50 where !succeeded {
                Thread.sleep(forTimeInterval: 0.02)
                if let client = try? VarlinkClient(path: path),
                   (try? client.call(TestInterface.Ping.self, .init(message: "4"))) != nil {
                    succeeded = true
                }
            }
            return (pongs, thirdFailed, succeeded)
        }
        #expect(pongs == ["1", "2"])
        #expect(thirdFailed)
        #expect(succeeded)
        await server.shutdown()
    }

    @Test func runReturnsAfterGracefulShutdownOnCancellation() async throws {
        // Handlers report when they run, so that shutdown starts with both calls in flight.
        let started = Mutex<Set<String>>([])
        var router = TestInterface.makeRouter()
        router.register(TestInterface.Slow.self) { parameters, _ in
            started.withLock { _ = $0.insert("slow") }
            try await Task.sleep(for: .milliseconds(parameters.milliseconds))
            return .init(tag: parameters.tag)
        }
        router.registerStream(TestInterface.Count.self) { parameters, _, writer in
            var value = 0
            while value < parameters.upTo {
                value += 1
                try await writer.send(.init(value: value))
                started.withLock { _ = $0.insert("stream") }
                try await Task.sleep(for: .milliseconds(2))
            }
            return .init(value: value)
        }
        let (server, path) = try await startServer(router: router, configuration: .init(shutdownGracePeriod: .seconds(5)))
        let runTask = Task { try await server.run() }
        // A slow call in flight and a subscription.
        let slow = Task {
            try await onThread {
                let client = try VarlinkClient(path: path, timeout: .seconds(10))
                return try client.call(TestInterface.Slow.self, .init(milliseconds: 500, tag: "finished")).tag
            }
        }
        let subscription = Task {
            try await onThread {
                let client = try VarlinkClient(path: path, timeout: .seconds(10))
                var count = 0
                do {
                    try client.stream(TestInterface.Count.self, .init(upTo: 1_000_000_000)) { _ in
                        count += 1
                        return true
                    }
                    return "ended"
                } catch {
                    return count > 0 ? "cut" : "no replies"
                }
            }
        }
        for _ in 0..<500 where started.withLock({ $0.count }) < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(started.withLock { $0 } == ["slow", "stream"])
        let start = ContinuousClock.now
        runTask.cancel()
        try await runTask.value
        let elapsed = ContinuousClock.now - start
        #expect(try await slow.value == "finished")
        #expect(try await subscription.value == "cut")
        #expect(elapsed < .seconds(3))
        #expect(server.connectionCount == 0)
        #expect(access(path, F_OK) != 0)
        #expect(throws: VarlinkClientError.self) { try VarlinkClient(path: path) }
    }

    @Test func shutdownGracePeriodBoundsSlowCalls() async throws {
        let started = Mutex(false)
        var router = TestInterface.makeRouter()
        router.register(TestInterface.Slow.self) { parameters, _ in
            started.withLock { $0 = true }
            try await Task.sleep(for: .milliseconds(parameters.milliseconds))
            return .init(tag: parameters.tag)
        }
        let (server, path) = try await startServer(router: router, configuration: .init(shutdownGracePeriod: .milliseconds(200)))
        let slow = Task {
            try await onThread {
                let client = try VarlinkClient(path: path, timeout: .seconds(10))
                do {
                    return try client.call(TestInterface.Slow.self, .init(milliseconds: 5000, tag: "x")).tag
                } catch {
                    return "failed: \(error)"
                }
            }
        }
        for _ in 0..<500 where !started.withLock({ $0 }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(started.withLock { $0 })
        let start = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - start < .seconds(2))
        let outcome = try await slow.value
        #expect(outcome.hasPrefix("failed"))
    }

    @Test func adoptsAnInheritedListeningSocket() async throws {
        let path = temporarySocketPath()
        defer { unlink(path) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(fd, 16) == 0)
        let server = VarlinkServer(router: TestInterface.makeRouter(), logger: quietLogger)
        try await server.adopt(listeningSocket: fd)
        #expect(server.socketPath == nil)
        let pong = try await onThread {
            try VarlinkClient(path: path).call(TestInterface.Ping.self, .init(message: "activated")).pong
        }
        #expect(pong == "activated")
        await server.shutdown()
        // An inherited socket's file is not the server's to remove.
        #expect(access(path, F_OK) == 0)
    }

    @Test func runBeforeBindThrows() async {
        let server = VarlinkServer(router: TestInterface.makeRouter(), logger: quietLogger)
        await #expect(throws: VarlinkServerError.self) { try await server.run() }
    }
}
