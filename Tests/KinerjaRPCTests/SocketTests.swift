import Foundation
import KinerjaRPC
@testable import KinerjaRPCServer
import NIOCore
import NIOPosix
import Synchronization
import Testing

@Suite("Unix socket server and client")
struct SocketTests {
    @Test func typedCallStreamAndErrorsOverARealSocket() async throws {
        let (server, path) = try await startServer()
        #expect(server.socketPath == path)
        #expect(server.localAddress?.pathname == path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)

        try await onThread {
            let client = try VarlinkClient(path: "unix:" + path)
            #expect(try client.call(TestInterface.Ping.self, .init(message: "hi", times: 3)) == .init(pong: "hihihi"))

            var values: [Int] = []
            try client.stream(TestInterface.Count.self, .init(upTo: 5)) { result in
                values.append(result.value)
                return true
            }
            #expect(values == [1, 2, 3, 4, 5])

            let info = try client.call(VarlinkService.GetInfo.self)
            #expect(info.interfaces == ["org.varlink.service", "id.kinerja.Test"])

            let raw = try client.call(method: "id.kinerja.Test.Ping", parameters: ["message": "raw"])
            #expect(raw == ["pong": "raw"])

            #expect(throws: VarlinkClientError.remote(VarlinkError(name: "id.kinerja.Test.NotFound", parameters: ["name": "z"]))) {
                try client.call(TestInterface.Fail.self, .init(name: "z"))
            }
            #expect(throws: VarlinkClientError.remote(.expectedMore)) {
                try client.call(method: "id.kinerja.Test.Count", parameters: ["upTo": 2])
            }
            // Still usable after error replies.
            try client.oneway(TestInterface.Ping.self, .init(message: "ignored"))
            #expect(try client.call(TestInterface.Ping.self, .init(message: "again")).pong == "again")
        }
        await server.shutdown()
        #expect(stat(path, &info) != 0, "socket file removed on shutdown")
    }

    @Test func stoppingAStreamEarlyClosesTheClient() async throws {
        let (server, path) = try await startServer()
        try await onThread {
            let client = try VarlinkClient(path: path)
            var values: [Int] = []
            try client.stream(TestInterface.Count.self, .init(upTo: 1000)) { result in
                values.append(result.value)
                return values.count < 3
            }
            #expect(values == [1, 2, 3])
            #expect(!client.isConnected)
            #expect(throws: VarlinkClientError.protocolError("connection is closed")) {
                try client.call(TestInterface.Ping.self, .init(message: "x"))
            }
        }
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
        let (server, path) = try await startServer(configuration: .init(idleTimeout: .milliseconds(300)))
        try await onThread {
            let client = try VarlinkClient(path: path, timeout: .seconds(5))
            // Within the timeout a call still works and restarts the timer.
            Thread.sleep(forTimeInterval: 0.15)
            #expect(try client.call(TestInterface.Ping.self, .init(message: "x")).pong == "x")
            let start = ContinuousClock.now
            // Waiting for a reply that never comes: the server closes the connection.
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: Array(path.utf8))
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            #expect(connected == 0)
            var byte: UInt8 = 0
            let count = recv(fd, &byte, 1, 0)  // blocks until the server closes
            let elapsed = ContinuousClock.now - start
            #expect(count == 0)
            #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(3), "closed after \(elapsed)")
        }
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
        try await onThread {
            let client = try VarlinkClient(path: path)
            #expect(try client.call(TestInterface.Ping.self, .init(message: "fresh")).pong == "fresh")
        }
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
        try await onThread {
            let client = try VarlinkClient(path: path)
            #expect(try client.call(TestInterface.Ping.self, .init(message: "still")).pong == "still")
        }
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
        try await onThread {
            let client = try VarlinkClient(path: path, timeout: .milliseconds(200))
            #expect(throws: VarlinkClientError.timeout) {
                try client.call(TestInterface.Slow.self, .init(milliseconds: 2000, tag: "late"))
            }
            #expect(!client.isConnected)
        }
        await server.shutdown()
    }

    @Test func connectionLimitClosesExtraConnections() async throws {
        let (server, path) = try await startServer(configuration: .init(maxConnections: 2))
        try await onThread {
            let first = try VarlinkClient(path: path)
            let second = try VarlinkClient(path: path)
            #expect(try first.call(TestInterface.Ping.self, .init(message: "1")).pong == "1")
            #expect(try second.call(TestInterface.Ping.self, .init(message: "2")).pong == "2")
            let third = try VarlinkClient(path: path)
            #expect(throws: VarlinkClientError.self) {
                try third.call(TestInterface.Ping.self, .init(message: "3"))
            }
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
            #expect(succeeded)
        }
        await server.shutdown()
    }

    @Test func runReturnsAfterGracefulShutdownOnCancellation() async throws {
        let (server, path) = try await startServer(configuration: .init(shutdownGracePeriod: .seconds(5)))
        let runTask = Task { try await server.run() }
        // A slow call in flight and a subscription.
        let slow = Task {
            try await onThread {
                let client = try VarlinkClient(path: path, timeout: .seconds(10))
                return try client.call(TestInterface.Slow.self, .init(milliseconds: 400, tag: "finished")).tag
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
        try await Task.sleep(for: .milliseconds(150))
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
        let (server, path) = try await startServer(configuration: .init(shutdownGracePeriod: .milliseconds(200)))
        let slow = Task {
            try await onThread {
                let client = try VarlinkClient(path: path, timeout: .seconds(10))
                return Result { try client.call(TestInterface.Slow.self, .init(milliseconds: 5000, tag: "x")).tag }
                    .mapError { $0 as? VarlinkClientError }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - start < .seconds(2))
        let outcome = try await slow.value
        #expect(throws: VarlinkClientError.self) { try outcome.get() }
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
        try await onThread {
            let client = try VarlinkClient(path: path)
            #expect(try client.call(TestInterface.Ping.self, .init(message: "activated")).pong == "activated")
        }
        await server.shutdown()
        // An inherited socket's file is not the server's to remove.
        #expect(access(path, F_OK) == 0)
    }

    @Test func runBeforeBindThrows() async {
        let server = VarlinkServer(router: TestInterface.makeRouter(), logger: quietLogger)
        await #expect(throws: VarlinkServerError.self) { try await server.run() }
    }
}
