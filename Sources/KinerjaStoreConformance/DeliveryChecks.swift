import Foundation
import KinerjaCore
import KinerjaStore

/// Hook deliveries: each (reminder, hook) a row that moves from pending through retrying to
/// delivered or failed, and never back.
enum DeliveryChecks {
    /// Fires `reminder` (planned, claimed, settled) with `hooks`, at `at`.
    static func fire(_ store: any OfficeStore, _ reminder: ReminderRecord, hooks: [String], at: Date) async throws {
        _ = try await store.planReminders([reminder], at: at)
        _ = try await store.claimReminders(dueBy: reminder.fireAt, claimant: "a", at: at)
        _ = try await store.settleReminder(id: reminder.id, claimant: "a", state: .fired, late: false, hooks: hooks, at: at)
    }

    static func minutes(_ n: Int) -> Date { District.now.addingTimeInterval(Double(n) * 60) }

    static let all: [StoreCheck] = [
        StoreCheck("a delivery is claimed by one claimant at a time; its end frees it; a silent claimant's run fails, never runs again") { store in
            try await District.seed(store)
            let r = ReminderChecks.reminder()
            try await fire(store, r, hooks: ["10-mail", "20-wa"], at: District.now)
            let byA = try await store.claimDeliveries(at: District.now, limit: 1, hook: nil, excluding: [], claimant: "a")
            try expectEqual(byA.map(\.delivery.hook), ["10-mail"], "a claims the first")
            try expectEqual(try await store.claimDeliveries(at: District.now, limit: 10, hook: nil, excluding: [], claimant: "b").map(\.delivery.hook),
                            ["20-wa"], "b gets the other only")
            try expect(try await store.claimDeliveries(at: District.now, limit: 10, hook: nil, excluding: [], claimant: "c").isEmpty, "none left")
            try expect(try await store.dueDeliveries(at: District.now, limit: 10).isEmpty, "claimed ones are not due")
            try expect(try await store.nextDeliveryAttempt() == nil, "nor waited for")
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .postponed(at: minutes(1), error: "no descriptor"), at: District.now)
            try expectEqual(try await store.claimDeliveries(at: minutes(1), limit: 10, hook: nil, excluding: [], claimant: "a").map(\.delivery.hook),
                            ["10-mail"], "a postponed run is free again")
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .delivered, at: minutes(1))
            try await Task.sleep(for: .milliseconds(20))
            _ = try await store.beat(claimant: "a", timeout: .milliseconds(1), at: minutes(2))
            let lost = try await store.deliveries(matching: DeliveryQuery(state: .failed))
            try expectEqual(lost.map(\.hook), ["20-wa"], "the silent claimant's run failed")
            try expect(lost.first?.lastError?.hasSuffix(Heartbeats.lostRunReason) == true, "saying why")
            try expect(try await store.claimDeliveries(at: minutes(60), limit: 10, hook: nil, excluding: [], claimant: "a").isEmpty, "never run again")
            try expectEqual(try await store.deliveries(matching: DeliveryQuery(state: .delivered)).map(\.hook), ["10-mail"], "the delivered one stays")
        },
        StoreCheck("a delivery goes pending, retrying (not due before its time), delivered; attempts are counted") { store in
            try await District.seed(store)
            let r = ReminderChecks.reminder()
            try await fire(store, r, hooks: ["10-mail", "20-wa"], at: District.now)
            try expectEqual(try await store.nextDeliveryAttempt(), District.now, "next attempt")
            let due = try await store.dueDeliveries(at: District.now, limit: 10)
            try expectEqual(due.map(\.delivery.hook), ["10-mail", "20-wa"], "due, in hook order")
            try expect(due.allSatisfy { $0.reminder.id == r.id && $0.reminder.state == .fired && $0.delivery.state == .pending }, "with the reminder")
            try expect(try await store.dueDeliveries(at: minutes(-1), limit: 10).isEmpty, "nothing due before")
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .retry(at: minutes(5), exitCode: 75, error: "gateway down"), at: District.now)
            try await store.finishDelivery(reminderID: r.id, hook: "20-wa", outcome: .delivered, at: District.now)
            try expect(try await store.dueDeliveries(at: minutes(4), limit: 10).isEmpty, "the retry is not due yet")
            try expectEqual(try await store.nextDeliveryAttempt(), minutes(5), "next attempt: the retry")
            let retry = try await store.dueDeliveries(at: minutes(5), limit: 10)
            try expectEqual(retry.map(\.delivery), [HookDelivery(
                reminderID: r.id, hook: "10-mail", state: .retrying, attempts: 1, nextAttemptAt: minutes(5), lastExitCode: 75,
                lastError: "gateway down", updatedAt: District.now)], "the retrying delivery")
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .delivered, at: minutes(5))
            try expect(try await store.nextDeliveryAttempt() == nil, "nothing waits")
            try expectEqual(try await store.deliveries(matching: DeliveryQuery(state: .delivered)).map(\.attempts).sorted(), [1, 2], "attempts")
        },
        StoreCheck("a failed delivery is final, its error bounded; finishing it again changes nothing; an unknown one is refused") { store in
            try await District.seed(store)
            let r = ReminderChecks.reminder()
            try await fire(store, r, hooks: ["10-mail"], at: District.now)
            let huge = "exit 1: Traceback\n" + String(repeating: "baris panjang ü\n", count: 2_000) + "ValueError: alamat salah"
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .failed(exitCode: 1, error: huge), at: District.now)
            let failed = try await store.deliveries(matching: DeliveryQuery(reminderID: r.id))
            try expectEqual(failed.map(\.state), [.failed], "failed")
            let kept = failed.first?.lastError ?? ""
            try expect(kept.utf8.count <= HookDelivery.errorLimit && kept.hasPrefix("exit 1: Traceback\n") && kept.hasSuffix("ValueError: alamat salah"),
                       "bounded error, start and end kept")
            try await store.finishDelivery(reminderID: r.id, hook: "10-mail", outcome: .delivered, at: minutes(1))
            try expectEqual(try await store.deliveries(matching: DeliveryQuery(reminderID: r.id)), failed, "final stays final")
            try await expectThrows(StoreError.noSuchDelivery(reminderID: r.id, hook: "99-nope"), "unknown delivery") {
                try await store.finishDelivery(reminderID: r.id, hook: "99-nope", outcome: .delivered, at: District.now)
            }
        },
        StoreCheck("due deliveries come oldest first, limited; deliveries are listed newest first, by state and reminder") { store in
            try await District.seed(store)
            let a = ReminderChecks.reminder(offset: -14), b = ReminderChecks.reminder(offset: -7)
            try await fire(store, a, hooks: ["10-mail", "20-wa"], at: District.now)
            try await fire(store, b, hooks: ["10-mail"], at: minutes(1))
            try expectEqual(try await store.dueDeliveries(at: minutes(3), limit: 2).map(\.delivery.reminderID), [a.id, a.id], "oldest first")
            try expectEqual(try await store.dueDeliveries(at: minutes(3), limit: 10).count, 3, "all")
            try await store.finishDelivery(reminderID: a.id, hook: "20-wa", outcome: .delivered, at: minutes(2))
            try expectEqual(try await store.deliveries(matching: DeliveryQuery()).first?.hook, "20-wa", "newest first")
            try expectEqual(Set(try await store.deliveries(matching: DeliveryQuery(state: .pending)).map(\.reminderID)), [a.id, b.id], "by state")
            try expectEqual(try await store.deliveries(matching: DeliveryQuery(state: .pending, reminderID: a.id)).map(\.hook), ["10-mail"], "by reminder")
            try expectEqual(try await store.deliveries(matching: DeliveryQuery(limit: 1)).count, 1, "limit")
            try expectEqual(try await store.statusFigures(cycle: District.cycle, on: LocalDate("2025-02-03")!).failedDeliveries, 0, "failed count")
        },
        StoreCheck("each hook's due deliveries on their own, without those running; a run that never started is postponed, its attempt not counted") { store in
            try await District.seed(store)
            let a = ReminderChecks.reminder(offset: -14), b = ReminderChecks.reminder(offset: -7)
            try await fire(store, a, hooks: ["10-mail", "20-wa"], at: District.now)
            try await fire(store, b, hooks: ["10-mail"], at: minutes(1))
            try expectEqual(try await store.queuedHooks(), ["10-mail", "20-wa"], "queued hooks, in name order")
            let mail = try await store.dueDeliveries(at: minutes(3), limit: 10, hook: "10-mail", excluding: [])
            try expectEqual(mail.map(\.delivery.reminderID), [a.id, b.id], "the mail hook's")
            try expectEqual(try await store.dueDeliveries(at: minutes(3), limit: 10, hook: "10-mail", excluding: [a.id]).map(\.delivery.reminderID),
                            [b.id], "without the one running")
            try expectEqual(try await store.dueDeliveries(at: minutes(3), limit: 10, hook: nil, excluding: [a.id]).map(\.delivery.reminderID),
                            [b.id], "any hook, without the one running")
            try expectEqual(try await store.nextDeliveryAttempt(hook: "20-wa", excluding: []), District.now, "the other hook's next attempt")
            try await store.finishDelivery(reminderID: a.id, hook: "20-wa", outcome: .postponed(at: minutes(10), error: "EMFILE"), at: minutes(2))
            let postponed = try await store.deliveries(matching: DeliveryQuery(reminderID: a.id)).first { $0.hook == "20-wa" }
            try expectEqual(postponed?.state, .pending, "still pending")
            try expectEqual(postponed?.attempts, 0, "no attempt counted")
            try expectEqual(postponed?.nextAttemptAt, minutes(10), "due again later")
            try expectEqual(try await store.nextDeliveryAttempt(hook: "20-wa", excluding: []), minutes(10), "next attempt: the postponed one")
            try await store.finishDelivery(reminderID: a.id, hook: "20-wa", outcome: .delivered, at: minutes(10))
            try expectEqual(try await store.queuedHooks(), ["10-mail"], "a hook with nothing waiting is not queued")
        },
    ]
}
