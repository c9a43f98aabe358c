import Foundation
import KinerjaCore
import KinerjaRPC

/// The one kinerjad of a drill, started on an accelerated clock in a directory of its own,
/// with the example hook installed, and driven as an administrator would: kinerjactl for
/// every change and preview, the Varlink status for the daemon's time.
final class DrillDaemon {
    let directory: String
    let socket: String
    let stateDirectory: String
    let hookLog: String
    let kinerjactl: String
    let rate: Int
    let process: Process
    /// The best pairing of real time and the daemon's time seen so far (the status call with
    /// the shortest round trip): maps journald's receive times onto the daemon's clock.
    private(set) var anchor: (real: Date, daemon: Date, roundTrip: TimeInterval)?

    init(options: DrillOptions, start: Date) throws {
        var template = Array("/tmp/kinerja-drill-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw DrillError("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        socket = directory + "/k.sock"
        stateDirectory = directory + "/state"
        hookLog = stateDirectory + "/reminders.log"
        kinerjactl = options.binDirectory + "/kinerjactl"
        rate = options.rate
        let hooks = directory + "/hooks.d"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        let hook = hooks + "/50-append-to-file"
        try FileManager.default.copyItem(atPath: options.packageRoot + "/config/hooks.d/50-append-to-file", toPath: hook)
        chmod(hook, 0o755)
        // The shipped configuration, with absolute rules and hooks directories.
        let shipped = try String(contentsOfFile: options.packageRoot + "/config/kinerja.toml", encoding: .utf8)
        let config = shipped.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("rules_directory =") { return "rules_directory = \"\(options.packageRoot)/config/rules\"" }
            if line.hasPrefix("hooks_directory =") { return "hooks_directory = \"\(hooks)\"" }
            return String(line)
        }.joined(separator: "\n")
        try config.write(toFile: directory + "/kinerja.toml", atomically: true, encoding: .utf8)

        process = Process()
        process.executableURL = URL(fileURLWithPath: options.binDirectory + "/kinerjad")
        process.arguments = [
            "--config", directory + "/kinerja.toml", "--state-dir", stateDirectory, "--socket", socket,
            "--clock-start", DrillDaemon.rfc3339(start, calendar: options.calendar), "--clock-rate", "\(options.rate)",
        ]
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "STATE_DIRECTORY"] {
            environment[key] = nil
        }
        process.environment = environment
        let log = FileHandle(forWritingAtPath: directory + "/kinerjad.log") ?? {
            FileManager.default.createFile(atPath: directory + "/kinerjad.log", contents: nil)
            return FileHandle(forWritingAtPath: directory + "/kinerjad.log")!
        }()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? status()) == nil {
            guard process.isRunning, Date() < deadline else {
                throw DrillError("kinerjad did not answer on \(socket) within 20 s; its log: \(directory)/kinerjad.log")
            }
            usleep(20_000)
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGTERM and wait; the exit status.
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The daemon's status, through Varlink; keeps the tightest time anchor.
    func status() throws -> Status {
        let client = try VarlinkClient(path: socket, timeout: .seconds(10))
        defer { client.close() }
        let before = Date()
        let status = try client.call(Kinerja.GetStatus.self).status
        let after = Date()
        if let now = DrillDaemon.instant(status.now) {
            let trip = after.timeIntervalSince(before)
            // `now` is truncated to the second: half a second of the daemon's time added back.
            let daemon = now.addingTimeInterval(0.5)
            if anchor == nil || trip < anchor!.roundTrip {
                anchor = (before.addingTimeInterval(trip / 2), daemon, trip)
            }
        }
        return status
    }

    /// The daemon's time now.
    func now() throws -> Date {
        let status = try status()
        guard let now = DrillDaemon.instant(status.now) else { throw DrillError("status.now '\(status.now)' is not RFC 3339") }
        return now
    }

    /// The daemon's time at a real instant (a journal entry's receive time).
    func daemonTime(atReal real: Date) -> Date? {
        guard let anchor else { return nil }
        return anchor.daemon.addingTimeInterval(real.timeIntervalSince(anchor.real) * Double(rate))
    }

    /// Sleeps until the daemon's clock shows `instant` (or later); the daemon's time then.
    @discardableResult
    func wait(until instant: Date) throws -> Date {
        while true {
            let now = try now()
            if now >= instant { return now }
            let real = instant.timeIntervalSince(now) / Double(rate)
            usleep(useconds_t(max(200, min(real * 1_000_000 * 0.9, 5_000_000))))
        }
    }

    /// Runs `kinerjactl ARGS --socket SOCKET` (English, JSON where asked); throws unless it exits 0.
    @discardableResult
    func ctl(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["KINERJA_LANG"] = "en"
        environment["KINERJA_SOCKET"] = nil
        let output = try DrillProcess.run(kinerjactl, arguments + ["--socket", socket], environment: environment)
        guard output.status == 0 else {
            throw DrillError("kinerjactl \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        return output.stdout
    }

    /// `kinerjactl ARGS --json`, decoded.
    func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let text = try ctl(arguments + ["--json"])
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw DrillError("kinerjactl \(arguments.joined(separator: " ")) --json: \(error)")
        }
    }

    static func instant(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    static func rfc3339(_ date: Date, calendar: OfficeCalendar) -> String {
        let offset = calendar.offset(at: date)
        let local = calendar.date(of: date)
        let seconds = Int(date.timeIntervalSince(calendar.instant(local)).rounded(.down))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(local)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
            + "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
    }
}
