import Foundation
import Synchronization

/// Round trips of small reads, each beside the floor: `echo-floor` answering every call
/// with the very bytes kinerjad answered (captured first), over the same kind of socket,
/// measured with the same client in the same run. The ratio is the figure.
struct RPCBench {
    let bench: Bench
    let calls: Int
    let clients = 16
    let callsPerClient: Int

    func run(against daemon: Daemon) throws {
        let report = bench.report
        report.begin("RPC: small reads, kinerjad (office store) beside an echo server answering the same bytes")
        for method in ["org.varlink.service.GetInfo", "id.kinerja.Kinerja.GetStatus"] {
            let request = RawConnection.call(method)
            let reply = try RawConnection(path: daemon.socket).roundTrip(request)
            let floorSocket = "\(bench.work)/floor.sock"
            let replyFile = "\(bench.work)/floor-reply"
            try Data(reply).write(to: URL(fileURLWithPath: replyFile))
            let floor = try EchoFloor(binary: bench.floor, socket: floorSocket, replyFile: replyFile)
            defer { floor.stop() }
            report.note("\(method): request \(request.count) bytes, reply \(reply.count) bytes")
            let short = method.split(separator: ".").last!
            let how = "kinerja-bench: \(calls) calls of \(method) on one connection, raw client"
            let served = try latencies(socket: daemon.socket, request: request)
            let floored = try latencies(socket: floorSocket, request: request)
            report.add("\(short) median, kinerjad", served.median * 1e6, "µs", how: how)
            report.add("\(short) median, floor", floored.median * 1e6, "µs", how: how)
            report.add("\(short) median, ratio to floor", served.median / floored.median, "×", how: how)
            report.add("\(short) p99, kinerjad", served.quantile(0.99) * 1e6, "µs", how: how)
            report.add("\(short) p99, floor", floored.quantile(0.99) * 1e6, "µs", how: how)
            report.add("\(short) p99, ratio to floor", served.quantile(0.99) / floored.quantile(0.99), "×", how: how)
            let howMany = "kinerja-bench: \(clients) clients × \(callsPerClient) calls of \(method), one connection each"
            let servedRate = try throughput(socket: daemon.socket, request: request)
            let flooredRate = try throughput(socket: floorSocket, request: request)
            report.add("\(short) calls/s, \(clients) clients, kinerjad", servedRate, "calls/s", how: howMany)
            report.add("\(short) calls/s, \(clients) clients, floor", flooredRate, "calls/s", how: howMany)
            report.add("\(short) calls/s, floor / kinerjad", flooredRate / servedRate, "×", how: howMany)
        }
    }

    /// Sorted seconds of each call on one connection, after a warm-up.
    private func latencies(socket: String, request: [UInt8]) throws -> [Double] {
        let connection = try RawConnection(path: socket)
        for _ in 0..<(calls / 10) { try connection.roundTrip(request) }
        return try Stopwatch.samples(calls) { try connection.roundTrip(request) }
    }

    /// Calls per second of `clients` threads calling at once, each on its own connection.
    private func throughput(socket: String, request: [UInt8]) throws -> Double {
        let connections = try (0..<clients).map { _ in try RawConnection(path: socket) }
        let failure = Mutex<String?>(nil)
        let group = DispatchGroup()
        let perClient = callsPerClient
        let start = Stopwatch.now()
        for connection in connections {
            let box = UncheckedBox(connection)
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    for _ in 0..<perClient { try box.value.roundTrip(request) }
                } catch {
                    failure.withLock { $0 = "\(error)" }
                }
            }
        }
        group.wait()
        let seconds = Stopwatch.now() - start
        if let message = failure.withLock({ $0 }) { throw Daemon.Failure(description: message) }
        return Double(clients * perClient) / seconds
    }
}

/// Hands a connection to the one thread that uses it from then on.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The echo floor (scripts/echo-floor.c), running until stopped.
final class EchoFloor {
    private let process: Process

    init(binary: String, socket: String, replyFile: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [socket, replyFile]
        try process.run()
        var tries = 0
        while (try? RawConnection(path: socket)) == nil && tries < 1000 {
            usleep(1000)
            tries += 1
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
