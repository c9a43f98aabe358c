import Foundation

/// Runs another program to completion, the way an administrator's shell would: the figure
/// is the wall time from launch to exit, process start included.
enum Command {
    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "\(command) exited with \(status): \(stderr)" }
    }

    /// Seconds `executable args` took; its stdout goes to the file `stdout` (or nowhere).
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdout: String? = nil
    ) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let stdout {
            _ = FileManager.default.createFile(atPath: stdout, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        let errors = Pipe()
        process.standardError = errors
        let start = Stopwatch.now()
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Stopwatch.now() - start
        guard process.terminationStatus == 0 else {
            throw Failed(
                command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                stderr: String(decoding: stderr.suffix(2000), as: UTF8.self))
        }
        return seconds
    }

    /// Lines of a file (what a listing printed), for the counts beside a figure.
    static func lineCount(_ path: String) -> Int {
        ((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
