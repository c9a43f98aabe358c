import Foundation

/// What every measurement needs: the release binaries, a scratch directory, the bench's
/// configuration and the report the figures go to.
struct Bench {
    /// The daemons' clock: a weekday in cycle 2026-2, after the fire time (07:00), so no
    /// reminder fires (and no hook runs) while the bench measures.
    static let clockStart = "2026-11-25T10:00:00+07:00"
    static let today = "2026-11-25"

    let bin: String
    let work: String
    let config: String
    let floor: String
    let report: Report

    /// Writes the bench's kinerja.toml: the project's, with absolute rules and an empty
    /// hooks directory (a fired reminder must not run the example hook).
    init(bin: String, work: String, projectConfig: String, floor: String, report: Report) throws {
        self.bin = bin
        self.work = work
        self.floor = floor
        self.report = report
        let rules = URL(fileURLWithPath: projectConfig).deletingLastPathComponent().appendingPathComponent("rules").standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: "\(work)/hooks.d", withIntermediateDirectories: true)
        let text = try String(contentsOfFile: projectConfig, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("rules_directory") { return "rules_directory = \"\(rules)\"" }
            if line.hasPrefix("hooks_directory") { return "hooks_directory = \"\(work)/hooks.d\"" }
            return String(line)
        }.joined(separator: "\n")
        config = "\(work)/kinerja.toml"
        try text.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Runs kinerjactl against `daemon`; returns seconds. The timeout is long: a national
    /// import takes minutes.
    @discardableResult
    func ctl(_ daemon: Daemon, _ arguments: [String], stdout: String? = nil) throws -> Double {
        try Command.run("\(bin)/kinerjactl", arguments + ["--socket", daemon.socket, "--timeout", "3600"], stdout: stdout)
    }

    /// The median seconds of `repeats` runs of kinerjactl, and the lines the last one printed.
    func ctlMedian(_ daemon: Daemon, _ arguments: [String], repeats: Int) throws -> (seconds: Double, lines: Int) {
        let out = "\(work)/out.txt"
        var samples: [Double] = []
        for _ in 0..<repeats { samples.append(try ctl(daemon, arguments, stdout: out)) }
        return (samples.sorted().median, Command.lineCount(out))
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = "\(work)/\(name)"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}
