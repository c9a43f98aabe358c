import KinerjaCore
import Testing

/// Issue 15, point 2, and issue 12's newcomer: blocked is its own standing (since, days,
/// awaiting whom), an unblocking after the deadline leaves a grace, and a position that
/// appears mid-cycle plans within its own month.
@Suite("Blocked standing and the deadlines' relief")
struct DeadlineReliefTests {
    let rules = Fixtures.rules2025

    @Test("a blocked plan counts days blocked, not days late, and names whose action frees it")
    func blockedStanding() throws {
        let plan = try Fixtures.supervisorPlan("2026-2").then(.block(.rhkAtasan, note: "RHK Kadis belum ada"), on: "2026-07-02", rules: rules)
        let status = PlanStatus(of: plan, on: d("2026-11-25"), rules: rules)
        #expect(status.flags == [.blocked])
        #expect(status.daysLeft == nil)
        let blocked = try #require(status.blocked)
        #expect(blocked.since == d("2026-07-02"))
        #expect(blocked.days == 146)
        #expect(blocked.note == "RHK Kadis belum ada")
        #expect(blocked.awaited == .atasan)
        let position = Position(
            key: plan.id.position, atasanID: PersonID(trusted: "196808141994031005"), pejabatPenilaiID: PersonID(trusted: "196808141994031009"))
        #expect(blocked.awaitedID(in: position) == PersonID(trusted: "196808141994031005"))
        // Each cause names its owner: the Kepala Dinas appoints the Tim Kinerja, the office's
        // operator (no person of the roster: kinerja.toml's [office]) updates the data;
        // lainnya's note says.
        #expect(BlockCause.plottingTimKinerja.awaited == .pejabatPenilai)
        #expect(BlockCause.pemutakhiranData.awaited == .officeOperator)
        #expect(BlockCause.lainnya.awaited == nil)
        let data = BlockedStanding(block: BlockPeriod(cause: .pemutakhiranData, note: nil, since: d("2026-07-02"), until: nil), on: d("2026-07-02"))
        #expect(data.days == 0)
        #expect(data.awaitedID(in: position) == nil)
        let plotting = BlockedStanding(block: BlockPeriod(cause: .plottingTimKinerja, note: nil, since: d("2026-07-02"), until: nil), on: d("2026-07-09"))
        #expect(plotting.awaitedID(in: position) == PersonID(trusted: "196808141994031009"))
        #expect(plotting.awaitedID(in: Position(key: plan.id.position, atasanID: position.atasanID)) == position.atasanID)
    }

    @Test("unblocked after the planning deadline: due a grace after the unblocking, the time blocked beside it")
    func unblockedLate() throws {
        let plan = try Fixtures.supervisorPlan("2026-2")
            .then(.block(.rhkAtasan, note: nil), on: "2026-07-02", rules: rules)
            .then(.unblock, on: "2026-11-25", rules: rules)
        let timeline = Timeline.entries(of: plan, rules: rules)
        #expect(timeline[0].due == d("2026-12-09"))
        #expect(timeline[0].note == DeadlineNote(published: d("2026-07-31"), blockedDays: 146, unblockedOn: d("2026-11-25"), openedOn: nil))
        let status = PlanStatus(of: plan, on: d("2026-11-25"), rules: rules)
        #expect(status.flags.isEmpty)
        #expect(status.daysLeft == 14)
        #expect(PlanStatus(of: plan, on: d("2026-12-10"), rules: rules).flags == [.overdue, .notSubmitted])
        // The grace is the office's (kinerja.toml unblock_grace_days).
        let week = rules.with(DeadlineRelief(unblockGraceDays: 7, newcomerPlanningDays: 30))
        #expect(Timeline.entries(of: plan, rules: week)[0].due == d("2026-12-02"))
        // A plan submitted within the grace is on time.
        let composed = try plan.then(.complete(.penyusunan, Fixtures.penyusunan), on: "2026-12-01", rules: rules)
        #expect(!PlanStatus(of: composed, on: d("2026-12-01"), rules: rules).flags.contains(.lateSubmission))
    }

