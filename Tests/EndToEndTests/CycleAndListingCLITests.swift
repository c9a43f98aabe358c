import Foundation
import KinerjaRPC
import KinerjaVocabulary
import Testing

/// `kinerjactl cycle show`, the header line of its tables, and how it finds the daemon.
@Suite("kinerjactl: cycles, tables and the socket")
struct CycleAndListingCLITests {
    @Test("cycle show: the planning deadline is the last day of the cycle's first month")
    func cycleShow() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let current = try cli.json(CycleInfo.self, ["cycle", "show"])
        #expect(current.cycle == "2026-2", "without a cycle: the current one by the daemon's clock")
        for (cycle, start, end, planning) in [
            ("2025-1", "2025-01-01", "2025-06-30", "2025-01-31"),
            ("2026-2", "2026-07-01", "2026-12-31", "2026-07-31"),
            ("2027-1", "2027-01-01", "2027-06-30", "2027-01-31"),
        ] {
            let info = try cli.json(CycleInfo.self, ["cycle", "show", cycle])
            #expect(info.cycle == cycle && info.start == start && info.end == end)
            #expect(info.planningDeadline == planning, "\(cycle)")
            let planningSteps = info.deadlines.filter { $0.deadline == "perencanaan" }
            #expect(Set(planningSteps.map(\.role)) == ["kepala_sekolah", "pengawas_sekolah"], "\(info.deadlines)")
            #expect(planningSteps.allSatisfy { $0.due == planning }, "every planning step is due then: \(planningSteps)")
            #expect(info.deadlines.allSatisfy { $0.due >= planning && $0.due <= end }, "\(info.deadlines)")

            let text = try cli.run(["cycle", "show", cycle])
            #expect(text.status == 0 && text.stderr.isEmpty, "\(text)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "cycle \(cycle): \(start) – \(end) (rules \(info.rulesYear))", "\(text)")
            #expect(lines.contains("planning deadline: \(planning)"), "\(text)")
            let rows = TableText.rows(text.stdout)
            #expect(rows.contains(["ROLE", "STEP", "DUE"]), "\(text)")
            for deadline in info.deadlines {
                let words = [Vocabulary.roles[deadline.role].english, Vocabulary.steps[deadline.step].english, deadline.due]
                #expect(rows.contains(words), "\(deadline): \(text)")
            }
        }
    }

    @Test("people list: a header line, which --no-legend leaves out")
    func peopleListLegend() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let ids = Set(try cli.people().map(\.id))

        let table = try cli.run(["people", "list"])
        #expect(table.status == 0 && table.stderr.isEmpty, "\(table)")
        let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first == ["ID", "NAME", "ROLE", "NPSN", "STEP", "DUE", "DAYS", "FLAGS"], "\(table)")
        #expect(lines.count == 1 + 35, "\(table)")
        #expect(lines.dropFirst().allSatisfy { ids.contains($0.first ?? "") }, "a row per position, its id first: \(table)")

        let bare = try cli.run(["people", "list", "--no-legend"])
        #expect(bare.status == 0, "\(bare)")
        let bareLines = bare.stdout.split(separator: "\n").map(String.init)
        #expect(bareLines == table.stdout.split(separator: "\n").dropFirst().map(String.init), "the same rows without the header")

        let indonesian = try CLI(daemon, language: nil).run(["people", "list"])
        #expect(indonesian.stdout.split(separator: "\n").first?.split(separator: " ") == ["ID", "NAMA", "PERAN", "NPSN", "LANGKAH", "BATAS", "HARI", "TANDA"],
                "the default language's header: \(indonesian)")
    }

    @Test("KINERJA_SOCKET chooses the socket; --socket overrides it")
    func socketFromEnvironment() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let elsewhere = daemon.directory + "/nobody.sock"

        let fromEnvironment = try CLI.runRaw(["status", "--json"], environment: ["KINERJA_SOCKET": daemon.socketPath])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
        #expect(try CLI.decode(Status.self, from: fromEnvironment).currentCycle == "2026-2")

        let wrongEnvironment = try CLI.runRaw(["status"], environment: ["KINERJA_SOCKET": elsewhere])
        #expect(wrongEnvironment.status == 3, "unreachable: \(wrongEnvironment)")
        #expect(wrongEnvironment.stderr.contains(elsewhere), "names the socket it tried: \(wrongEnvironment)")
        #expect(wrongEnvironment.stdout.isEmpty)

        let overridden = try CLI.runRaw(
            ["status", "--json", "--socket", daemon.socketPath], environment: ["KINERJA_SOCKET": elsewhere])
        #expect(overridden.status == 0, "\(overridden)")

        // The global options may also come first, as people type them.
        let inFront = try CLI.runRaw(["--socket", daemon.socketPath, "--json", "people", "list", "--overdue"])
        #expect(inFront.status == 0, "\(inFront)")
        #expect(inFront.stdout.hasPrefix("["), "JSON, as --json asked: \(inFront)")
        let inFrontWithEquals = try CLI.runRaw(["--socket=\(daemon.socketPath)", "status"])
        #expect(inFrontWithEquals.status == 0, "\(inFrontWithEquals)")
    }
}
