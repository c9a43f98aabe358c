import Foundation
import KinerjaRPC
import Testing

/// Issue 6: the state directory runs out of space (a 4 MiB tmpfs, filled to the last page).
/// Changes are refused with an error that names the problem and the place, nothing is
/// half-written (not even a backup file), reads go on, the daemon stays up, and the same
/// change succeeds once space is freed. Needs root to mount; fails, never skips, without it.
@Suite("Fault: disk full", .timeLimit(.minutes(2)))
struct FaultDiskFullTests {
    @Test("a full state directory: changes refused naming the problem, reads served, and a change succeeds once space returns")
    func diskFull() throws {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart)
        let mount = try TmpfsMount(path: daemon.stateDirectory, bytes: 4 << 20)
        defer {
            daemon.kill()
            mount.unmount()
        }
        try daemon.start()
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let principal = RosterAndWorkflowTests.principal
        let complete = ["plan", "complete", principal, "praktik-kinerja", "--date", "2026-07-06", "--praktik-kinerja", "d3-visi-misi"]
        let before = try cli.plan(principal)
        #expect(before.summary.step == "praktik-kinerja")
        let people = try cli.people().count
        let plans = try cli.status().counts.plans
        let backups = daemon.stateDirectory + "/backups"

        let filler = try mount.fill("filler")
        #expect(mount.available == 0, "the tmpfs is full: \(mount.available) bytes left")
        print("disk full: a 4 MiB tmpfs, \(filler) bytes of filler after the example roster")

        // Changes: a transition, an import of a district, a backup. Each refused, each naming the problem.
        Self.expectNoSpace(try cli.run(complete), directory: daemon.stateDirectory)
        let district = try GeneratedRoster(rows: 2_000, tag: "Baru").write(to: daemon.directory + "/district.csv")
        Self.expectNoSpace(try cli.run(["import", "roster", district]), directory: daemon.stateDirectory)
        let copy = daemon.directory + "/copy.sqlite"
        Self.expectNoSpace(try cli.run(["backup", "--output", copy]), directory: backups)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? []
        #expect(leftovers.isEmpty, "a failed backup leaves no partial file to be mistaken for a backup: \(leftovers)")
        #expect(!FileManager.default.fileExists(atPath: copy))

        // Reads: the same answers as before, from the same daemon.
        let during = try cli.plan(principal)
        #expect(during.summary.step == "praktik-kinerja" && during.timeline == before.timeline, "nothing changed: \(during.summary)")
        #expect(try cli.people().count == people)
        #expect(try cli.status().counts.plans == plans)
        RobustnessTests.stillServes(daemon, after: "changes refused on a full disk")
        #expect(daemon.waitForLog(containing: "store write failed") != nil, "the refusals are logged: \(daemon.logs())")

        // Space returns: the same change goes through, and so does a backup.
        try FileManager.default.removeItem(atPath: mount.path + "/filler")
        let after = try cli.json(PlanDetail.self, complete)
        #expect(after.timeline.first { $0.step == "praktik-kinerja" }?.state == "done", "\(after.timeline)")
        #expect(after.summary.step == "pengembangan-kompetensi")
        let backup = try cli.json(BackupInfo.self, ["backup", "--output", copy])
        #expect(backup.bytes > 0 && FileManager.default.fileExists(atPath: copy))
        let integrity = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite").integrityCheck()
        #expect(integrity == "ok", "\(integrity)")
        #expect(daemon.isRunning, "\(daemon.logs())")
    }

    /// kinerjactl's refusal of a change that found no space: exit 1 and one line naming
    /// the cause and the directory to free.
    static func expectNoSpace(_ result: CommandResult, directory: String) {
        #expect(result.status == 1, "README: 1 = the daemon refused with a named error; \(result)")
        // The daemon answers in the caller's language (the test's kinerjactl: KINERJA_LANG=en).
        #expect(result.stderr.contains("no space left") && result.stderr.contains("nothing was written"), "names the problem: \(result)")
        #expect(result.stderr.contains(directory), "names where to free space: \(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result)")
    }
}
