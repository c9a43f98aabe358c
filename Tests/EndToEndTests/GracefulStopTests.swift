import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM (`systemctl stop`) while a change is running: the running call is finished and
/// answered before the daemon exits, so an administrator's import is never lost to a stop.
@Suite("Graceful stop with a call in flight", .timeLimit(.minutes(3)))
struct GracefulStopTests {
    /// One call on `connection` and its reply's parameters; a failure for an error reply.
    static func call(_ connection: RawVarlinkConnection, _ method: String, _ parameters: [String: Any]) throws -> [String: Any] {
        try send(connection, method, parameters)
        return try Self.parameters(of: connection.receive(timeout: 60), method)
    }

    static func send(_ connection: RawVarlinkConnection, _ method: String, _ parameters: [String: Any]) throws {
        let message = try JSONSerialization.data(withJSONObject: ["method": "id.kinerja.Kinerja." + method, "parameters": parameters])
        guard connection.send(String(decoding: message, as: UTF8.self)) else { throw TestFailure("\(method): the daemon closed the connection") }
    }

    static func parameters(of outcome: RawVarlinkConnection.Outcome, _ method: String) throws -> [String: Any] {
        guard case .reply(let text) = outcome, outcome.errorName == nil,
              let reply = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let parameters = reply["parameters"] as? [String: Any] else {
            throw TestFailure("\(method): \(outcome)")
        }
        return parameters
    }

    @Test("SIGTERM during a 10,000-row roster import: the client gets its result, exit 0, every row stored")
    func sigtermFinishesTheRunningImport() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let rows = 10_000
        let csv = GeneratedRoster(rows: rows, tag: "G").csv

        // The file is larger than one message: uploaded in pieces first, as kinerjactl does.
        let connection = try RawVarlinkConnection(path: daemon.socketPath)
        let upload = try #require(try Self.call(connection, "UploadBegin", [:])["upload"] as? String)
        var rest = Substring(csv)
        while !rest.isEmpty {
            _ = try Self.call(connection, "UploadChunk", ["upload": upload, "chunk": String(rest.prefix(256 * 1024))])
            rest = rest.dropFirst(256 * 1024)
        }

        try Self.send(connection, "ImportRoster", ["upload": upload])
        // The daemon read the call, so it runs (the server starts a call as it reads it).
        let sent = Date()
        while connection.unreadByServer > 0, Date().timeIntervalSince(sent) < 60 { usleep(1_000) }
        #expect(connection.unreadByServer == 0, "SIOCOUTQ")
        let early = connection.receive(timeout: 0.01)
        #expect(early == .silence, "the import is still running when SIGTERM is sent: \(early)")
        let mark = daemon.notify.count
        daemon.signal(SIGTERM)

        let result = try Self.parameters(of: connection.receive(timeout: 120), "ImportRoster")
        let imported = try JSONDecoder().decode(
            ImportResult.self, from: try JSONSerialization.data(withJSONObject: try #require(result["result"])))
        #expect(imported.applied && imported.goodRows == rows && imported.problems.isEmpty, "\(imported)")
        #expect(connection.receive(timeout: 30) == .closed, "then the daemon closes the connection")
        let status = daemon.process?.wait(timeout: 60)
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none: still running"): \(daemon.logs())")
        #expect(daemon.notify.index(of: "STOPPING=1", after: mark) != nil, "\(daemon.notifications)")

        try daemon.start()
        let counts = try CLI(daemon).status().counts
        #expect(counts.people == rows && counts.plans == rows, "after the restart: \(counts)")
        let shell = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite")
        #expect(try shell.value("SELECT count(*) FROM person WHERE nama LIKE 'G %';") == "\(rows)")
    }
}
