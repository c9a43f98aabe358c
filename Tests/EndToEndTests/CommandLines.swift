import Foundation

/// Commands as a reader copies them from a text: lines beginning with `kinerjactl` (or
/// `export`), a line ending in `\` joined with the next, as a shell reads them.
enum CommandLines {
    /// The commands of `text`'s lines, in order.
    static func commands(in lines: [Substring]) -> [String] {
        var commands: [String] = []
        var pending: String?
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var command = pending {
                command += " " + line
                pending = nil
                if command.hasSuffix("\\") { pending = String(command.dropLast()).trimmingCharacters(in: .whitespaces) } else { commands.append(command) }
                continue
            }
            guard line.hasPrefix("kinerjactl ") || line.hasPrefix("export ") else { continue }
            if line.hasSuffix("\\") { pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces) } else { commands.append(line) }
        }
        return commands
    }

    /// The lines of the ```sh blocks of a Markdown text between two headings.
    static func shellBlocks(of markdown: String, from start: String, to end: String) -> [Substring] {
        guard let from = markdown.range(of: "\n" + start + "\n"), let to = markdown.range(of: "\n" + end + "\n", range: from.upperBound..<markdown.endIndex)
        else { return [] }
        var lines: [Substring] = []
        var inBlock = false
        for line in markdown[from.upperBound..<to.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```sh"
                continue
            }
            if inBlock { lines.append(line) }
        }
        return lines
    }

    /// A directory where commands written for a checkout run as written: `.build/debug` is
    /// the binaries under test, `.state/kinerja.sock` the daemon's socket, `config` the
    /// package's (kinerjactl reads import files there).
    static func workingDirectory(for daemon: DaemonProcess) throws -> String {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/.build", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory + "/.state", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: directory + "/.build/debug", withDestinationPath: TestEnvironment.binDirectory)
        try manager.createSymbolicLink(atPath: directory + "/.state/kinerja.sock", withDestinationPath: daemon.socketPath)
        try manager.createSymbolicLink(atPath: directory + "/config", withDestinationPath: TestEnvironment.packageRoot + "/config")
        return directory
    }

    /// Runs `command` with `/bin/sh` in `directory`, after the `export` lines met before it,
    /// with no KINERJA_* of the test's own environment (the CLI in its default language
    /// unless `language`).
    static func run(_ command: String, exports: [String], in directory: String, language: String? = nil, timeout: Double = 60) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KINERJA_") && !$0.key.hasPrefix("LISTEN_") }
        environment["NOTIFY_SOCKET"] = nil
        if let language { environment["KINERJA_LANG"] = language }
        let script = (["cd '\(directory)'"] + exports + [command]).joined(separator: "\n")
        var result = try ChildProcess.run("/bin/sh", ["-c", script], environment: environment, timeout: timeout)
        result.command = [command]
        return result
    }
}
