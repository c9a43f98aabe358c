import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Testing
@testable import kinerjad

/// The scheduler's first pass of a day makes the plans a new cycle needs on its eve and
/// closes a finished cycle after its grace (close_cycle_after_days, 14 by default).
@Suite struct CycleBoundarySchedulerTests {
    @Test func theEveMakesTheNextCyclesPlansAndTheGraceEndClosesTheOldOnes() throws {
        let fixture = try SchedulerFixture()
        let store = fixture.office.store
        try fixture.scheduler.tick()
        #expect(try store.plans(matching: PlanQuery(cycle: CycleID("2027-1")!)).isEmpty)

        // 31 December, just after midnight: 2027-1's plans exist, fresh, a day ahead.
        fixture.clock.set(SchedulerFixture.instant("2026-12-31T00:00:30+07:00"))
        try fixture.scheduler.tick()
        let next = try store.plans(matching: PlanQuery(cycle: CycleID("2027-1")!))
        #expect(next.count == 35)
        #expect(next.allSatisfy { $0.plan == Plan(id: $0.plan.id) && $0.closure == nil })

        // 14 January: 2026-2 is still open; a late step is recorded.
        fixture.clock.set(SchedulerFixture.instant("2027-01-14T12:00:00+07:00"))
        try fixture.scheduler.tick()
        let unfinished = try store.plans(matching: PlanQuery(cycle: CycleID("2026-2")!)).filter { !$0.plan.isComplete }
        #expect(!unfinished.isEmpty && unfinished.allSatisfy { $0.closure == nil })
        let late = try #require(unfinished.first { $0.plan.openBlock == nil && $0.plan.currentStep?.isReview == false && $0.plan.currentStep?.hasDuration == false })
        let actor = AuditActor(uid: 0, user: "test")
        _ = try fixture.office.transition(
            .init(plan: late.plan.id.description, action: "selesai", step: late.plan.currentStep?.rawValue, date: "2027-01-14"), actor: actor)

        // 15 January: closed. Each unfinished plan keeps its step; no change any more.
        fixture.clock.set(SchedulerFixture.instant("2027-01-15T00:00:10+07:00"))
        try fixture.scheduler.tick()
        let closed = try store.plans(matching: PlanQuery(cycle: CycleID("2026-2")!)).filter { !$0.plan.isComplete }
        #expect(!closed.isEmpty)
        #expect(closed.allSatisfy { $0.closure == PlanClosure(closedOn: LocalDate("2027-01-15")!, step: $0.plan.currentStep!) && $0.due == nil })
        #expect(try store.history(subject: "2026-2", limit: nil).contains { $0.action == "plans closed" })
        let target = try #require(closed.first { $0.plan.openBlock == nil })
        #expect(throws: VarlinkError.self) {
            _ = try fixture.office.transition(
                .init(plan: target.plan.id.description, action: "selesai", step: target.plan.currentStep?.rawValue), actor: actor)
        }
        let listed = try fixture.office.listPeople(.init(cycle: "2026-2"))
        #expect(listed.compactMap(\.plan).filter { $0.step != nil }.allSatisfy { $0.flags.contains("tidak-selesai") })
        let report = try fixture.office.compliance("2026-2")
        #expect(report.roles.reduce(0) { $0 + $1.unfinished } == closed.count)
        #expect(report.steps.reduce(0) { $0 + $1.unfinished } == closed.count)
        #expect(report.steps.allSatisfy { $0.overdue == 0 && $0.blocked == 0 && $0.pending == 0 }, "a closed cycle has nothing to do any more")
        // Nothing of 2026-2 is planned from the closing day on; 2027-1 is.
        var bytes: [UInt8] = []
        Office.writePreview(try fixture.office.previewReminders(.init(from: "2027-01-15", to: "2027-02-15"))[...], into: &bytes)
        let preview = String(decoding: bytes, as: UTF8.self)
        #expect(!preview.contains("\"2026-2/") && preview.contains("\"2027-1/"))
        // A reload that lengthens the grace does not reopen what was closed.
        var longer = fixture.office.settings
        longer.config.reminders.closeCycleAfterDays = 30
        try fixture.office.replaceSettings(longer)
        bytes = []
        Office.writePreview(try fixture.office.previewReminders(.init(from: "2027-01-15", to: "2027-01-31"))[...], into: &bytes)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\"2026-2/"))
    }
}
