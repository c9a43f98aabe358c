import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Hook deliveries")
struct HookDeliveryTests {
    @Test("a delivery goes pending, retrying (not due before its time), delivered; attempts are counted")
    func retryThenDeliver() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let reminder = Fixture.reminder(Fixture.reminderID())
        #expect(try store.recordReminder(reminder, hooks: ["10-mail", "20-wa"], at: Fixture.now))
        #expect(try store.nextDeliveryAttempt() == Fixture.now)

        let due = try store.dueDeliveries(at: Fixture.now, limit: 10)
        #expect(due.map(\.delivery.hook) == ["10-mail", "20-wa"])
        #expect(due.allSatisfy { $0.reminder == reminder && $0.delivery.state == .pending })
        #expect(try store.dueDeliveries(at: Fixture.minutes(-1), limit: 10).isEmpty)

        // 10-mail asks for a retry in 5 minutes (exit 75); 20-wa is delivered.
        try store.finishDelivery(
            reminderID: reminder.id, hook: "10-mail",
            outcome: .retry(at: Fixture.minutes(5), exitCode: 75, error: "smtp: 421 try later"), at: Fixture.minutes(0))
        try store.finishDelivery(reminderID: reminder.id, hook: "20-wa", outcome: .delivered, at: Fixture.minutes(0))
        #expect(try store.dueDeliveries(at: Fixture.minutes(4), limit: 10).isEmpty)
        #expect(try store.nextDeliveryAttempt() == Fixture.minutes(5))

