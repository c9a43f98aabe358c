import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A release kinerjad on a state directory of the bench's, started as systemd would
/// (NOTIFY_SOCKET set, so READY=1 can be timed) and stopped with SIGTERM.
final class Daemon {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    let socket: String
    /// Seconds from launch until a GetInfo call on the socket was answered.
    private(set) var answering = 0.0
    /// Seconds from launch until READY=1 arrived on NOTIFY_SOCKET.
    private(set) var ready = 0.0

    var stats: ProcessStats { ProcessStats(pid: process.processIdentifier) }

    /// Starts kinerjad and waits until it is ready and answering (at most `timeout` seconds).
    init(bench: Bench, stateDirectory: String, name: String, timeout: Double = 600) throws {
        socket = "\(bench.work)/\(name).sock"
        let notifyPath = "\(bench.work)/\(name).notify"
        unlink(notifyPath)
        let notify = try Daemon.datagramSocket(at: notifyPath)
        defer { close(notify) }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "\(bench.bin)/kinerjad")
        process.arguments = [
            "--config", bench.config, "--state-dir", stateDirectory, "--socket", socket, "--clock-start", Bench.clockStart,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": notifyPath]) { $1 }
        let log = "\(bench.work)/\(name).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        let start = Stopwatch.now()
        try process.run()
        var message = [UInt8](repeating: 0, count: 4096)
        while ready == 0 || answering == 0 {
            guard process.isRunning else { throw Failure(description: "kinerjad exited at start; see \(log)") }
            let elapsed = Stopwatch.now() - start
            guard elapsed < timeout else { throw Failure(description: "kinerjad not ready after \(Int(timeout)) s; see \(log)") }
            if ready == 0 {
                let n = recv(notify, &message, message.count, Int32(MSG_DONTWAIT))
                if n > 0, String(decoding: message[..<n], as: UTF8.self).split(separator: "\n").contains("READY=1") {
                    ready = elapsed
                }
            }
            if answering == 0, let connection = try? RawConnection(path: socket),
               (try? connection.roundTrip(RawConnection.call("org.varlink.service.GetInfo"))) != nil {
                answering = Stopwatch.now() - start
            }
            if ready == 0 || answering == 0 { usleep(1000) }
        }
    }

    /// SIGTERM, then waits for a graceful exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    private static func datagramSocket(at path: String) throws -> Int32 {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard withUnixAddress(path, { bind(fd, $0, $1) }) == 0 else { throw Failure(description: "cannot bind \(path): \(String(cString: strerror(errno)))") }
        return fd
    }
}
