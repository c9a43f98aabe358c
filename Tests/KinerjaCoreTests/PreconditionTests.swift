import Foundation
import KinerjaCore
import Testing

/// Stages 1–2 (issue 16, point 1): a person whose Pemutakhiran Data or Plotting Tim Kinerja
/// is not recorded in a tracked cycle is blocked with that cause and its owner, never late,
/// and the owner, not the atasan, is reminded of the stage's deadline.
@Suite("Stages 1–2: the office's own preconditions")
struct PreconditionTests {
    typealias F = ReminderFixtures
    let rules = Fixtures.rules2025
    let cycle = CycleID("2027-1")!
    var plan: Plan { Fixtures.principalPlan("2027-1") }
    func d(_ text: String) -> LocalDate { Fixtures.date(text) }

    func facts(_ state: PreconditionState?) -> PlanFacts {
        TimelineSchedule(cycle: cycle, rules: rules).facts(of: plan, preconditions: state)
    }

    @Test("nothing recorded: blocked by Pemutakhiran Data since the cycle's first day, the operator's, never late")
    func nothingRecorded() {
        let facts = facts(PreconditionState())
        #expect(facts.block == BlockPeriod(cause: .pemutakhiranData, note: nil, since: d("2027-01-01"), until: nil))
        #expect(facts.preconditionDue == d("2027-01-07"))
        let status = PlanStatus(of: facts, on: d("2027-02-15"))
        #expect(status.flags == [.blocked], "past the planning deadline, blocked and not overdue nor not-submitted")
        #expect(status.daysLeft == nil)
        #expect(status.blocked?.awaited == .officeOperator)
        #expect(status.blocked?.days == 45)
    }

    @Test("data updated: blocked by Plotting Tim Kinerja, the Kepala Dinas's, due on the cycle's 14th day")
    func dataUpdated() {
        let facts = facts(PreconditionState(done: [.pemutakhiranData: d("2027-01-05")]))
        #expect(facts.block?.cause == .plottingTimKinerja)
        #expect(facts.preconditionDue == d("2027-01-14"))
        let status = PlanStatus(of: facts, on: d("2027-01-10"))
        #expect(status.blocked?.awaited == .pejabatPenilai)
        let position = F.position(for: plan)
        #expect(status.blocked?.awaitedID(in: position) == F.kadis)
    }

    @Test("both recorded: not blocked; planning became current on the later day")
    func bothRecorded() {
        let facts = facts(PreconditionState(done: [.pemutakhiranData: d("2027-01-05"), .plottingTimKinerja: d("2027-01-12")]))
        #expect(facts.block == nil && facts.preconditionDue == nil)
        #expect(facts.lastEventOn == d("2027-01-12"))
        #expect(PlanStatus(of: facts, on: d("2027-02-01")).flags == [.overdue, .notSubmitted])
    }

    @Test("plotted after the planning deadline: the person gets the unblock grace, not an overdue plan at once")
    func plottedLate() {
        let facts = facts(PreconditionState(done: [.pemutakhiranData: d("2027-01-05"), .plottingTimKinerja: d("2027-02-10")]))
        #expect(facts.block == nil)
        #expect(facts.currentDue == d("2027-02-24"), "14 days (unblock_grace_days) after the Plotting")
        #expect(!PlanStatus(of: facts, on: d("2027-02-11")).flags.contains(.overdue))
        #expect(PlanStatus(of: facts, on: d("2027-02-25")).flags.contains(.overdue))
        let note = TimelineSchedule(cycle: cycle, rules: rules).entries(of: plan, preconditions: PreconditionState(
            done: [.pemutakhiranData: d("2027-01-05"), .plottingTimKinerja: d("2027-02-10")])).first?.note
        #expect(note?.published == d("2027-01-31") && note?.unblockedOn == d("2027-02-10") && note?.blockedDays == 40)
    }

    @Test("an office that does not track stages 1–2: nothing blocks, as before")
    func untracked() {
        let facts = facts(nil)
        #expect(facts.block == nil && facts.preconditionDue == nil)
        #expect(facts == TimelineSchedule(cycle: cycle, rules: rules).facts(of: plan))
    }

    @Test("a block the office recorded on the plan stays the plan's, with its own reminders")
    func ownBlockFirst() throws {
        let blocked = try plan.then(.block(.rhkAtasan, note: nil), on: "2027-01-02", rules: rules)
        let facts = TimelineSchedule(cycle: cycle, rules: rules).facts(of: blocked, preconditions: PreconditionState())
        #expect(facts.block?.cause == .rhkAtasan && facts.preconditionDue == nil)
    }