        let retry = try #require(try store.dueDeliveries(at: Fixture.minutes(5), limit: 10).first)
        #expect(retry.delivery == HookDelivery(
            reminderID: reminder.id, hook: "10-mail", state: .retrying, attempts: 1, nextAttemptAt: Fixture.minutes(5),
            lastExitCode: 75, lastError: "smtp: 421 try later", updatedAt: Fixture.minutes(0)))
        #expect(retry.reminder == reminder)

        try store.finishDelivery(reminderID: reminder.id, hook: "10-mail", outcome: .delivered, at: Fixture.minutes(5))
        #expect(try store.nextDeliveryAttempt() == nil)
        #expect(try store.dueDeliveries(at: Fixture.minutes(60), limit: 10).isEmpty)
        let delivered = try store.deliveries(matching: DeliveryQuery(state: .delivered))
        #expect(delivered == [
            HookDelivery(
                reminderID: reminder.id, hook: "10-mail", state: .delivered, attempts: 2, nextAttemptAt: nil,
                lastExitCode: 0, lastError: nil, updatedAt: Fixture.minutes(5)),
            HookDelivery(
                reminderID: reminder.id, hook: "20-wa", state: .delivered, attempts: 1, nextAttemptAt: nil,
                lastExitCode: 0, lastError: nil, updatedAt: Fixture.minutes(0)),
        ])
    }

    @Test("a failed delivery is final, its error bounded; finishing it again changes nothing")
    func failedIsFinal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let reminder = Fixture.reminder(Fixture.reminderID())
        #expect(try store.recordReminder(reminder, hooks: ["10-mail"], at: Fixture.now))
        // Multi-byte characters across the cut must not be split.
        let stderr = "exit 1: Traceback\n" + String(repeating: "baris galat é ✓ ", count: 2_000) + "\nValueError: alamat salah"
        try store.finishDelivery(reminderID: reminder.id, hook: "10-mail", outcome: .failed(exitCode: 1, error: stderr), at: Fixture.minutes(1))

        let failed = try #require(try store.deliveries(matching: DeliveryQuery(state: .failed)).first)
        #expect(failed.attempts == 1 && failed.lastExitCode == 1 && failed.nextAttemptAt == nil)
        let kept = try #require(failed.lastError)
        #expect(kept.utf8.count <= HookDelivery.errorLimit)
        #expect(kept.utf8.count > HookDelivery.errorLimit - 8)
        #expect(kept.hasPrefix("exit 1: Traceback\n"))
        #expect(kept.hasSuffix("\nValueError: alamat salah"))
        #expect(kept.contains("[…]"))

        try store.finishDelivery(reminderID: reminder.id, hook: "10-mail", outcome: .delivered, at: Fixture.minutes(2))
        #expect(try store.deliveries(matching: DeliveryQuery(reminderID: reminder.id)) == [failed])
        #expect(try store.dueDeliveries(at: Fixture.minutes(60), limit: 10).isEmpty)

        #expect(throws: StoreError.noSuchDelivery(reminderID: reminder.id, hook: "99-nope")) {
            try store.finishDelivery(reminderID: reminder.id, hook: "99-nope", outcome: .delivered, at: Fixture.minutes(2))
        }
        // A short error is kept whole.
        #expect(try store.recordReminder(Fixture.reminder(Fixture.reminderID(offset: 1)), hooks: ["10-mail"], at: Fixture.now))
        try store.finishDelivery(
            reminderID: Fixture.reminderID(offset: 1), hook: "10-mail", outcome: .failed(exitCode: nil, error: "timeout after 30 s"),
            at: Fixture.minutes(1))
        let timedOut = try store.deliveries(matching: DeliveryQuery(reminderID: Fixture.reminderID(offset: 1)))
        #expect(timedOut.map(\.lastError) == ["timeout after 30 s"])
        #expect(timedOut.map(\.lastExitCode) == [nil])
    }

    @Test("after a restart, pending and retrying deliveries are found again and delivered ones are not")
    func restartResumes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        let reminder = Fixture.reminder(Fixture.reminderID())
        do {
            let store = try Fixture.seededStore(in: directory)
            #expect(try store.recordReminder(reminder, hooks: ["10-mail", "20-wa", "30-sms"], at: Fixture.now))
            try store.finishDelivery(
                reminderID: reminder.id, hook: "10-mail", outcome: .retry(at: Fixture.minutes(10), exitCode: 75, error: "later"),
                at: Fixture.now)
            try store.finishDelivery(reminderID: reminder.id, hook: "20-wa", outcome: .delivered, at: Fixture.now)
            try store.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.nextDeliveryAttempt() == Fixture.now)
        #expect(try store.dueDeliveries(at: Fixture.minutes(1), limit: 10).map(\.delivery.hook) == ["30-sms"])
        let due = try store.dueDeliveries(at: Fixture.minutes(10), limit: 10)
        #expect(due.map(\.delivery.hook) == ["30-sms", "10-mail"])
        #expect(due.map(\.delivery.attempts) == [0, 1])
        #expect(due.allSatisfy { $0.reminder == reminder })
        // Recording the occurrence again after the restart (the scheduler recomputes it) is refused.
        #expect(try store.recordReminder(reminder, hooks: ["10-mail", "20-wa", "30-sms"], at: Fixture.minutes(10)) == false)
        #expect(try store.deliveries(matching: DeliveryQuery(state: .delivered)).map(\.hook) == ["20-wa"])
    }

    @Test("dueDeliveries is oldest first and limited; a time reset to NULL by hand counts as now")
    func orderAndLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let first = Fixture.reminder(Fixture.reminderID(offset: 14))
        let second = Fixture.reminder(Fixture.reminderID(offset: 7))
        let third = Fixture.reminder(Fixture.reminderID(offset: 1))
        try store.transaction { transaction in
            _ = try transaction.recordReminder(third, hooks: ["10-mail"], at: Fixture.minutes(3))
            _ = try transaction.recordReminder(first, hooks: ["20-wa", "10-mail"], at: Fixture.minutes(1))
            _ = try transaction.recordReminder(second, hooks: ["10-mail"], at: Fixture.minutes(2))
        }
        let all = try store.dueDeliveries(at: Fixture.minutes(3), limit: 10)
        #expect(all.map { "\($0.reminder.id == first.id ? 1 : $0.reminder.id == second.id ? 2 : 3)/\($0.delivery.hook)" }
            == ["1/10-mail", "1/20-wa", "2/10-mail", "3/10-mail"])
        #expect(try store.dueDeliveries(at: Fixture.minutes(3), limit: 2).map(\.delivery.reminderID) == [first.id, first.id])

        try store.executeRaw("UPDATE hook_delivery SET next_attempt_at = NULL WHERE reminder_id = '\(third.id)'")
        #expect(try store.dueDeliveries(at: Fixture.minutes(0), limit: 10).map(\.reminder.id) == [third.id])
        #expect(try store.dueDeliveries(at: Fixture.minutes(3), limit: 10).first?.reminder.id == third.id)
        #expect(try store.nextDeliveryAttempt() == Fixture.minutes(1))
    }

    @Test("deliveries(matching:) filters by state and reminder")
    func query() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let a = Fixture.reminder(Fixture.reminderID(offset: 7))
        let b = Fixture.reminder(Fixture.reminderID(offset: 1))
        _ = try store.recordReminder(a, hooks: ["10-mail", "20-wa"], at: Fixture.now)
        _ = try store.recordReminder(b, hooks: ["10-mail"], at: Fixture.now)
        try store.finishDelivery(reminderID: a.id, hook: "20-wa", outcome: .failed(exitCode: 2, error: "no"), at: Fixture.minutes(1))
        #expect(try store.deliveries(matching: DeliveryQuery()).count == 3)
        #expect(try store.deliveries(matching: DeliveryQuery()).first?.hook == "20-wa")
        #expect(try store.deliveries(matching: DeliveryQuery(state: .pending)).map(\.reminderID).sorted() == [a.id, b.id].sorted())
        #expect(try store.deliveries(matching: DeliveryQuery(state: .pending, reminderID: a.id)).map(\.hook) == ["10-mail"])
        #expect(try store.deliveries(matching: DeliveryQuery(limit: 1)).count == 1)
    }

    @Test("the delivery queue is read through its index")
    func queuePlan() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let plan = try store.explainDueDeliveries(at: Fixture.now, limit: 10)
        #expect(plan.contains("SEARCH d USING INDEX hook_delivery_due (state=? AND next_attempt_at<?)"), "\(plan)")
        #expect(plan.contains("SEARCH d USING INDEX hook_delivery_due (state=? AND next_attempt_at=?)"), "\(plan)")
        #expect(!plan.contains("SCAN d"), "\(plan)")
        #expect(!plan.contains("SCAN r"), "\(plan)")
    }
}
