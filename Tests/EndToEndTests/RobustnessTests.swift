import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What a careless or hostile client does to the real daemon: oversized, malformed and
/// unknown messages, many clients at once, and the CLI with nobody listening.
@Suite("Robustness")
struct RobustnessTests {
    /// A fresh typed client's GetStatus: the daemon still serves.
    static func stillServes(_ daemon: DaemonProcess, after what: String) {
        #expect(daemon.isRunning, "kinerjad died after \(what): \(daemon.logs())")
        do {
            let client = try VarlinkClient(path: daemon.socketPath, timeout: .seconds(10))
            defer { client.close() }
            let status = try client.call(Kinerja.GetStatus.self).status
            #expect(status.currentCycle.hasSuffix("-1") || status.currentCycle.hasSuffix("-2"))
        } catch {
            Issue.record("GetStatus after \(what) failed: \(error)")
        }
    }

    @Test("oversized, bad JSON, bad UTF-8, unknown method, unknown field: an error reply or a closed connection")
    func malformedMessages() throws {
        let daemon = try DaemonProcess.started()
        let invalidParameter = "org.varlink.service.InvalidParameter"

        let cases: [(name: String, bytes: [UInt8])] = [
            ("a message over 1 MiB",
             Array(#"{"method":"id.kinerja.Kinerja.ShowPerson","parameters":{"id":""#.utf8) + [UInt8](repeating: 0x61, count: 1_100_000)
                + Array(#""}}"#.utf8) + [0]),
            ("1 MiB without a terminating NUL", [UInt8](repeating: 0x20, count: 1_200_000)),
            ("bad JSON", Array(#"{"method": id.kinerja.Kinerja.GetStatus,}"#.utf8) + [0]),
            ("bad UTF-8", Array(#"{"method":"id.kinerja.Kinerja.ShowPerson","parameters":{"id":""#.utf8) + [0xC3, 0x28, 0xFF]
                + Array(#""}}"#.utf8) + [0]),
            ("a JSON array", Array("[1,2,3]".utf8) + [0]),
        ]
        for item in cases {
            let connection = try RawVarlinkConnection(path: daemon.socketPath)
            connection.send(item.bytes)
            let outcome = connection.receive(timeout: 10)
            switch outcome {
            case .closed:
                break
            case .reply:
                #expect(outcome.errorName != nil, "\(item.name): a reply that is not an error: \(outcome)")
                #expect(outcome.errorName == invalidParameter, "\(item.name): \(outcome)")
            case .silence:
                Issue.record("\(item.name): neither a reply nor a closed connection within 10 s")
            }
            Self.stillServes(daemon, after: item.name)
        }

        // Well-formed calls to what does not exist: a named error, and the connection goes on.
        let connection = try RawVarlinkConnection(path: daemon.socketPath)
        #expect(connection.send(#"{"method":"id.kinerja.Kinerja.NoSuchMethod","parameters":{}}"#))
        let unknownMethod = connection.receive()
        #expect(unknownMethod.errorName == "org.varlink.service.MethodNotFound", "\(unknownMethod)")
        #expect(connection.send(#"{"method":"id.kinerja.Kinerja.GetStatus","parameters":{"bogus":true}}"#))
        let unknownField = connection.receive()
        #expect(unknownField.errorName == invalidParameter, "\(unknownField)")
        if case .reply(let text) = unknownField { #expect(text.contains("bogus"), "names the parameter: \(text)") }
        #expect(connection.send(#"{"method":"no.such.Interface.Method"}"#))
        let unknownInterface = connection.receive()
        #expect(unknownInterface.errorName == "org.varlink.service.InterfaceNotFound", "\(unknownInterface)")
        #expect(connection.send(#"{"method":"id.kinerja.Kinerja.GetStatus"}"#))
        let status = connection.receive()
        #expect(status.errorName == nil, "\(status)")
        if case .reply(let text) = status { #expect(text.contains(#""currentCycle""#), "\(text)") } else { Issue.record("\(status)") }

        Self.stillServes(daemon, after: "the unknown method and field")
    }

    @Test("200 concurrent clients each get their GetStatus")
    func twoHundredConcurrentClients() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let count = 200
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var statuses: [Status] = []
            var errors: [String] = []
            func add(_ status: Status) { lock.lock(); statuses.append(status); lock.unlock() }
            func fail(_ error: String) { lock.lock(); errors.append(error); lock.unlock() }
        }
        let results = Results()
        let connected = DispatchGroup()
        let finished = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        let path = daemon.socketPath
        var threads: [Thread] = []
        for index in 0..<count {
            connected.enter()
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                // Every client connects first, then all call at once.
                let client: VarlinkClient
                do {
                    client = try VarlinkClient(path: path, timeout: .seconds(30))
                } catch {
                    results.fail("client \(index) connect: \(error)")
                    connected.leave()
                    return
                }
                defer { client.close() }
                connected.leave()
                go.wait()
                do {
                    results.add(try client.call(Kinerja.GetStatus.self).status)
                } catch {
                    results.fail("client \(index): \(error)")
                }
            }
            thread.stackSize = 512 * 1024
            threads.append(thread)
            thread.start()
        }
        #expect(connected.wait(timeout: .now() + 60) == .success, "200 clients could not connect within 60 s")
        for _ in 0..<count { go.signal() }
        #expect(finished.wait(timeout: .now() + 60) == .success, "200 calls did not finish within 60 s")
        #expect(results.errors.isEmpty, "\(results.errors.prefix(5))")
        #expect(results.statuses.count == count)
        #expect(results.statuses.allSatisfy { $0.currentCycle == "2026-2" && $0.clockOverridden })
        Self.stillServes(daemon, after: "200 concurrent clients")
    }

    @Test("kinerjactl with nobody listening: exit 3 within 2 s, one line on stderr")
    func notReachable() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { TestEnvironment.removeTree(directory) }
        let missing = directory + "/missing.sock"
        let result = try CLI(socket: missing).run(["status"], timeout: 10)
        Self.expectUnreachable(result, socket: missing)

        // A stale socket file: the daemon was SIGKILLed and left it behind.
        let daemon = try DaemonProcess.started()
        daemon.kill()
        #expect(access(daemon.socketPath, F_OK) == 0, "the killed daemon's socket file stays")
        let stale = try CLI(daemon).run(["people", "list"], timeout: 10)
        Self.expectUnreachable(stale, socket: daemon.socketPath)
        // And in Indonesian, the default.
        let indonesian = try CLI(socket: missing, language: nil).run(["status"], timeout: 10)
        #expect(indonesian.status == 3 && indonesian.stderr.contains("tidak dapat dihubungi"), "\(indonesian)")
    }

    static func expectUnreachable(_ result: CommandResult, socket: String) {
        #expect(result.status == 3, "\(result)")
        #expect(result.seconds < 2, "took \(result.seconds) s")
        #expect(result.stdout.isEmpty, "\(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr: \(result)")
        #expect(result.stderr.contains(socket), "names the socket: \(result)")
        for trace in ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Current stack trace"] {
            #expect(!result.stderr.contains(trace), "\(result)")
        }
    }
}
