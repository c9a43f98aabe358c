import Foundation
import KinerjaCore
import Testing

/// When a cycle's plans exist and when they stop moving (`CycleLifecycle`), and what the
/// agenda built on it plans across a boundary (`ReminderAgenda`).
@Suite("Cycle lifecycle and the reminder agenda")
struct CycleLifecycleTests {
    typealias F = ReminderFixtures
    let lifecycle = CycleLifecycle(graceDays: 14)

    @Test("a cycle's plans are made on its eve; it closes the day after its grace; at most two are open")
    func openingAndClosing() {
        let c2026b = CycleID("2026-2")!, c2027a = CycleID("2027-1")!
        #expect(lifecycle.cyclesWithPlans(on: Fixtures.date("2026-12-30")) == [c2026b])
        #expect(lifecycle.cyclesWithPlans(on: Fixtures.date("2026-12-31")) == [c2026b, c2027a])
        #expect(lifecycle.cyclesWithPlans(on: Fixtures.date("2027-06-30")) == [c2027a, CycleID("2027-2")!])
        #expect(lifecycle.closingDay(of: c2026b) == Fixtures.date("2027-01-15"))
        #expect(!lifecycle.isClosed(c2026b, on: Fixtures.date("2027-01-14")))
        #expect(lifecycle.isClosed(c2026b, on: Fixtures.date("2027-01-15")))
        #expect(lifecycle.openCycles(from: Fixtures.date("2027-01-10"), through: Fixtures.date("2027-02-01")) == [c2026b, c2027a])
        #expect(lifecycle.openCycles(from: Fixtures.date("2027-01-15"), through: Fixtures.date("2027-07-01")) == [c2027a, CycleID("2027-2")!])
        #expect(CycleLifecycle(graceDays: 0).openCycles(from: Fixtures.date("2027-01-01"), through: Fixtures.date("2027-01-01")) == [c2027a])
        #expect(CycleLifecycle(graceDays: 500).graceDays == CycleLifecycle.maxGraceDays)
        #expect(CycleID("2027-1")!.previous == c2026b && c2026b.previous == CycleID("2026-1")!)
    }

    @Test("an unfinished plan of a closed cycle has its final standing; no change is recorded on it any more")
    func closure() throws {
        let plan = Fixtures.principalPlan("2026-2")
        #expect(lifecycle.closure(of: plan, kept: nil, on: Fixtures.date("2027-01-14")) == nil)
        let closed = try #require(lifecycle.closure(of: plan, kept: nil, on: Fixtures.date("2027-02-01")))
        #expect(closed == PlanClosure(closedOn: Fixtures.date("2027-01-15"), step: .praktikKinerja))
        #expect(throws: Never.self) { try lifecycle.checkOpen(plan, step: .praktikKinerja, kept: nil, today: Fixtures.date("2027-01-14")) }
        do {
            try lifecycle.checkOpen(plan, step: .praktikKinerja, kept: nil, today: Fixtures.date("2027-01-15"))
            Issue.record("a change on a closed cycle was allowed")
        } catch {
            #expect(error.reason == .cycleClosed(CycleID("2026-2")!, on: Fixtures.date("2027-01-15")))
            #expect(error.standing == .closed(.praktikKinerja, on: Fixtures.date("2027-01-15")))
            #expect(error.message(in: .indonesian).contains("tidak selesai: berhenti pada langkah praktik-kinerja"))
        }
        let status = PlanStatus(of: plan, on: Fixtures.date("2027-02-01"), rules: Fixtures.rules2025, closure: closed)
        #expect(status.flags == [.tidakSelesai] && status.daysLeft == nil && status.currentStep == .praktikKinerja)
    }