    @Test("unblocked well before the deadline: the deadline stays, the days blocked are shown")
    func unblockedEarly() throws {
        let plan = try Fixtures.supervisorPlan("2026-2")
            .then(.block(.rhkAtasan, note: nil), on: "2026-07-01", rules: rules)
            .then(.unblock, on: "2026-07-07", rules: rules)
        let first = Timeline.entries(of: plan, rules: rules)[0]
        #expect(first.due == d("2026-07-31"))
        #expect(first.note == DeadlineNote(published: d("2026-07-31"), blockedDays: 6, unblockedOn: d("2026-07-07"), openedOn: nil))
        #expect(Timeline.entries(of: Fixtures.supervisorPlan("2026-2"), rules: rules)[0].note == nil)
    }

    @Test("a block at a later step moves that step's deadline, and the month-based ones after it")
    func laterBlock() throws {
        // Principal, 2026-2: submitted, then blocked at Dokumen Persiapan (due 31 August)
        // from 20 August to 30 September.
        let plan = try Fixtures.submittedPrincipalPlan("2026-2", submitted: "2026-07-20", rules: rules)
            .then(.block(.pemutakhiranData, note: nil), on: "2026-08-20", rules: rules)
            .then(.unblock, on: "2026-09-30", rules: rules)
        let timeline = Timeline.entries(of: plan, rules: rules)
        #expect(timeline[0].due == d("2026-07-31"))
        #expect(timeline[0].note == nil)
        #expect(timeline[4].step == .dokumenPersiapan)
        #expect(timeline[4].due == d("2026-10-14"))
        #expect(timeline[4].note?.blockedDays == 41)
        // Observasi (end of month 3, 30 September) moves by as much as Dokumen Persiapan did.
        #expect(timeline[5].due == d("2026-11-13"))
    }

    @Test("a newcomer's plan: planning due its days after the opening; reminders from the opening")
    func newcomer() throws {
        let id = PlanID(cycle: CycleID("2027-1")!, position: PositionKey(personID: Fixtures.person, role: .kepalaSekolah, npsn: Fixtures.schoolA))
        let plan = Plan(id: id, openedOn: d("2027-04-07"))
        #expect(plan.openedOn == d("2027-04-07"))
        let timeline = Timeline.entries(of: plan, rules: rules)
        #expect(timeline[0].due == d("2027-05-07"))
        #expect(timeline[0].note == DeadlineNote(published: d("2027-01-31"), blockedDays: 0, unblockedOn: nil, openedOn: d("2027-04-07")))
        // Dokumen Persiapan (end of February) follows, within the cycle.
        #expect(timeline[4].due == d("2027-06-04"))
        #expect(PlanStatus(of: plan, on: d("2027-04-07"), rules: rules).flags.isEmpty)
        #expect(PlanStatus(of: plan, on: d("2027-05-08"), rules: rules).flags == [.overdue, .notSubmitted])
        // Its first reminder is the opening day's, not a backlog of overdue ones.
        let position = Position(key: id.position, atasanID: PersonID(trusted: "196808141994031005"))
        let first = try #require(ReminderPlanner.occurrences(
            of: plan, position: position, rules: rules, policy: ReminderPolicy(), calendar: OfficeCalendar(identifier: "Asia/Jakarta")!,
            from: Fixtures.instant("2027-01-01T00:00:00Z"), through: Fixtures.instant("2027-06-30T00:00:00Z")).first)
        #expect(first.kind == .lead)
        #expect(first.fireDate >= d("2027-04-07"))
        // A plan opened on or before its cycle's first day is not a newcomer's.
        #expect(Plan(id: id, openedOn: d("2027-01-01")).openedOn == nil)
        #expect(Plan(id: id, openedOn: d("2026-12-31")).openedOn == nil)
    }
}
