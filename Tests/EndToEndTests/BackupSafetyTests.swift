import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, findings 6 and 9: a backup under a real name is whole, `backups/` follows no
/// link a client or an intruder planted, and what the daemon writes is readable by its
/// group and nobody else (README: restore with `install -m 0640`).
@Suite("Backups kept whole", .timeLimit(.minutes(4)))
struct BackupSafetyTests {
    static func backup(_ daemon: DaemonProcess) throws -> BackupInfo {
        let client = try VarlinkClient(path: daemon.socketPath, timeout: .seconds(60))
        defer { client.close() }
        return try client.call(Kinerja.Backup.self).backup
    }

    /// ReadBackup's bytes of `name`, or its error.
    static func read(_ daemon: DaemonProcess, _ name: String) throws -> Int {
        let client = try VarlinkClient(path: daemon.socketPath, timeout: .seconds(60))
        defer { client.close() }
        var bytes = 0
        try client.stream(Kinerja.ReadBackup.self, .init(name: name), replyTimeout: .seconds(60)) { piece in
            bytes += Data(base64Encoded: piece.chunk)?.count ?? 0
            return true
        }
        return bytes
    }

    @Test("SIGKILL during 8 backups of a 10,000-row store (finding 6): every backup under a real name is whole, nothing half-written stays")
    func killedBackups() throws {
        var random = SeededRandom.forRun("SIGKILL during backups")
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        _ = try CLI(daemon).importFile("roster", try GeneratedRoster(rows: 10_000, tag: "B").write(to: daemon.directory + "/roster.csv"))
        let directory = daemon.stateDirectory + "/backups"
        var began = Date()
        let whole = try Self.backup(daemon)
        let span = Date().timeIntervalSince(began)
        print(String(format: "backup of %d bytes: %.3f s", whole.bytes, span))

        for round in 0..<8 {
            let delay = span * 1.2 * (Double(round) + random.unit()) / 8
            began = Date()
            let job = ThreadJob { try? Self.backup(daemon) }
            Thread.sleep(until: began.addingTimeInterval(delay))
            daemon.kill()
            _ = try job.value(timeout: 30)
            try daemon.start()

            let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(files.allSatisfy { !$0.hasPrefix(".") }, "round \(round + 1): a partial backup stayed: \(files)")
            for name in files where !name.hasPrefix(".") {
                let shell = try SQLiteShell(path: directory + "/" + name)
                let check = (try? shell.integrityCheck()) ?? "unreadable"
                #expect(check == "ok", "round \(round + 1), kill after \(String(format: "%.3f", delay)) s: \(name) is \(check)")
                #expect((try? shell.value("SELECT count(*) FROM person;")) == "10000", "round \(round + 1): \(name) holds everyone")
                let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? -1
                #expect(try Self.read(daemon, name) == size, "ReadBackup serves \(name) whole")
            }
        }
    }

    @Test("links planted in backups/ (finding 6): ReadBackup serves no linked file, Backup writes through no dangling link")
    func plantedLinks() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        _ = try CLI(daemon).importFile("roster", TestEnvironment.example("roster.csv"))
        let first = try Self.backup(daemon)
        let directory = daemon.stateDirectory + "/backups"
        let secret = daemon.directory + "/secret"
        try "not for clients\n".write(toFile: secret, atomically: true, encoding: .utf8)
        #expect(symlink(secret, directory + "/kinerja-planted.sqlite") == 0)
        #expect(throws: VarlinkClientError.self, "a link is not a backup") { _ = try Self.read(daemon, "kinerja-planted.sqlite") }

        // Dangling links at every name the next backups could take (the daemon's clock says 2026-11-25 08:00).
        let victim = daemon.directory + "/victim"
        let stamp = String(first.name.dropFirst("kinerja-".count).prefix(13))  // YYYYMMDD-HHMM
        for second in 0..<60 {
            for suffix in ["", "-2", "-3"] {
                _ = symlink(victim, directory + String(format: "/kinerja-%@%02d%@.sqlite", stamp, second, suffix))
            }
        }
        let second = try Self.backup(daemon)
        #expect(!FileManager.default.fileExists(atPath: victim), "Backup wrote through a planted link")
        #expect(try Self.read(daemon, second.name) == second.bytes)
        var info = stat()
        #expect(lstat(second.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "\(second.name) is a file of its own")

        // backups/ itself a link to elsewhere: refused, nothing written there.
        let elsewhere = daemon.directory + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: directory)
        #expect(symlink(elsewhere, directory) == 0)
        let refused = try CLI(daemon).run(["backup"])
        #expect(refused.status == 1 && refused.stderr.contains("backups"), "\(refused)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        RobustnessTests.stillServes(daemon, after: "planted links")
    }

    @Test("the store and backups are readable by the daemon's group and nobody else (finding 9), whatever umask it was started with")
    func modes() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        _ = try CLI(daemon).importFile("roster", TestEnvironment.example("roster.csv"))
        let backup = try Self.backup(daemon)
        func mode(_ path: String) -> String {
            var info = stat()
            return stat(path, &info) == 0 ? String(info.st_mode & 0o777, radix: 8) : "missing"
        }
        #expect(mode(daemon.stateDirectory + "/kinerja.sqlite") == "640")
        #expect(mode(daemon.stateDirectory + "/kinerja.sqlite-wal") == "640")
        #expect(mode(daemon.stateDirectory) == "750")
        #expect(mode(daemon.stateDirectory + "/backups") == "750")
        #expect(mode(backup.path) == "640")
    }
}
