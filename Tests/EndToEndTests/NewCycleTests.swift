import Foundation
import KinerjaCore
import KinerjaDrill
import KinerjaRPC
import Testing

/// A daemon that runs through a cycle boundary, never restarted: the new cycle's plans and
/// planning reminders are there from its first instant, and the preview taken before
/// midnight already showed them (issue 12: a daemon started on 31 December answered
/// "2027-1 … rencana: 0" after midnight, and an empty preview, until it was restarted).
@Suite("A new cycle while running", .timeLimit(.minutes(5)))
struct NewCycleTests {
    @Test("started at 23:59 on 31 December: after midnight the 2027-1 plans and planning reminders are there, as the 23:59 preview said")
    func newYearWithoutRestart() throws {
        // 20× real time: midnight comes 3 s after the start.
        let daemon = try DaemonProcess(clockStart: "2026-12-31T23:59:00+07:00", clockRate: 20)
        try daemon.start()
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        let before = try cli.json(Status.self, ["status"])
        #expect(before.today == "2026-12-31" && before.currentCycle == "2026-2", "\(before.now)")
        #expect(before.clockRate == 20)
        let positions = try cli.people()
        #expect(positions.count == 35)

        // At 23:59: January's reminders of the cycle to come, for every active position.
        let preview = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2027-01-01", "--to", "2027-01-31"])
        let planning = preview.filter { $0.plan.hasPrefix("2027-1/") }
        #expect(Set(planning.map(\.person)) == Set(positions.map(\.id)), "every position's planning reminders")
        #expect(planning.contains { $0.kind == "due" && $0.due == "2027-01-31" && $0.step == "praktik-kinerja" })
        #expect(planning.allSatisfy { $0.state == "planned" })
        // 2026-2 closes on 15 January (close_cycle_after_days = 14): nothing of it from then on.
        let old = preview.filter { $0.plan.hasPrefix("2026-2/") }
        #expect(!old.isEmpty, "unfinished 2026-2 plans are still chased in early January")
        #expect(old.allSatisfy { $0.fireAt < "2027-01-15" }, "\(old.map(\.fireAt).max() ?? "")")

        // After midnight, the same daemon.
        var after = try cli.json(Status.self, ["status"])
        let deadline = Date().addingTimeInterval(30)
        while after.today != "2027-01-01" && Date() < deadline {
            usleep(200_000)
            after = try cli.json(Status.self, ["status"])
        }
        try #require(after.today == "2027-01-01", "the daemon's clock did not reach 2027: \(after.now)")
        #expect(after.currentCycle == "2027-1")
        #expect(after.counts.plans == 35, "every active position's 2027-1 plan: \(after.counts)")
        #expect(try daemon.pid == #require(daemon.pid) && daemon.isRunning, "never restarted")
        let listed = try cli.people()
        #expect(listed.allSatisfy { $0.plan?.cycle == "2027-1" && $0.plan?.step != nil }, "\(listed.compactMap(\.plan).map(\.plan))")
        // The plans were made on the eve, before the first instant of 1 January.
        let history = try cli.history("2027-1")
        let created = try #require(history.first { $0.action == "plans created" })
        #expect(created.at < "2027-01-01T00:00:00+07:00", "\(created.at)")
        // What fires in January is what the preview at 23:59 said.
        let again = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2027-01-01", "--to", "2027-01-31"])
        #expect(again.map(\.id) == preview.map(\.id))

        // `reminders ack` takes an id the preview printed, before it fires: the preview then
        // marks every reminder of that deadline acknowledged instead of planned.
        let lead = try #require(again.first { $0.plan.hasPrefix("2027-1/") && $0.kind == "lead" })
        let ack = try cli.run(["reminders", "ack", lead.id])
        #expect(ack.status == 0, "\(ack)")
        let marked = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2027-01-01", "--to", "2027-01-31"])
        let sameDeadline = marked.filter { $0.plan == lead.plan && $0.step == lead.step && $0.due == lead.due }
        #expect(!sameDeadline.isEmpty && sameDeadline.allSatisfy { $0.state == "acknowledged" }, "\(sameDeadline.map(\.state))")
        let unknown = try cli.run(["reminders", "ack", "bukan-id|x|2027-01-31"])
        #expect(unknown.status == 1 && unknown.stderr.contains("is not a known reminder id"), "in the caller's language: \(unknown)")
    }

    @Test("the drill's short form: one daemon across 31 December and 30 June, journal and hook's log against the previews")
    func shortDrill() throws {
        for (from, to, cycle) in [("2026-12-27", "2027-01-09", "2027-1"), ("2027-06-26", "2027-07-09", "2027-2")] {
            let options = DrillOptions(
                binDirectory: TestEnvironment.binDirectory, packageRoot: TestEnvironment.packageRoot, from: LocalDate(from)!,
                to: LocalDate(to)!, rate: 50_000, log: { _ in })
            let report = try Drill.run(options)
            print("drill \(from) → \(to): \(Int(report.seconds)) s\n\(report.table)")
            #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
            #expect(report.eveChecked == [cycle])
            #expect(report.months.reduce(0) { $0 + $1.firedTotal } > 20, "the window fires reminders at all")
        }
    }
}
