import Foundation
import Testing

/// The README's kinerjactl commands, from "A first look" through "Hooks", run as written (taken
/// from README.md itself, so that this fails when the README drifts) against a daemon on the
/// example district's day.
@Suite("README examples")
struct ReadmeExamplesTests {
    /// Commands the README says fail, and how.
    static let expectedStatus: [String: Int32] = [
        "kinerjactl import roster config/examples/roster-with-errors.csv": 1,  // "every bad row named, nothing written"
    ]

    @Test("every kinerjactl command of the README's first look, progress, reminders and hooks runs as written")
    func readmeCommands() throws {
        let readme = try String(contentsOfFile: TestEnvironment.packageRoot + "/README.md", encoding: .utf8)
        let commands = CommandLines.commands(in: CommandLines.shellBlocks(of: readme, from: "## A first look", to: "## kinerjactl exit codes"))
        try #require(commands.count >= 25, "the README's commands: \(commands)")
        #expect(commands.first?.hasPrefix("export PATH=$PWD/.build/debug:$PATH KINERJA_SOCKET=$PWD/.state/kinerja.sock") == true)

        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let directory = try CommandLines.workingDirectory(for: daemon)
        defer { TestEnvironment.removeTree(directory) }
        var exports: [String] = []
        for command in commands {
            if command.hasPrefix("export ") {
                exports.append(command)
                continue
            }
            let plain = Self.withoutComment(command)
            if plain == "kinerjactl reminders watch" {
                // It prints reminders until interrupted: still running, and quiet, after a moment.
                let watch = try CommandLines.run(command, exports: exports, in: directory, timeout: 1.5)
                #expect(watch.timedOut && watch.stderr.isEmpty, "\(watch)")
                continue
            }
            let result = try CommandLines.run(command, exports: exports, in: directory)
            #expect(result.status == Self.expectedStatus[plain, default: 0], "\(result)")
            #expect(!result.stderr.contains("kinerjactl: Error") && !result.stderr.contains("Fatal"), "\(result)")
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/kinerja-copy.sqlite"), "the backup block wrote its copy")
    }

    /// The command without its trailing `# comment`.
    static func withoutComment(_ command: String) -> String {
        guard let hash = command.range(of: " #") else { return command }
        return String(command[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces)
    }
}
