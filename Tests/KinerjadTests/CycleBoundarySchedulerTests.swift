import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Testing
@testable import kinerjad

/// The scheduler's first pass of a day makes the plans a new cycle needs on its eve and
/// closes a finished cycle after its grace (close_cycle_after_days, 14 by default).
@Suite struct CycleBoundarySchedulerTests {
    /// The plans of `cycle` as the store lists them, with their facts.
    static func plans(_ fixture: SchedulerFixture, _ cycle: String) async throws -> [PlanFacts] {
        try await fixture.office.store.listing(ListingQuery(cycle: CycleID(cycle)!, activeOnly: false)).compactMap(\.plan)
    }

    @Test func theEveMakesTheNextCyclesPlansAndTheGraceEndClosesTheOldOnes() async throws {
        let fixture = try await SchedulerFixture.make()
        let store = fixture.office.store
        try await fixture.scheduler.tick()
        #expect(try await Self.plans(fixture, "2027-1").isEmpty)

        // 31 December, just after midnight: 2027-1's plans exist, fresh, a day ahead.
        fixture.clock.set(SchedulerFixture.instant("2026-12-31T00:00:30+07:00"))
        try await fixture.scheduler.tick()
        let next = try await Self.plans(fixture, "2027-1")
        #expect(next.count == 35)
        #expect(next.allSatisfy { $0.currentIndex == 0 && $0.closure == nil })

        // 14 January: 2026-2 is still open; a late step is recorded.
        fixture.clock.set(SchedulerFixture.instant("2027-01-14T12:00:00+07:00"))
        try await fixture.scheduler.tick()
        let unfinished = try await Self.plans(fixture, "2026-2").filter { !$0.isComplete }
        #expect(!unfinished.isEmpty && unfinished.allSatisfy { $0.closure == nil })
        // A step that records no choice: the shipped rules require those that do.
        let late = try #require(unfinished.first {
            $0.block == nil && $0.currentStep?.isReview == false && $0.currentStep?.hasDuration == false && $0.currentStep?.choices.isEmpty == true
        })
        let actor = AuditActor(uid: 0, user: "test")
        _ = try await fixture.office.transition(
            .init(plan: late.plan.description, action: "selesai", step: late.currentStep?.rawValue, date: "2027-01-14"), actor: actor)

        // 15 January: closed. Each unfinished plan keeps its step; no change any more.
        fixture.clock.set(SchedulerFixture.instant("2027-01-15T00:00:10+07:00"))
        try await fixture.scheduler.tick()
        let closed = try await Self.plans(fixture, "2026-2").filter { !$0.isComplete }
        #expect(!closed.isEmpty)
        #expect(closed.allSatisfy { $0.closure == PlanClosure(closedOn: LocalDate("2027-01-15")!, step: $0.currentStep!) && $0.overdueFrom == nil })
        #expect(try await store.history(subject: "2026-2", limit: nil).contains { $0.action == "plans closed" })
        let target = try #require(closed.first { $0.block == nil })
        await #expect(throws: TransitionError.self) {
            _ = try await fixture.office.transition(
                .init(plan: target.plan.description, action: "selesai", step: target.currentStep?.rawValue), actor: actor)
        }
        let listed = try await fixture.office.listPeople(.init(cycle: "2026-2"))
        #expect(listed.compactMap(\.plan).filter { $0.step != nil }.allSatisfy { $0.flags.contains("tidak-selesai") })
        let report = try await fixture.office.compliance("2026-2")
        #expect(report.roles.reduce(0) { $0 + $1.unfinished } == closed.count)
        #expect(report.steps.reduce(0) { $0 + $1.unfinished } == closed.count)
        #expect(report.steps.allSatisfy { $0.overdue == 0 && $0.blocked == 0 && $0.pending == 0 }, "a closed cycle has nothing to do any more")
        // Nothing of 2026-2 is planned from the closing day on; 2027-1 is.
        let preview = try await fixture.office.previewReminders(.init(from: "2027-01-15", to: "2027-02-15")).map(\.plan)
        #expect(!preview.contains { $0.hasPrefix("2026-2/") } && preview.contains { $0.hasPrefix("2027-1/") })
        // A reload that lengthens the grace does not reopen what was closed.
        var longer = fixture.office.settings
        longer.config.lifecycle = CycleLifecycle(graceDays: 30)
        try await fixture.office.replaceSettings(longer)
        let again = try await fixture.office.previewReminders(.init(from: "2027-01-15", to: "2027-01-31")).map(\.plan)
        #expect(!again.contains { $0.hasPrefix("2026-2/") })
    }
}
