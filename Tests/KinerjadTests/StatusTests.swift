import Foundation
import KinerjaCore
import KinerjaStore
import Testing
@testable import kinerjad

/// The status answered from kept figures is built once a second, and never shows an old
/// time or old counts: the store's report of a change drops the kept figures.
@Suite("The status from kept figures")
struct StatusTests {
    @Test("within a second the same status; a second later, or after a change, a new one")
    func onePerSecond() async throws {
        let fixture = try await SchedulerFixture.make()
        let office = fixture.office
        #expect(office.statusIfKept(version: "t") == nil, "nothing kept before the first read")
        let read = try await office.status(version: "t")
        let first = try #require(office.statusIfKept(version: "t"))
        #expect(first == read)
        fixture.clock.set(SchedulerFixture.beforeFire.addingTimeInterval(0.4))
        #expect(office.statusIfKept(version: "t") == first)

        fixture.clock.set(SchedulerFixture.beforeFire.addingTimeInterval(1))
        let later = try #require(office.statusIfKept(version: "t"))
        #expect(later.now != first.now && later.uptimeSeconds == first.uptimeSeconds + 1)

        let open = try await office.store.listing(ListingQuery(cycle: office.currentCycle(), blocked: false))
        let plan = try #require(open.compactMap(\.plan).first { !$0.isComplete })
        _ = try await office.transition(.init(plan: plan.plan.description, action: "terblokir", cause: "rhk-atasan"), actor: AuditActor(uid: 0, user: "test"))
        #expect(office.statusIfKept(version: "t") == nil, "a change makes the figures be read again")
        let changed = try await office.status(version: "t")
        #expect(changed.counts.blocked == later.counts.blocked + 1)
        #expect(office.statusIfKept(version: "t") == changed)
    }

    @Test("a write by another connection to the same file is noticed by the store's follower, and drops the kept figures")
    func anotherWriter() async throws {
        let fixture = try await SchedulerFixture.make()
        let office = fixture.office
        _ = try await office.status(version: "t")
        #expect(office.statusIfKept(version: "t") != nil)
        let follower = Task { try await office.store.followOtherWriters() }
        defer { follower.cancel() }
        try await Task.sleep(for: .milliseconds(100))
        // Another process's write: a second store on the same file.
        let other = try SQLiteStore(path: office.store.location)
        _ = try await other.addSilence(personID: nil, npsn: "20571034", until: "2026-12-31", reason: "renovasi", actor: AuditActor(uid: 0, user: "other"), at: Date())
        try await other.close()
        #expect(await ReminderSchedulerTests.poll { office.statusIfKept(version: "t") == nil }, "noticed within the follower's interval")
    }
}