    @Test("the rules' days, office defaults 7 and 14, and what is refused")
    func deadlines() {
        #expect(rules.preconditions == .standard)
        #expect(PreconditionDeadlines.standard.due(of: .plottingTimKinerja, in: CycleID("2027-2")!) == d("2027-07-14"))
        var bad = rules
        bad.preconditions = PreconditionDeadlines(pemutakhiranDataDay: 0, plottingTimKinerjaDay: 14)
        #expect(bad.problems().contains { $0.contains("[preconditions] pemutakhiran-data = 0") })
    }

    @Test("reminders: lead and due to the operator before planning, no step, no escalation, nothing to the atasan")
    func remindersToTheOwner() throws {
        let schedule = TimelineSchedule(cycle: cycle, rules: rules)
        let position = F.position(for: plan)
        let occurrences = ReminderPlanner.occurrences(
            of: schedule.facts(of: plan, preconditions: PreconditionState()), position: position, policy: ReminderPolicy(),
            calendar: F.wita, from: Fixtures.instant("2026-12-20T00:00:00+08:00"), through: Fixtures.instant("2027-02-01T00:00:00+08:00"))
        // Lead 14 and 7 fall before the cycle began: dropped (rule 1). Lead 1, due, then weekly.
        #expect(occurrences.map { "\($0.kind.rawValue) \($0.fireDate) \($0.recipientRole.rawValue)" } == [
            "lead 2027-01-06 operator", "due 2027-01-07 operator", "overdue 2027-01-14 operator", "overdue 2027-01-21 operator",
            "overdue 2027-01-28 operator",
        ])
        #expect(occurrences.allSatisfy { $0.step == nil && $0.blockCause == .pemutakhiranData && $0.recipientID == nil })
        let text = ReminderText.message(
            occurrences[1], personName: "Budi", schoolName: nil, recipientName: "Siti Rahmawati, S.Kom.", language: .indonesian)
        #expect(text == "Pengingat: Pemutakhiran Data (tahap 1) untuk Budi, jatuh tempo hari ini (7 Januari 2027). "
            + "Perencanaan belum dapat dimulai sebelum ini selesai. Yang perlu bertindak: operator Dinas (Siti Rahmawati, S.Kom.).")

        let plotting = ReminderPlanner.occurrences(
            of: schedule.facts(of: plan, preconditions: PreconditionState(done: [.pemutakhiranData: d("2027-01-04")])),
            position: position, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2026-12-20T00:00:00+08:00"), through: Fixtures.instant("2027-01-15T00:00:00+08:00"))
        #expect(plotting.map { "\($0.kind.rawValue) \($0.fireDate) \($0.recipientID?.rawValue ?? "-")" } == [
            "lead 2027-01-07 \(F.kadis.rawValue)", "lead 2027-01-13 \(F.kadis.rawValue)", "due 2027-01-14 \(F.kadis.rawValue)",
        ])
        let next = ReminderPlanner.next(
            of: schedule.facts(of: plan, preconditions: PreconditionState()), position: position, policy: ReminderPolicy(),
            calendar: F.wita, after: Fixtures.instant("2026-12-20T00:00:00+08:00"))
        #expect(next == occurrences.first, "next agrees with the window")
    }

    @Test("a stages 1–2 file: stage by id or number, dates, decree, cycle; bad rows named")
    func parser() throws {
        let csv = """
            id,tahap,tanggal,nomor_sk,tanggal_sk,siklus
            198609262015051001,pemutakhiran-data,2027-01-04,,,
            198609262015051001,2,,800/017/Disdik/2027,2027-01-08,2027-1
            198609262015051001,3,,,,
            198609262015051001,1,2027-01-04,,,
            """
        let table = try CSVTable(parsing: csv)
        let (lines, problems) = PreconditionsParser.parse(table, defaultCycle: cycle, defaultDate: d("2027-01-10"))
        #expect(lines.map(\.record) == [
            PreconditionRecord(person: Fixtures.person, cycle: cycle, precondition: .pemutakhiranData, doneOn: d("2027-01-04")),
            PreconditionRecord(
                person: Fixtures.person, cycle: cycle, precondition: .plottingTimKinerja, doneOn: d("2027-01-10"),
                decreeNumber: "800/017/Disdik/2027", decreeDate: d("2027-01-08")),
        ])
        #expect(problems.map(\.line) == [4, 5])
        #expect(problems.first?.message(in: .english).contains("stage '3' is unknown") == true)
    }
}
