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
            let pids = [daemon.process.processIdentifier, floor.pid]
            for placement in Placement.all {
                let how = "kinerja-bench: \(calls) calls of \(method) on one connection, raw client, \(placement.description), alternating rounds"
                try pids.forEach { try CPUAffinity.set(pid: $0, cpus: placement.serverCPUs) }
                try CPUAffinity.setThisProcess(cpus: placement.clientCPUs)
                let both = try latencies(sockets: [daemon.socket, floorSocket], request: request)
                try pids.forEach { try CPUAffinity.set(pid: $0, cpus: CPUAffinity.allCPUs) }
                try CPUAffinity.setThisProcess(cpus: CPUAffinity.allCPUs)
                let served = both[0], floored = both[1], label = "\(short), \(placement.name)"
                report.add("\(label): median, kinerjad", served.median * 1e6, "µs", how: how)
                report.add("\(label): median, floor", floored.median * 1e6, "µs", how: how)
                report.add("\(label): median, ratio to floor", served.median / floored.median, "×", how: how)
                report.add("\(label): p99, kinerjad", served.quantile(0.99) * 1e6, "µs", how: how)
                report.add("\(label): p99, floor", floored.quantile(0.99) * 1e6, "µs", how: how)
                report.add("\(label): p99, ratio to floor", served.quantile(0.99) / floored.quantile(0.99), "×", how: how)
            }
            let howMany = "kinerja-bench: \(clients) clients × \(callsPerClient) calls of \(method), one connection each"
            // In alternating rounds, for the reason `latencies` gives.
            var servedSeconds = 0.0, flooredSeconds = 0.0
            for _ in 0..<Self.rounds {
                servedSeconds += try throughput(socket: daemon.socket, request: request, calls: callsPerClient / Self.rounds)
                flooredSeconds += try throughput(socket: floorSocket, request: request, calls: callsPerClient / Self.rounds)
            }
            let servedRate = Double(clients * callsPerClient) / servedSeconds
            let flooredRate = Double(clients * callsPerClient) / flooredSeconds
            report.add("\(short) calls/s, \(clients) clients, kinerjad", servedRate, "calls/s", how: howMany)
            report.add("\(short) calls/s, \(clients) clients, floor", flooredRate, "calls/s", how: howMany)
            report.add("\(short) calls/s, floor / kinerjad", flooredRate / servedRate, "×", how: howMany)
        }
    }

    /// Where the client and the servers run while round trips are timed (see `CPUAffinity`).
    /// On one CPU a round trip is the work of client, kernel and server alone; across two it
    /// also holds two wake-ups of the other virtual CPU, which on this project's VM cost
    /// 10–40 µs each and hide most of the servers' own cost. Both are what a client may meet.
    struct Placement {
        let name: String
        let description: String
        let clientCPUs: String
        let serverCPUs: String

        static var all: [Placement] {
            let one = Placement(name: "one CPU", description: "client, daemon and floor on CPU 0", clientCPUs: "0", serverCPUs: "0")
            guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return [one] }
            return [one, Placement(name: "two CPUs", description: "client on CPU 1, daemon and floor on CPU 0", clientCPUs: "1", serverCPUs: "0")]
        }
    }

    /// Rounds of alternating measurements of the daemon and the floor.
    static let rounds = 10

    /// Sorted seconds of each call, for each socket, after a warm-up. Measured in alternating
    /// rounds, so that a drift of the machine during the run (another VM on the host) weighs
    /// on both alike.
    private func latencies(sockets: [String], request: [UInt8]) throws -> [[Double]] {
        let connections = try sockets.map { try RawConnection(path: $0) }
        for connection in connections {
            for _ in 0..<(calls / 10) { try connection.roundTrip(request) }
        }
        var samples = Array(repeating: [Double](), count: sockets.count)
        for _ in 0..<Self.rounds {
            for (index, connection) in connections.enumerated() {
                samples[index] += try Stopwatch.samples(calls / Self.rounds) { try connection.roundTrip(request) }
            }
        }
        return samples.map { $0.sorted() }
    }

    /// Seconds `clients` threads take calling `calls` times each at once, each on its own connection.
    private func throughput(socket: String, request: [UInt8], calls perClient: Int) throws -> Double {
        let connections = try (0..<clients).map { _ in try RawConnection(path: socket) }
        let failure = Mutex<String?>(nil)
        let group = DispatchGroup()
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
        return seconds
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
    var pid: pid_t { process.processIdentifier }

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
