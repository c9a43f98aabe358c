import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Acknowledgements")
struct AcknowledgementTests {
    @Test("acknowledging a reminder covers its plan, step and deadline, once, with an audit row on the plan")
    func acknowledge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let sevenDays = Fixture.reminderID(offset: 7)
        let oneDay = Fixture.reminderID(offset: 1)
        _ = try store.recordReminder(Fixture.reminder(sevenDays), hooks: [], at: Fixture.now)

        #expect(try store.acknowledge(reminderID: sevenDays, actor: Fixture.admin, at: Fixture.minutes(1)))
        #expect(try store.acknowledge(reminderID: sevenDays, actor: Fixture.admin, at: Fixture.minutes(2)) == false)
        // Another reminder of the same deadline (not logged yet) may be acknowledged too: same key.
        #expect(try store.acknowledge(reminderID: oneDay, actor: Fixture.daemon, at: Fixture.minutes(3)))

        let key = "\(Fixture.budiPlan)|praktik-kinerja|2025-01-31"
        #expect(try store.acknowledgedKeys(planIDs: nil).map(\.description) == [key])
        #expect(try store.acknowledgedKeys(planIDs: [Fixture.budiPlan, Fixture.sitiPlan]).map(\.description) == [key])
        #expect(try store.acknowledgedKeys(planIDs: [Fixture.sitiPlan]).isEmpty)
        #expect(try store.acknowledgedKeys(planIDs: []).isEmpty)

        let history = try store.history(subject: Fixture.budiPlan, limit: nil).filter { $0.action == "reminder acknowledged" }
        #expect(history.count == 2)
        #expect(history.map(\.actor) == [Fixture.admin, Fixture.daemon])
        #expect(history.first?.after?.contains(sevenDays) == true)
        #expect(history.first?.at == Fixture.minutes(1))
    }

    @Test("a reminder without a step gives an empty step in its key; an id that is not plan|step|due is refused")
    func keys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let planWide = Fixture.reminderID(plan: Fixture.sitiPlan, step: "", due: "2025-06-30", kind: "overdue", offset: 14)
        #expect(try store.transaction { try $0.acknowledge(reminderID: planWide, actor: Fixture.admin, at: Fixture.now) })
        #expect(try store.acknowledgedKeys(planIDs: [Fixture.sitiPlan]).map(\.description) == ["\(Fixture.sitiPlan)||2025-06-30"])
        for bad in ["", "just-a-plan", "plan|step", "|step|2025-01-31|before|7|self", "plan|step||before|7|self"] {
            #expect(throws: StoreError.malformedReminderID(bad)) {
                _ = try store.acknowledge(reminderID: bad, actor: Fixture.admin, at: Fixture.now)
            }
        }
        #expect(try store.acknowledgedKeys(planIDs: nil).count == 1)
    }

    @Test("acknowledgedKeys takes more plans than one IN list holds")
    func manyPlans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let plans = (0..<1_100).map { "2025-1/plan-\($0)/ps" }
        try store.transaction { transaction in
            for plan in [plans[0], plans[600], plans[1_099]] {
                _ = try transaction.acknowledge(reminderID: Fixture.reminderID(plan: plan), actor: Fixture.admin, at: Fixture.now)
            }
        }
        #expect(try store.acknowledgedKeys(planIDs: plans).count == 3)
    }
}