    @Test("the agenda cuts a plan's reminders at its cycle's closing and marks silenced and acknowledged ones")
    func agenda() throws {
        let plan = Fixtures.principalPlan("2025-1")
        let position = F.position(for: plan)
        let facts = TimelineSchedule(cycle: plan.id.cycle, rules: Fixtures.rules2025).facts(of: plan)
        let closing = ReminderAgenda(
            policy: ReminderPolicy(), calendar: F.wita, lifecycle: CycleLifecycle(graceDays: 3), suppressions: ReminderSuppressions())
        // Overdue since 31 January 2025, weekly: the last repeat before 2025-07-04 (30 June + 3 + 1) is Friday 27 June.
        let items = closing.items(
            of: facts, position: position, from: Fixtures.instant("2025-06-01T00:00:00Z"),
            through: Fixtures.instant("2025-08-01T00:00:00Z"))
        #expect(items.last?.occurrence.fireDate == Fixtures.date("2025-06-27"), "\(items.map(\.occurrence.fireDate))")
        #expect(closing.next(of: facts, position: position, after: Fixtures.instant("2025-06-28T00:00:00Z")) == nil)

        let first = try #require(items.first?.occurrence)
        let suppressed = ReminderAgenda(
            policy: ReminderPolicy(), calendar: F.wita, lifecycle: lifecycle,
            suppressions: ReminderSuppressions(
                silences: [ReminderSilence(personID: Fixtures.person, npsn: nil, until: first.fireDate)],
                acknowledged: []))
        let marked = suppressed.items(
            of: facts, position: position, from: Fixtures.instant("2025-06-01T00:00:00Z"),
            through: Fixtures.instant("2025-06-30T00:00:00Z"))
        #expect(marked.first?.suppression == .silenced)
        #expect(marked.dropFirst().allSatisfy { $0.suppression == nil }, "a silence ends on its day")
        let acknowledged = ReminderAgenda(
            policy: ReminderPolicy(), calendar: F.wita, lifecycle: lifecycle,
            suppressions: ReminderSuppressions(acknowledged: [try #require(AcknowledgementKey(occurrenceID: first.id))]))
        #expect(acknowledged.items(
            of: facts, position: position, from: Fixtures.instant("2025-06-01T00:00:00Z"),
            through: Fixtures.instant("2025-06-30T00:00:00Z")).allSatisfy { $0.suppression == .acknowledged })
    }

    @Test("a coming cycle is planned with the fresh plans it will have; a past one with none")
    func plansToCome() {
        let keys = [Fixtures.principalPlan("2027-1").id.position, Fixtures.supervisorPlan("2027-1").id.position]
        let fresh = ReminderAgenda.plansToCome(
            of: CycleID("2027-1")!, on: Fixtures.date("2026-12-20"), positions: keys, having: [keys[1]])
        #expect(fresh == [Plan(id: PlanID(cycle: CycleID("2027-1")!, position: keys[0]))])
        #expect(ReminderAgenda.plansToCome(of: CycleID("2026-2")!, on: Fixtures.date("2027-01-02"), positions: keys, having: []).isEmpty)
    }

    @Test("the acknowledgement key of an occurrence id, and the one number of days")
    func keysAndDays() throws {
        let plan = Fixtures.principalPlan("2025-1")
        let o = try #require(ReminderPlanner.occurrences(
            of: plan, position: F.position(for: plan), rules: Fixtures.rules2025,
            policy: ReminderPolicy(leadDays: [], overdueRepeatDays: 8, escalateAfterDays: 0), calendar: F.wita,
            from: Fixtures.instant("2025-02-01T00:00:00Z"), through: Fixtures.instant("2025-02-12T00:00:00Z")).first)
        // Due Friday 31 January; +8 is Saturday 8 February, sent on Monday 10: 10 days late.
        #expect(o.offsetDays == 8 && o.fireDate == Fixtures.date("2025-02-10") && o.days == 10)
        #expect(ReminderText.message(o, personName: "Budi", schoolName: nil, recipientName: nil, language: .indonesian)
            .contains("terlambat 10 hari"))
        #expect(AcknowledgementKey(occurrenceID: o.id) == o.acknowledgementKey)
        #expect(o.acknowledgementKey.description == "\(plan.id)|praktik-kinerja|2025-01-31")
        #expect(AcknowledgementKey(occurrenceID: "not-a-plan|praktik-kinerja|2025-01-31|lead|-7|x") == nil)
        #expect(AcknowledgementKey(occurrenceID: "\(plan.id)|praktik-kinerja|31-01-2025") == nil)
    }
}
