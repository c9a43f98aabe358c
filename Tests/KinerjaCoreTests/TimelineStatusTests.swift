import KinerjaCore
import Testing

@Suite("Timeline and PlanStatus")
struct TimelineStatusTests {
    let rules = Fixtures.rules2024

    func dues(_ entries: [TimelineEntry]) -> [Step: LocalDate] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.step, $0.due) })
    }

    @Test("a principal's projected deadlines in 2024-1 and 2024-2")
    func principalProjected() {
        let first = Timeline.projected(cycle: CycleID("2024-1")!, role: .kepalaSekolah, rules: rules)
        #expect(first.map(\.step) == Workflow.kepalaSekolah)
        #expect(first.map(\.due) == [
            d("2024-01-31"), d("2024-01-31"), d("2024-01-31"), d("2024-01-31"),
            d("2024-02-29"), d("2024-03-31"), d("2024-04-14"), d("2024-05-31"), d("2024-06-30"),
            // Penilaian, Penetapan Predikat, Sinkron: the cycle's last day (the fixture names none).
            d("2024-06-30"), d("2024-06-30"), d("2024-06-30"),
        ])
        #expect(first.allSatisfy { $0.startedOn == nil && $0.completedOn == nil })
        let second = Timeline.projected(cycle: CycleID("2024-2")!, role: .kepalaSekolah, rules: rules)
        #expect(second.map(\.due) == [
            d("2024-07-31"), d("2024-07-31"), d("2024-07-31"), d("2024-07-31"),
            d("2024-08-31"), d("2024-09-30"), d("2024-10-14"), d("2024-11-30"), d("2024-12-31"),
            d("2024-12-31"), d("2024-12-31"), d("2024-12-31"),
        ])
    }

    @Test("a supervisor's projected deadlines chain from the planning month")
    func supervisorProjected() {
        let entries = Timeline.projected(cycle: CycleID("2025-1")!, role: .pengawasSekolah, rules: Fixtures.rules2025)
        #expect(entries.map(\.step) == Workflow.pengawasSekolah)
        let due = dues(entries)
        #expect(due[.penyusunan] == d("2025-01-31"))
        #expect(due[.pemeriksaan] == d("2025-02-07"))
        #expect(due[.persetujuan] == d("2025-02-14"))
        #expect(due[.diskusiPersiapan] == d("2025-02-28"))
        #expect(due[.pendampingan] == d("2025-05-28"))
        #expect(due[.diskusiTindakLanjut] == d("2025-06-11"))
        #expect(due[.refleksiTindakLanjut] == d("2025-06-30"))
    }

    @Test("every projected deadline falls inside the cycle, in workflow order", arguments: [Role.kepalaSekolah, .pengawasSekolah])
    func projectedFitsCycle(role: Role) {
        let cycle = CycleID("2025-1")!
        let entries = Timeline.projected(cycle: cycle, role: role, rules: Fixtures.rules2025)
        #expect(entries.allSatisfy { cycle.contains($0.due) })
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.due <= $1.due })
    }

    @Test("due and daysLeft: 0 on the day, -1 the day after, with overdue and not-submitted")
    func daysLeft() {
        let plan = Fixtures.principalPlan("2024-1")
        let cases: [(String, Int, [PlanFlag])] = [
            ("2024-01-01", 30, []),
            ("2024-01-30", 1, []),
            ("2024-01-31", 0, []),
            ("2024-02-01", -1, [.overdue, .notSubmitted]),
            ("2024-03-01", -30, [.overdue, .notSubmitted]),
        ]
        for (today, left, flags) in cases {
            let status = PlanStatus(of: plan, on: d(today), rules: rules)
            #expect(status.plan == plan.id)
            #expect(status.currentStep == .praktikKinerja)
            #expect(status.actor == .pegawai)
            #expect(status.due == d("2024-01-31"))
            #expect(status.daysLeft == left, "on \(today)")
            #expect(status.flags == flags, "on \(today)")
            #expect(status.blockCause == nil)
        }
    }

    @Test("a plan submitted after the planning month is flagged late-submission, for good")
    func lateSubmission() throws {
        let onTime = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-31")
        #expect(PlanStatus(of: onTime, on: d("2024-02-01"), rules: rules).flags == [])
        let late = try Fixtures.submittedPrincipalPlan(submitted: "2024-02-01")
        let status = PlanStatus(of: late, on: d("2024-02-01"), rules: rules)
        #expect(status.flags == [.lateSubmission])
        #expect(status.currentStep == .dokumenPersiapan)
        #expect(status.due == d("2024-02-29"))
        #expect(status.daysLeft == 28)
        #expect(PlanStatus(of: late, on: d("2024-03-01"), rules: rules).flags == [.overdue, .lateSubmission])
    }

    @Test("a supervisor's submission is the composition; the deadline is the planning month")
    func supervisorSubmission() throws {
        let rules = Fixtures.rules2025
        let late = try Fixtures.approvedSupervisorPlan(composed: "2025-02-03", examined: "2025-02-04", approved: "2025-02-05")
        let status = PlanStatus(of: late, on: d("2025-02-05"), rules: rules)
        #expect(status.flags == [.lateSubmission])
        #expect(status.currentStep == .diskusiPersiapan)
        #expect(status.due == d("2025-02-19"))
        let examined = try Fixtures.supervisorPlan("2025-1").then(.complete(.penyusunan, .none), on: "2025-01-10", rules: rules)
        let waiting = PlanStatus(of: examined, on: d("2025-01-18"), rules: rules)
        #expect(waiting.currentStep == .pemeriksaan)
        #expect(waiting.actor == .timKinerja)
        #expect(waiting.due == d("2025-01-17"))
        #expect(waiting.daysLeft == -1)
        #expect(waiting.flags == [.overdue])
    }

    @Test("the 2024-1 extension moves the planning due to 31 March and clears not-submitted until then")
    func extensionMovesPlanning() throws {
        let rules = Fixtures.makeRules2024(extensions: [Fixtures.planningExtension2024])
        #expect(rules.problems() == [])
        let plan = Fixtures.principalPlan("2024-1")
        let entries = Timeline.entries(of: plan, rules: rules)
        #expect(entries.prefix(4).allSatisfy { $0.due == d("2024-03-31") })

        let february = PlanStatus(of: plan, on: d("2024-02-15"), rules: rules)
        #expect(february.due == d("2024-03-31"))
        #expect(february.daysLeft == 45)
        #expect(february.flags == [])
        #expect(PlanStatus(of: plan, on: d("2024-03-31"), rules: rules).flags == [])
        #expect(PlanStatus(of: plan, on: d("2024-04-01"), rules: rules).flags == [.overdue, .notSubmitted])

        let submitted = try Fixtures.submittedPrincipalPlan(submitted: "2024-03-20", rules: rules)
        #expect(!PlanStatus(of: submitted, on: d("2024-03-20"), rules: rules).flags.contains(.lateSubmission))

        // The extension belongs to 2024-1 only.
        let july = Timeline.projected(cycle: CycleID("2024-2")!, role: .kepalaSekolah, rules: rules)
        #expect(july.first?.due == d("2024-07-31"))
    }

    @Test("a cycle's schedule times plans of both roles like each plan's own timeline, and a plan of another cycle by that cycle")
    func scheduleMatchesTimelines() throws {
        let rules = Fixtures.makeRules2024(extensions: [Fixtures.planningExtension2024])
        let schedule = TimelineSchedule(cycle: CycleID("2024-1")!, rules: rules)
        let principal = Fixtures.principalPlan("2024-1")
        #expect(schedule.entries(of: principal).prefix(4).allSatisfy { $0.due == d("2024-03-31") })
        let submitted = try Fixtures.submittedPrincipalPlan(submitted: "2024-03-20", rules: rules)
        let supervisor = try Fixtures.approvedSupervisorPlan("2024-1", composed: "2024-01-10", examined: "2024-01-13", approved: "2024-01-15", rules: rules)
        let july = Fixtures.principalPlan("2024-2")
        for plan in [principal, submitted, supervisor, july, Fixtures.supervisorPlan("2024-1")] {
            #expect(schedule.entries(of: plan) == Timeline.entries(of: plan, rules: rules), "\(plan.id)")
        }
        #expect(schedule.entries(of: july).first?.due == d("2024-07-31"))
        #expect(schedule.entries(of: supervisor).map(\.step) == Workflow.steps(for: .pengawasSekolah))
    }

    @Test("an extension applies to its role only, or to both when it names none; it never shortens a deadline")
    func extensionScope() {
        let cycle = CycleID("2024-1")!
        let forSupervisors = Fixtures.makeRules2024(extensions: [
            DeadlineExtension(cycle: cycle, role: .pengawasSekolah, deadline: "perencanaan", until: d("2024-02-29")),
        ])
        #expect(Timeline.projected(cycle: cycle, role: .pengawasSekolah, rules: forSupervisors).first?.due == d("2024-02-29"))
        #expect(Timeline.projected(cycle: cycle, role: .kepalaSekolah, rules: forSupervisors).first?.due == d("2024-01-31"))

        let earlier = Fixtures.makeRules2024(extensions: [
            DeadlineExtension(cycle: cycle, role: nil, deadline: "perencanaan", until: d("2024-01-15")),
        ])
        #expect(Timeline.projected(cycle: cycle, role: .kepalaSekolah, rules: earlier).first?.due == d("2024-01-31"))

        let observasi = Fixtures.makeRules2024(extensions: [
            DeadlineExtension(cycle: cycle, role: .kepalaSekolah, deadline: "observasi", until: d("2024-04-30")),
        ])
        let due = dues(Timeline.projected(cycle: cycle, role: .kepalaSekolah, rules: observasi))
        #expect(due[.observasi] == d("2024-04-30"))
        // The step after it follows the extended deadline.
        #expect(due[.dokumenTindakLanjut] == d("2024-05-14"))
    }

    @Test("with planning extended, the next step's deadline does not fall before the planning deadline")
    func extensionAndLaterSteps() throws {
        let rules = Fixtures.makeRules2024(extensions: [Fixtures.planningExtension2024])
        // Submitted within the extension, on 20 March.
        let plan = try Fixtures.submittedPrincipalPlan(submitted: "2024-03-20", rules: rules)
        let status = PlanStatus(of: plan, on: d("2024-03-20"), rules: rules)
        let due = try #require(status.due)
        #expect(due >= d("2024-03-31"))
        #expect(!status.flags.contains(.overdue))
    }

    @Test("projected deadlines move when an earlier step completes late (or early)")
    func projectedMoves() throws {
        let atObservasi = try Fixtures.submittedPrincipalPlan(submitted: "2024-01-20")
            .then(.complete(.dokumenPersiapan, .none), on: "2024-02-10", rules: rules)
        #expect(dues(Timeline.entries(of: atObservasi, rules: rules))[.dokumenTindakLanjut] == d("2024-04-14"))

        let late = try atObservasi.then(.complete(.observasi, .none), on: "2024-04-20", rules: rules)
        let lateEntries = Timeline.entries(of: late, rules: rules)
        #expect(dues(lateEntries)[.dokumenTindakLanjut] == d("2024-05-04"))
        #expect(lateEntries.first { $0.step == .observasi }?.completedOn == d("2024-04-20"))
        // The observation's own deadline does not move.
        #expect(dues(lateEntries)[.observasi] == d("2024-03-31"))
        #expect(PlanStatus(of: late, on: d("2024-05-04"), rules: rules).daysLeft == 0)

        let early = try atObservasi.then(.complete(.observasi, .none), on: "2024-03-01", rules: rules)
        #expect(dues(Timeline.entries(of: early, rules: rules))[.dokumenTindakLanjut] == d("2024-03-15"))

        // A supervisor's review deadlines follow the actual submission.
        let rules25 = Fixtures.rules2025
        let supervisor = try Fixtures.supervisorPlan("2025-1").then(.complete(.penyusunan, .none), on: "2025-01-25", rules: rules25)
        let s = dues(Timeline.entries(of: supervisor, rules: rules25))
        #expect(s[.pemeriksaan] == d("2025-02-01"))
        #expect(s[.persetujuan] == d("2025-02-08"))
        #expect(s[.diskusiPersiapan] == d("2025-02-22"))
        // Pendampingan is due three months after its start once started.
        let started = try Fixtures.approvedSupervisorPlan()
            .then(.complete(.diskusiPersiapan, .none), on: "2025-02-10", rules: rules25)
            .then(.start(.pendampingan), on: "2025-02-12", rules: rules25)
        let p = dues(Timeline.entries(of: started, rules: rules25))
        #expect(p[.pendampingan] == d("2025-05-12"))
        #expect(p[.diskusiTindakLanjut] == d("2025-05-26"))
    }

    @Test("flags are ordered and compare by their declaration order")
    func flagOrder() {
        #expect(PlanFlag.allCases.sorted() == PlanFlag.allCases)
        #expect(PlanFlag.blocked < .overdue)
        #expect(PlanFlag.pendampinganTooShort < .awaitingObservation)
    }
}
