import Foundation
import KinerjaRPC
import Testing

/// Issue 6: a damaged `kinerja.sqlite` at start. kinerjad refuses to serve it with one line
/// naming the file and the way out (restore a `kinerjactl backup` copy), exits with 78, the
/// status `systemd/kinerjad.service` lists in RestartPreventExitStatus (no crash loop), and
/// does not repair or replace the file. The store's own tests cover opening such files;
/// these run the daemon on them. The refusal's advice is followed once: the backup restores.
@Suite("Fault: corrupt database at start", .timeLimit(.minutes(5)))
struct FaultCorruptDatabaseTests {
    /// What kinerjad exits with on a store it must not serve.
    static let refusedStatus: Int32 = 78

    @Test("the unit does not restart kinerjad after the status it exits with on a damaged store")
    func unitPreventsRestart() throws {
        let unit = try String(contentsOfFile: TestEnvironment.packageRoot + "/systemd/kinerjad.service", encoding: .utf8)
        #expect(unit.contains("Restart=on-failure"))
        #expect(unit.split(separator: "\n").contains("RestartPreventExitStatus=\(Self.refusedStatus)"), "\(unit)")
    }

    @Test("garbage in kinerja.sqlite: one line naming the file and kinerjactl backup, exit 78, the file untouched")
    func garbage() throws {
        let daemon = try DaemonProcess()
        let store = daemon.stateDirectory + "/kinerja.sqlite"
        try FileManager.default.createDirectory(atPath: daemon.stateDirectory, withIntermediateDirectories: true)
        let garbage = Data(String(repeating: "NIP;nama;sekolah\n196808141994031005;Kepala Dinas;-\n", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: store))
        Self.expectRefused(daemon, store: store)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == garbage, "the file was left as it was")
    }

    @Test("a real store truncated mid-page, then one whose roster page is overwritten: both refused; the backup restores")
    func damagedRealStore() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let copy = daemon.directory + "/copy.sqlite"
        _ = try cli.json(BackupInfo.self, ["backup", "--output", copy])
        #expect(daemon.stop() == 0, "\(daemon.logs())")
        let store = daemon.stateDirectory + "/kinerja.sqlite"
        // The backup: the whole store in one file (a stopped daemon's own file may still
        // have its last transactions in kinerja.sqlite-wal).
        let original = try Data(contentsOf: URL(fileURLWithPath: copy))
        try #require(original.count > 100, "a store with the example roster: \(original.count) bytes")
        let pageSize = Int(original[16]) << 8 | Int(original[17])  // the header's page size (SQLite's default: 4096)
        try #require(original.count > 8 * pageSize, "a store with the example roster: \(original.count) bytes")

        // Cut in the middle of a page, halfway through the file.
        let truncated = original.prefix((original.count / 2 / pageSize) * pageSize + pageSize / 3)
        try Self.replaceStore(store, with: truncated)
        Self.expectRefused(daemon, store: store)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == truncated, "the file was left as it was")

        // Whole file, but the position table's root page overwritten: the schema and the
        // migrations still read, the damage shows when the daemon first reads the roster.
        // (Not byte for byte untouched: GRDB's pool commits a CREATE/DROP TABLE on opening
        // a database without a WAL file, before anything reaches the damaged page.)
        let rootPage = try SQLiteShell(path: copy).value("SELECT rootpage FROM sqlite_master WHERE name = 'position';")
        let page = try #require(Int(rootPage), "the position table's root page: \(rootPage)")
        try #require(page > 1 && page * pageSize <= original.count, "page \(page) of \(original.count / pageSize)")
        var overwritten = original
        overwritten.replaceSubrange((page - 1) * pageSize..<page * pageSize, with: Data(repeating: 0xA5, count: pageSize))
        try Self.replaceStore(store, with: overwritten)
        Self.expectRefused(daemon, store: store)

        // The advice: stop kinerjad, put the backup in place, start it.
        try Self.replaceStore(store, with: original)
        try daemon.start()
        #expect(try cli.people().count == 35, "the restored roster")
    }

    @Test("a store from a newer Kinerja: refused the same way, exit 78, naming the file and the way out")
    func newerSchema() throws {
        let daemon = try DaemonProcess.started()
        #expect(daemon.stop() == 0, "\(daemon.logs())")
        let store = daemon.stateDirectory + "/kinerja.sqlite"
        _ = try SQLiteShell(path: store).rows("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-kinerja');")
        Self.expectRefused(daemon, store: store, advice: "restore a backup")
    }

    /// Puts `data` in place of the store, without a WAL or shared-memory file beside it:
    /// SQLite would replay a WAL left by another database onto it.
    static func replaceStore(_ store: String, with data: Data) throws {
        for file in [store + "-wal", store + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
        try data.write(to: URL(fileURLWithPath: store))
    }

    /// Starts kinerjad on the damaged `store` and checks how it refuses.
    static func expectRefused(_ daemon: DaemonProcess, store: String, advice: String = "kinerjactl backup") {
        let started = Date()
        let offset = (try? Data(contentsOf: URL(fileURLWithPath: daemon.outputPath)))?.count ?? 0
        do {
            try daemon.start()
            Issue.record("kinerjad became ready on a damaged store: \(daemon.logs())")
            daemon.kill()
            return
        } catch {
            // Expected: it exited before READY=1.
        }
        let status = daemon.process?.exitStatus
        #expect(status == refusedStatus, "exit \(String(describing: status)), expected \(refusedStatus): \(daemon.logs())")
        #expect(Date().timeIntervalSince(started) < 10, "refused at once")
        // This start's stdout and stderr (the log lines may go to the journal instead).
        let output = (try? Data(contentsOf: URL(fileURLWithPath: daemon.outputPath)))?.dropFirst(offset) ?? Data()
        let logs = String(decoding: output, as: UTF8.self)
        let lines = logs.split(separator: "\n").filter { $0.hasPrefix("kinerjad: ") }
        #expect(lines.count == 1, "one line on stderr for the operator: \(logs)")
        let line = lines.last.map(String.init) ?? ""
        #expect(line.contains(store), "names the file: \(line)")
        #expect(line.contains(advice), "advises what to do: \(line)")
        for trace in ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Error: SQLite error"] {
            #expect(!logs.contains(trace), "\(trace): \(logs)")
        }
    }
}
