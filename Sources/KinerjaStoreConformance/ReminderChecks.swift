import Foundation
import KinerjaCore
import KinerjaStore

/// Reminders fire once because the database says so: planned once, claimed by one
/// claimant, settled by the one that holds the claim.
enum ReminderChecks {
    static let plan = District.planID(District.budi, District.school1).description

    static func reminder(kind: String = "lead", offset: Int = -7, fireAt: Date = District.now) -> ReminderRecord {
        ReminderRecord(
            id: "\(plan)|praktik-kinerja|2025-01-31|\(kind)|\(offset)|\(District.budi)", planID: plan, personID: District.budi.rawValue,
            step: "praktik-kinerja", kind: kind, due: "2025-01-31", fireAt: fireAt, recipientRole: "pegawai",
            recipientID: District.budi.rawValue, state: .planned, late: false, recordedAt: District.now, message: "Pengingat 'uji' \"kutip\"")
    }

    static let all: [StoreCheck] = [
        StoreCheck("a reminder is planned once, claimed once, settled once, and gets its deliveries when fired") { store in
            try await District.seed(store)
            let r = reminder()
            try expectEqual(try await store.planReminders([r, r], at: District.now), 1, "planned")
            try expectEqual(try await store.planReminders([r], at: District.now), 0, "planned again")
            try expect(try await store.reminders(matching: ReminderQuery()).isEmpty, "planned is not handled yet")
            let claimed = try await store.claimReminders(dueBy: District.now, claimant: "a", at: District.now)
            try expectEqual(claimed.map(\.id), [r.id], "claimed by a")
            try expectEqual(claimed.first?.state, .firing, "firing")
            try expect(try await store.claimReminders(dueBy: District.now, claimant: "b", at: District.now).isEmpty, "b gets nothing")
            try expectEqual(try await store.claimedReminders(claimant: "a").map(\.id), [r.id], "a holds it")
            try expect(!(try await store.settleReminder(id: r.id, claimant: "b", state: .fired, late: false, hooks: ["10-x"], at: District.now)), "b cannot settle it")
            try expect(try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: true, hooks: ["10-x", "20-y", "10-x"], at: District.now), "a settles it")
            try expect(!(try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: true, hooks: ["10-x"], at: District.now)), "once")
            try expectEqual(try await store.reminders(matching: ReminderQuery()).map(\.id), [r.id], "handled")
            try expect(try await store.planReminders([r], at: District.now) == 0, "a handled reminder is not planned again")
            let logged = try await store.reminders(matching: ReminderQuery())
            try expectEqual(logged.map(\.state), [.fired], "logged as fired")
            try expectEqual(logged.first?.late, true, "late")
            try expectEqual(logged.first?.message, r.message, "message")
            let deliveries = try await store.deliveries(matching: DeliveryQuery(reminderID: r.id))
            try expectEqual(deliveries.map(\.hook).sorted(), ["10-x", "20-y"], "one delivery per hook")
            try expect(deliveries.allSatisfy { $0.state == .pending && $0.attempts == 0 }, "pending")
        },
        StoreCheck("missed and silenced reminders are logged without deliveries; only reminders due by the time are claimed") { store in
            try await District.seed(store)
            let due = [reminder(offset: -14), reminder(offset: -7), reminder(kind: "due", offset: 0)]
            let later = reminder(kind: "overdue", offset: 7, fireAt: District.now.addingTimeInterval(3600))
            _ = try await store.planReminders(due + [later], at: District.now)
            let claimed = try await store.claimReminders(dueBy: District.now, claimant: "a", at: District.now)
            try expectEqual(Set(claimed.map(\.id)), Set(due.map(\.id)), "the due ones")
            _ = try await store.settleReminder(id: due[0].id, claimant: "a", state: .missed, late: true, hooks: ["10-x"], at: District.now)
            _ = try await store.settleReminder(id: due[1].id, claimant: "a", state: .silenced, late: false, hooks: ["10-x"], at: District.now)
            _ = try await store.settleReminder(id: due[2].id, claimant: "a", state: .fired, late: false, hooks: ["10-x"], at: District.now)
            try expectEqual(try await store.deliveries(matching: DeliveryQuery()).map(\.reminderID), [due[2].id], "deliveries")
            let counts = try await store.statusFigures(cycle: District.cycle, on: LocalDate("2025-02-03")!).reminders
            try expectEqual([counts[.fired], counts[.missed], counts[.silenced], counts[.planned]], [1, 1, 1, 1], "counts per state")
            try expectEqual(try await store.reminders(matching: ReminderQuery()).count, 3, "the log lists handled reminders")
            try expectEqual(try await store.reminders(matching: ReminderQuery(state: .missed)).map(\.id), [due[0].id], "by state")
        },
        StoreCheck("a claim left firing by a claimant that stopped beating becomes uncertain, is never claimed again, and is listed") { store in
            try await District.seed(store)
            let r = reminder()
            _ = try await store.planReminders([r], at: District.now)
            _ = try await store.claimReminders(dueBy: District.now, claimant: "dead", at: District.now)
            let late = District.now.addingTimeInterval(600)
            try expect(try await store.beat(claimant: "b", timeout: .seconds(60), at: late) == 0, "its claimant beat within the timeout")
            try expectEqual(try await store.claimedReminders(claimant: "dead").map(\.id), [r.id], "still held")
            // The database's clock moves on past a timeout of 1 ms.
            try await Task.sleep(for: .milliseconds(20))
            try expect(try await store.beat(claimant: "b", timeout: .milliseconds(1), at: late) == 1, "silent: made uncertain")
            try expect(try await store.claimReminders(dueBy: late, claimant: "b", at: late).isEmpty, "not claimed again")
            try expect(!(try await store.settleReminder(id: r.id, claimant: "dead", state: .fired, late: true, hooks: ["10-x"], at: late)), "its settle is refused")
            let listed = try await store.reminders(matching: ReminderQuery())
            try expectEqual(listed.map(\.state), [.uncertain], "listed as uncertain")
            try expectEqual(try await store.reminders(matching: ReminderQuery(state: .uncertain)).map(\.id), [r.id], "by state")
            try expect(try await store.deliveries(matching: DeliveryQuery()).isEmpty, "no delivery")
            try expect(try await store.beat(claimant: "b", timeout: .milliseconds(1), at: late) == 0, "once")
        },
        StoreCheck("a live claimant's beat keeps its claims however old they are") { store in
            try await District.seed(store)
            let r = reminder()
            _ = try await store.planReminders([r], at: District.now)
            _ = try await store.claimReminders(dueBy: District.now, claimant: "a", at: District.now)
            try await Task.sleep(for: .milliseconds(20))
            try expect(try await store.beat(claimant: "a", timeout: .milliseconds(1), at: District.now) == 0, "a beats: its own claim stays")
            try expect(try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: false, hooks: [], at: District.now), "a settles")
        },
        StoreCheck("two claimants at once: every reminder is claimed by exactly one", factory: { store, _ in
            try await District.seed(store)
            let reminders = (0..<200).map { reminder(kind: "overdue", offset: $0 + 1) }
            _ = try await store.planReminders(reminders, at: District.now)
            async let a = store.claimReminders(dueBy: District.now, claimant: "a", at: District.now)
            async let b = store.claimReminders(dueBy: District.now, claimant: "b", at: District.now)
            let (byA, byB) = try await (a, b)
            try expectEqual(byA.count + byB.count, 200, "claimed in all")
            try expect(Set(byA.map(\.id)).isDisjoint(with: byB.map(\.id)), "no reminder claimed twice")
        }),
        StoreCheck("the reminder log is listed newest first, by person and time range") { store in
            try await District.seed(store)
            let times = (0..<5).map { District.now.addingTimeInterval(Double($0) * 3600) }
            let rs = times.enumerated().map { reminder(kind: "overdue", offset: $0.offset + 1, fireAt: $0.element) }
            _ = try await store.planReminders(rs, at: District.now)
            for r in try await store.claimReminders(dueBy: times[4], claimant: "a", at: times[4]) {
                _ = try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: false, hooks: [], at: times[4])
            }
            try expectEqual(try await store.reminders(matching: ReminderQuery()).map(\.fireAt), times.reversed(), "newest first")
            try expectEqual(try await store.reminders(matching: ReminderQuery(since: times[1], until: times[3])).map(\.fireAt), [times[2], times[1]], "range")
            try expectEqual(try await store.reminders(matching: ReminderQuery(personID: District.siti.rawValue)).count, 0, "another person")
            try expectEqual(
                try await store.reminders(matching: ReminderQuery(state: .fired, recipientID: District.budi.rawValue, since: times[1], until: times[3])).map(\.fireAt),
                [times[2], times[1]], "a recipient's fired reminders in a range (a digest's items)")
            try expectEqual(try await store.reminders(matching: ReminderQuery(recipientID: District.siti.rawValue)).count, 0, "another recipient")
            try expectEqual(try await store.reminders(matching: ReminderQuery(limit: 2)).count, 2, "limit")
        },
    ]
}
