import Foundation
import KinerjaRPC
import Testing

/// `kinerjactl backup --output FILE`: a consistent copy of the running store, streamed to the caller.
@Suite("Backup")
struct BackupTests {
    @Test("backup --output writes a SQLite database of the size the daemon reported, and never overwrites")
    func backupToFile() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        let target = daemon.directory + "/copy.sqlite"

        let info = try cli.json(BackupInfo.self, ["backup", "--output", target])
        let data = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(data.count == info.bytes, "the daemon reported \(info.bytes) bytes, the file has \(data.count)")
        #expect(info.bytes > 100_000, "a store holding the example district: \(info.bytes) bytes")
        #expect(Array(data.prefix(16)) == Array("SQLite format 3".utf8) + [0], "the SQLite header")
        #expect(info.path == daemon.stateDirectory + "/backups/" + info.name)
        #expect(info.name.hasPrefix("kinerja-20261125-") && info.name.hasSuffix(".sqlite"), "named by the daemon's time: \(info.name)")
        let kept = try Data(contentsOf: URL(fileURLWithPath: info.path))
        #expect(kept == data, "the streamed copy is the daemon's backup byte for byte")

        if let sqlite3 = TestEnvironment.which("sqlite3") {
            let check = try ChildProcess.run(sqlite3, [target, "PRAGMA integrity_check;"], timeout: 30)
            #expect(check.status == 0 && check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(check)")
            let people = try ChildProcess.run(sqlite3, [target, "SELECT count(*) FROM person;"], timeout: 30)
            #expect(people.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "34", "\(people)")
        }

        // A second run onto the same file: a usage error, and the file is untouched.
        let again = try cli.run(["backup", "--output", target])
        #expect(again.status == 2, "README: 2 = usage error; \(again)")
        #expect(again.stderr.contains(target), "\(again)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == data)
        let positional = try cli.run(["backup", target])
        #expect(positional.status == 2, "\(positional)")
    }
}
