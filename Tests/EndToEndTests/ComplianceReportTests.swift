import Foundation
import KinerjaRPC
import KinerjaVocabulary
import Testing

/// `kinerjactl report compliance` on the example district (roster and progress of
/// config/examples, on 25 November 2026): its figures are checked against every plan as
/// `plan show` gives it, and its tables against its `--json`.
@Suite("report compliance")
struct ComplianceReportTests {
    /// The report as the plans' own timelines and flags make it: a step done on or before
    /// its due date is on time; a plan's current step counts as blocked, else overdue, else
    /// pending; a plan with no current step is complete.
    static func expected(from plans: [PlanDetail]) -> (steps: [String: StepCompliance], roles: [String: GroupCompliance], schools: [String: GroupCompliance]) {
        var steps: [String: StepCompliance] = [:]
        var roles: [String: GroupCompliance] = [:]
        var schools: [String: GroupCompliance] = [:]
        for plan in plans {
            let flags = Set(plan.summary.flags)
            for item in plan.timeline {
                let key = "\(plan.peran)/\(item.step)"
                var step = steps[key] ?? StepCompliance(role: plan.peran, step: item.step)
                switch item.state {
                case "done":
                    step.done += 1
                    if let completed = item.completedOn, completed <= item.due { step.onTime += 1 } else { step.late += 1 }
                case "current":
                    if flags.contains("blocked") {
                        step.blocked += 1
                    } else if flags.contains("overdue") {
                        step.overdue += 1
                    } else {
                        step.pending += 1
                    }
                default:
                    break
                }
                steps[key] = step
            }
            func count(_ group: inout GroupCompliance) {
                group.plans += 1
                if plan.summary.step == nil { group.complete += 1 }
                if flags.contains("overdue") { group.overdue += 1 }
                if flags.contains("blocked") { group.blocked += 1 }
                if flags.contains("not-submitted") { group.notSubmitted += 1 }
            }
            count(&roles[plan.peran, default: GroupCompliance(key: plan.peran, name: nil)])
            if let npsn = plan.npsn {
                count(&schools[npsn, default: GroupCompliance(key: npsn, name: plan.namaSekolah)])
            }
        }
        return (steps, roles, schools)
    }

