import Foundation
import KinerjaCore
import KinerjaStore
import Testing
@testable import kinerjad

/// The status answered from kept figures is built once a second, and never shows an old
/// time or old counts.
@Suite("The status from kept figures")
struct StatusTests {
    @Test("within a second the same status; a second later, or after a change, a new one")
    func onePerSecond() throws {
        let fixture = try SchedulerFixture()
        let office = fixture.office
        #expect(office.statusIfKept(version: "t") == nil, "nothing kept before the first read")
        let read = try office.status(version: "t")
        let first = try #require(office.statusIfKept(version: "t"))
        #expect(first == read)
        fixture.clock.set(SchedulerFixture.beforeFire.addingTimeInterval(0.4))
        #expect(office.statusIfKept(version: "t") == first)

        fixture.clock.set(SchedulerFixture.beforeFire.addingTimeInterval(1))
        let later = try #require(office.statusIfKept(version: "t"))
        #expect(later.now != first.now && later.uptimeSeconds == first.uptimeSeconds + 1)

        let plan = try #require(try office.store.plans(matching: PlanQuery(cycle: office.currentCycle(), blocked: false)).first { !$0.plan.isComplete })
        _ = try office.transition(.init(plan: plan.plan.id.description, action: "terblokir", cause: "rhk-atasan"), actor: AuditActor(uid: 0, user: "test"))
        #expect(office.statusIfKept(version: "t") == nil, "a change makes the figures be read again")
        let changed = try office.status(version: "t")
        #expect(changed.counts.blocked == later.counts.blocked + 1)
        #expect(office.statusIfKept(version: "t") == changed)
    }
}
