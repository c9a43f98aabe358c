import ArgumentParser
import FoundationEssentials
import KinerjaRPC

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Make a consistent copy of the store while the daemon runs.",
        discussion: """
        The daemon writes the copy under its state directory (backups/, named by time) and
        prints its name. With --output FILE (or FILE), the copy is also streamed here and written to FILE.
        Restore: stop kinerjad (and kinerjad.socket), delete kinerja.sqlite-wal and kinerja.sqlite-shm, replace kinerja.sqlite in the state directory with the copy, start kinerjad. A -wal file left beside the copy would be replayed onto it.
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write a copy (same as --output).", valueName: "file")) var path: String?
    @Option(help: ArgumentHelp("Where to write a copy.", valueName: "file")) var output: String?

    func validate() throws {
        if path != nil && output != nil { throw ValidationError("give FILE or --output FILE, not both") }
        if let target = path ?? output, FileManager.default.fileExists(atPath: target) {
            throw ValidationError("\(target) exists; choose a new file name (a backup never overwrites)")
        }
    }

    func run() throws {
        let info = try global.run { client -> BackupInfo in
            let info = try client.call(Kinerja.Backup.self).backup
            if let target = path ?? output {
                var data = Data()
                try client.stream(Kinerja.ReadBackup.self, .init(name: info.name)) { chunk in
                    guard let bytes = Data(base64Encoded: chunk.chunk) else { throw VarlinkClientError.protocolError("bad base64 chunk") }
                    data.append(bytes)
                    return true
                }
                do {
                    try data.write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
                } catch {
                    Printer.err(Language.t("kinerjactl: tidak dapat menulis \(target)", "kinerjactl: cannot write \(target)"))
                    throw Exit.usage
                }
            }
            return info
        }
        if global.json { return try Printer.json(info) }
        Printer.out("\(info.path) (\(info.bytes) bytes)")
        if let target = path ?? output { Printer.out("\(target)") }
    }
}
