import Foundation
import KinerjaRPC
import KinerjaTestPostgres
import Testing

/// Two real daemons with `[store] url` on one database of the tests' own PostgreSQL: any of
/// them answers any call, and a change made through one is seen by the next call to the
/// other (no answer kept from before it). And `kinerjad --copy-store` moves the store out
/// and back.
@Suite("PostgreSQL: two daemons on one database", .timeLimit(.minutes(5)))
struct PostgresDaemonsTests {
    /// A daemon on a copy of config/kinerja.toml whose `[store] url` is `url`.
    static func daemon(url: String) throws -> DaemonProcess {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, configCopy: true)
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        guard config.contains("\nurl = \"\"") else { throw TestFailure("config/kinerja.toml has no `url = \"\"` line under [store]") }
        try config.replacingOccurrences(of: "\nurl = \"\"", with: "\nurl = \"\(url)\"")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        return daemon
    }

    @Test("a roster imported through one daemon is listed by the other at once; a silence added through the other is seen by the first")
    func oneDatabase() throws {
        let url = try ThrowawayPostgres.server().makeDatabase()
        let a = try Self.daemon(url: url), b = try Self.daemon(url: url)
        try a.start()
        try b.start()
        let (ctlA, ctlB) = (CLI(a), CLI(b))
        let before = try CLI.decode(Status.self, from: try ctlB.run(["status", "--json"]))
        #expect(before.counts.people == 0)
        #expect(before.storePath.hasPrefix("postgresql://"))
        let imported = try ctlA.run(["import", "roster", TestEnvironment.example("roster.csv")])
        #expect(imported.status == 0, "\(imported)")
        let after = try CLI.decode(Status.self, from: try ctlB.run(["status", "--json"]))
        #expect(after.counts.people > 0 && after.counts.plans > 0, "\(after.counts)")
        let listedA = try ctlA.run(["people", "list", "--json"]), listedB = try ctlB.run(["people", "list", "--json"])
        #expect(listedA.status == 0 && listedA.stdout == listedB.stdout)

        let progress = try ctlB.run(["import", "progress", TestEnvironment.example("progress.csv")])
        #expect(progress.status == 0, "\(progress)")
        let overdueA = try ctlA.run(["people", "list", "--overdue", "--json"]), overdueB = try ctlB.run(["people", "list", "--overdue", "--json"])
        #expect(overdueA.stdout == overdueB.stdout)
        let statusA = try CLI.decode(Status.self, from: try ctlA.run(["status", "--json"]))
        let statusB = try CLI.decode(Status.self, from: try ctlB.run(["status", "--json"]))
        #expect(statusA.counts == statusB.counts)

        let silenced = try ctlB.run(["silence", "add", "--npsn", "20571219", "--until", "2026-11-30", "--reason", "banjir"])
        #expect(silenced.status == 0, "\(silenced)")
        #expect(try ctlA.run(["silence", "list"]).stdout.contains("banjir"))
        #expect(a.stop() == 0)
        #expect(b.stop() == 0)
    }

    @Test("--copy-store moves a daemon's SQLite store into an empty database and back, and refuses a non-empty target")
    func copyStore() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let ctl = CLI(daemon)
        #expect(try ctl.run(["import", "roster", TestEnvironment.example("roster.csv")]).status == 0)
        #expect(try ctl.run(["import", "progress", TestEnvironment.example("progress.csv")]).status == 0)
        let listed = try ctl.run(["people", "list", "--json"]).stdout
        #expect(daemon.stop() == 0)
        let file = daemon.stateDirectory + "/kinerja.sqlite"
        let url = try ThrowawayPostgres.server().makeDatabase()

        let out = try ChildProcess.run(TestEnvironment.kinerjad, ["--copy-store", file, url], timeout: 120)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout.contains("audit\t") && out.stderr.contains("every table's count matches"), "\(out)")
        let again = try ChildProcess.run(TestEnvironment.kinerjad, ["--copy-store", file, url], timeout: 120)
        #expect(again.status == 1 && again.stderr.contains("is not empty"), "\(again)")

        let onPostgres = try Self.daemon(url: url)
        try onPostgres.start()
        #expect(try CLI(onPostgres).run(["people", "list", "--json"]).stdout == listed)
        #expect(onPostgres.stop() == 0)

        let back = daemon.directory + "/back.sqlite"
        let returned = try ChildProcess.run(TestEnvironment.kinerjad, ["--copy-store", url, back], timeout: 120)
        #expect(returned.status == 0, "\(returned)")
        // The daemon on PostgreSQL ran meanwhile (its scheduler logs reminders): the roster and plans are as copied.
        func line(_ table: String, _ text: String) -> Substring? { text.split(separator: "\n").first { $0.hasPrefix(table + "\t") } }
        for table in ["person", "position", "plan", "plan_step"] { #expect(line(table, returned.stdout) == line(table, out.stdout), "\(table)") }
    }
}
