import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Reminder log")
struct ReminderLogTests {
    @Test("recordReminder logs an occurrence once: the second call returns false and adds no delivery")
    func exactlyOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let id = Fixture.reminderID()
        let reminder = Fixture.reminder(id)

        #expect(try store.transaction { try $0.recordReminder(reminder, hooks: ["10-mail", "20-wa"], at: Fixture.now) })
        #expect(try store.transaction { try $0.recordReminder(reminder, hooks: ["10-mail", "30-sms"], at: Fixture.minutes(5)) } == false)
        // A changed record with the same id is still the same occurrence.
        var changed = reminder
        changed.message = "other text"
        #expect(try store.recordReminder(changed, hooks: ["40-x"], at: Fixture.minutes(6)) == false)

        #expect(try store.reminderExists(id))
        #expect(try store.reminders(matching: ReminderQuery()) == [reminder])
        let deliveries = try store.deliveries(matching: DeliveryQuery(reminderID: id))
        #expect(deliveries.map(\.hook).sorted() == ["10-mail", "20-wa"])
        #expect(deliveries.allSatisfy { $0.state == .pending && $0.attempts == 0 && $0.nextAttemptAt == Fixture.now })
    }

    @Test("a missed or silenced occurrence is logged without deliveries; a duplicate hook name gives one delivery")
    func deliveriesOnlyWhenFired() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let missed = Fixture.reminder(Fixture.reminderID(kind: "overdue", offset: 14), state: .missed)
        let silenced = Fixture.reminder(Fixture.reminderID(kind: "overdue", offset: 21), state: .silenced)
        let fired = Fixture.reminder(Fixture.reminderID(kind: "on-day", offset: 0))
        #expect(try store.recordReminder(missed, hooks: ["10-mail"], at: Fixture.now))
        #expect(try store.recordReminder(silenced, hooks: ["10-mail"], at: Fixture.now))
        #expect(try store.recordReminder(fired, hooks: ["10-mail", "10-mail"], at: Fixture.now))
        #expect(try store.deliveries(matching: DeliveryQuery()).map(\.reminderID) == [fired.id])
    }

    @Test("a transaction that throws logs nothing, so the occurrence fires on the next try")
    func rollback() throws {
        struct JournalDown: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let reminder = Fixture.reminder(Fixture.reminderID())
        #expect(throws: JournalDown.self) {
            try store.transaction { transaction in
                _ = try transaction.recordReminder(reminder, hooks: ["10-mail"], at: Fixture.now)
                throw JournalDown()
            }
        }
        #expect(try store.reminderExists(reminder.id) == false)
        #expect(try store.deliveries(matching: DeliveryQuery()).isEmpty)
        #expect(try store.transaction { try $0.recordReminder(reminder, hooks: ["10-mail"], at: Fixture.now) })
    }

    @Test("knownReminderIDs answers for more ids than one IN list takes")
    func knownIDsInBatches() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let ids = (0..<1_234).map { Fixture.reminderID(kind: "overdue", offset: $0) }
        let logged = [ids[3], ids[700], ids[1_233]]
        try store.transaction { transaction in
            for id in logged { _ = try transaction.recordReminder(Fixture.reminder(id), hooks: [], at: Fixture.now) }
        }
        #expect(try store.knownReminderIDs(ids + [ids[700]]) == Set(logged))
        #expect(try store.knownReminderIDs([]).isEmpty)
        #expect(try store.transaction { try $0.knownReminderIDs([ids[3], ids[4]]) } == [ids[3]])
        #expect(try store.reminderExists(ids[4]) == false)
    }

    @Test("reminders(matching:) filters by state, plan, person and fire time, newest first")
    func query() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let a = Fixture.reminder(Fixture.reminderID(offset: 14), fireAt: Fixture.minutes(0))
        let b = Fixture.reminder(Fixture.reminderID(offset: 7), state: .missed, fireAt: Fixture.minutes(10))
        let c = Fixture.reminder(
            Fixture.reminderID(plan: Fixture.sitiPlan, offset: 7), state: .silenced, fireAt: Fixture.minutes(20), personID: Fixture.siti)
        let d = Fixture.reminder(
            Fixture.reminderID(plan: Fixture.sitiPlan, offset: 1), fireAt: Fixture.minutes(30), personID: Fixture.siti, late: true)
        try store.transaction { transaction in
            for reminder in [c, a, d, b] { _ = try transaction.recordReminder(reminder, hooks: [], at: Fixture.now) }
        }
        #expect(try store.reminders(matching: ReminderQuery()) == [d, c, b, a])
        #expect(try store.reminders(matching: ReminderQuery(state: .fired)) == [d, a])
        #expect(try store.reminders(matching: ReminderQuery(planID: Fixture.budiPlan)) == [b, a])
        #expect(try store.reminders(matching: ReminderQuery(personID: Fixture.siti.rawValue)) == [d, c])
        #expect(try store.reminders(matching: ReminderQuery(since: Fixture.minutes(10), until: Fixture.minutes(30))) == [c, b])
        #expect(try store.reminders(matching: ReminderQuery(state: .fired, personID: Fixture.siti.rawValue)) == [d])
        #expect(try store.reminders(matching: ReminderQuery(limit: 2)) == [d, c])
        #expect(try store.reminders(matching: ReminderQuery(planID: "no-such-plan")).isEmpty)
        #expect(try store.reminders(matching: ReminderQuery(state: .fired)).first?.late == true)
    }

    @Test("reminderCounts gives every state, counting fire times since an instant")
    func counts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        #expect(try store.reminderCounts(since: nil) == [.fired: 0, .missed: 0, .silenced: 0])
        try store.transaction { transaction in
            for (offset, state) in [(1, ReminderState.fired), (2, .fired), (3, .missed), (4, .fired)] {
                let reminder = Fixture.reminder(Fixture.reminderID(offset: offset), state: state, fireAt: Fixture.minutes(offset))
                _ = try transaction.recordReminder(reminder, hooks: [], at: Fixture.now)
            }
        }
        #expect(try store.reminderCounts(since: nil) == [.fired: 3, .missed: 1, .silenced: 0])
        #expect(try store.reminderCounts(since: Fixture.minutes(3)) == [.fired: 1, .missed: 1, .silenced: 0])
    }

    @Test("the reminder log's daily questions are index searches")
    func queryPlans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let byPlan = try store.explainReminders(matching: ReminderQuery(planID: Fixture.budiPlan))
        #expect(byPlan.contains("USING INDEX reminder_log_by_plan (plan_id=?)"), "\(byPlan)")
        let byState = try store.explainReminders(matching: ReminderQuery(state: .missed, since: Fixture.now))
        #expect(byState.contains("USING INDEX reminder_log_by_state (state=? AND fire_at>?)"), "\(byState)")
        let recent = try store.explainReminders(matching: ReminderQuery(since: Fixture.now, limit: 50))
        #expect(recent.contains("USING INDEX reminder_log_by_fire_at (fire_at>?)"), "\(recent)")
        for plan in [byPlan, byState, recent] {
            #expect(!plan.contains("SCAN reminder_log"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
    }
}