    @Test("per step, role and school: figures agree with every plan, in --json and in the tables")
    func complianceOfTheExampleDistrict() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))

        let report = try cli.json(ComplianceReport.self, ["report", "compliance"])
        #expect(report.cycle == "2026-2" && report.asOf == "2026-11-25")
        let plans = try cli.people().map { position in try cli.plan(try #require(position.plan).plan) }
        #expect(plans.count == 35)
        let expected = Self.expected(from: plans)

        #expect(Dictionary(uniqueKeysWithValues: report.steps.map { ("\($0.role)/\($0.step)", $0) }) == expected.steps)
        #expect(Dictionary(uniqueKeysWithValues: report.roles.map { ($0.key, $0) }) == expected.roles)
        #expect(Dictionary(uniqueKeysWithValues: report.schools.map { ($0.key, $0) }) == expected.schools)
        for role in ["kepala_sekolah", "pengawas_sekolah"] {
            let workflow = plans.first { $0.peran == role }?.timeline.map(\.step)
            #expect(report.steps.filter { $0.role == role }.map(\.step) == workflow, "\(role)'s steps in workflow order")
        }
        #expect(report.roles.map(\.key) == ["kepala_sekolah", "pengawas_sekolah"])
        #expect(report.schools.map(\.key) == report.schools.map(\.key).sorted())

        // What config/examples/README.md says of the district.
        let principals = try #require(report.roles.first { $0.key == "kepala_sekolah" })
        // Two principals are through Pelaksanaan, at Penilaian: none is complete.
        #expect(principals.plans == 30 && principals.complete == 0, "\(principals)")
        #expect(report.steps.first { $0.role == "kepala_sekolah" && $0.step == "penilaian" }?.pending == 2)
        let supervisors = try #require(report.roles.first { $0.key == "pengawas_sekolah" })
        #expect(supervisors.plans == 5 && supervisors.blocked == 1 && supervisors.complete == 0, "\(supervisors)")
        #expect(report.schools.count == 30 && report.schools.allSatisfy { $0.plans == 1 && $0.name != nil })
        let started = report.steps.first { $0.role == "kepala_sekolah" && $0.step == "praktik-kinerja" }
        #expect(started?.done == 26, "30 principal plans, 4 never started: \(String(describing: started))")
        for group in report.roles {
            let current = report.steps.filter { $0.role == group.key }.reduce(0) { $0 + $1.blocked + $1.overdue + $1.pending }
            #expect(current == group.plans - group.complete, "each unfinished \(group.key) plan is at one step")
        }

        // The human tables: a header line each, then one row per step, role and school.
        let text = try cli.run(["report", "compliance"])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text)")
        let lines = TableText.rows(text.stdout)
        #expect(text.stdout.hasPrefix("compliance of cycle 2026-2, as of 2026-11-25\n"), "\(text)")
        let headers = [
            ["ROLE", "STEP", "DONE", "ON-TIME", "LATE", "OVERDUE", "BLOCKED", "PENDING", "UNFINISHED"],
            ["ROLE", "PLANS", "COMPLETE", "OVERDUE", "BLOCKED", "NOT-SUBMITTED", "UNFINISHED"],
            ["NPSN", "SCHOOL", "PLANS", "COMPLETE", "OVERDUE", "BLOCKED", "NOT-SUBMITTED", "UNFINISHED"],
            ["ROLE", "STEP", "CHOICE", "VALUE", "PLANS"],
        ]
        for header in headers { #expect(lines.contains(header), "header \(header): \(text)") }
        let rows = Self.tableRows(report)
        for row in rows.steps + rows.roles { #expect(lines.contains(row), "row \(row): \(text)") }
        for (npsn, figures) in rows.schools {
            #expect(lines.contains { $0.first == npsn && Array($0.suffix(6)) == figures }, "school \(npsn) \(figures): \(text)")
        }
        // What the plans chose and how they were rated, but the supervisors' three schools; then the advised plans.
        let choices = report.choices.filter { $0.choice != "sekolah" }
        #expect(!choices.isEmpty && choices.contains { $0.choice == "praktik-kinerja" && $0.nama != nil })
        #expect(text.stdout.hasSuffix("plans with advice of the year's rules (e.g. too few RHK points): \(report.advised)\n"), "\(text)")
        #expect(lines.count == 2 + headers.count + rows.steps.count + rows.roles.count + rows.schools.count + choices.count, "\(text)")

        let bare = try cli.run(["report", "compliance", "--no-legend"])
        #expect(bare.status == 0, "\(bare)")
        let bareLines = TableText.rows(bare.stdout)
        for header in headers { #expect(!bareLines.contains(header), "--no-legend drops \(header): \(bare)") }
        #expect(bareLines.count == lines.count - headers.count, "\(bare)")
    }

    /// The rows the tables must show, as cells: roles and steps in words (English, the
    /// language of these tests' kinerjactl), schools as their NPSN and six figures.
    static func tableRows(_ report: ComplianceReport) -> (steps: [[String]], roles: [[String]], schools: [(String, [String])]) {
        let steps = report.steps.map {
            [Vocabulary.roles[$0.role].english, Vocabulary.steps[$0.step].english]
                + [$0.done, $0.onTime, $0.late, $0.overdue, $0.blocked, $0.pending, $0.unfinished].map(String.init)
        }
        func figures(_ g: GroupCompliance) -> [String] { [g.plans, g.complete, g.overdue, g.blocked, g.notSubmitted, g.unfinished].map(String.init) }
        return (steps, report.roles.map { [Vocabulary.roles[$0.key].english] + figures($0) }, report.schools.map { ($0.key, figures($0)) })
    }
}
