import Foundation
import KinerjaCore
import KinerjaStore

/// Silences, acknowledgements and the scheduler's checkpoint.
enum SilenceChecks {
    static let all: [StoreCheck] = [
        StoreCheck("a silence is added with an audit row, listed while it covers the day, removed but kept") { store in
            try await District.seed(store)
            let person = try await store.addSilence(personID: District.budi.rawValue, npsn: nil, until: "2025-02-15", reason: " cuti sakit ", actor: District.admin, at: District.now)
            let school = try await store.addSilence(personID: nil, npsn: District.school2.rawValue, until: "2025-03-01", reason: "renovasi", actor: District.admin, at: District.now)
            try expectEqual(person.reason, "cuti sakit", "the reason, trimmed")
            try expect(person.id != school.id, "ids")
            try expectEqual(try await store.silences(activeOn: "2025-02-15", includeRemoved: false).map(\.id), [person.id, school.id], "both on the 15th")
            try expectEqual(try await store.silences(activeOn: "2025-02-16", includeRemoved: false).map(\.id), [school.id], "one on the 16th")
            let removed = try await store.removeSilence(id: school.id, actor: District.admin, at: District.now.addingTimeInterval(60))
            try expectEqual(removed?.removedAt, District.now.addingTimeInterval(60), "removed at")
            try expectEqual(try await store.removeSilence(id: school.id, actor: District.admin, at: District.now.addingTimeInterval(120))?.removedAt,
                            District.now.addingTimeInterval(60), "removed once")
            try expect(try await store.removeSilence(id: 9_999, actor: District.admin, at: District.now) == nil, "unknown silence")
            try expectEqual(try await store.silences(activeOn: nil, includeRemoved: true).count, 2, "kept")
            try expectEqual(try await store.silences(activeOn: "2025-02-16", includeRemoved: false).count, 0, "none stands")
            try expectEqual(try await store.history(subject: "silence/\(school.id)", limit: nil).map(\.action), ["silence added", "silence removed"], "audit")
        },
        StoreCheck("a silence that cannot be applied is refused") { store in
            try await District.seed(store)
            try await expectThrows(StoreError.invalidSilence(reason: "name exactly one person or one school"), "both") {
                _ = try await store.addSilence(personID: "x", npsn: "20100001", until: "2025-02-15", reason: "r", actor: District.admin, at: District.now)
            }
            try await expectThrows(StoreError.invalidSilence(reason: "'2025-02-30' is not a date YYYY-MM-DD"), "bad date") {
                _ = try await store.addSilence(personID: "x", npsn: nil, until: "2025-02-30", reason: "r", actor: District.admin, at: District.now)
            }
            try await expectThrows(StoreError.invalidSilence(reason: "give a reason"), "no reason") {
                _ = try await store.addSilence(personID: "x", npsn: nil, until: "2025-02-15", reason: "  ", actor: District.admin, at: District.now)
            }
        },
        StoreCheck("an acknowledgement is kept once per reminder, with an audit row on the plan; its key covers the deadline") { store in
            try await District.seed(store)
            let r = ReminderChecks.reminder()
            try expect(try await store.acknowledge(reminderID: r.id, actor: District.admin, at: District.now), "acknowledged")
            try expect(!(try await store.acknowledge(reminderID: r.id, actor: District.admin, at: District.now)), "once")
            let key = AcknowledgementKey(occurrenceID: r.id)!
            try expectEqual(try await store.acknowledgedKeys(planIDs: [ReminderChecks.plan]), [key], "the plan's keys")
            try expectEqual(try await store.acknowledgedKeys(planIDs: nil), [key], "every key")
            try expect(try await store.acknowledgedKeys(planIDs: ["other"]).isEmpty, "another plan's")
            try expectEqual(try await store.history(subject: ReminderChecks.plan, limit: nil).last?.action, "reminder acknowledged", "audit")
            try await expectThrows(StoreError.malformedReminderID("nope"), "malformed") {
                _ = try await store.acknowledge(reminderID: "nope", actor: District.admin, at: District.now)
            }
        },
        StoreCheck("the scheduler's checkpoint starts empty and only moves forward") { store in
            try expect(try await store.schedulerCheckpoint() == nil, "empty")
            try await store.advanceSchedulerCheckpoint(to: District.now)
            try await store.advanceSchedulerCheckpoint(to: District.now.addingTimeInterval(-60))
            try expectEqual(try await store.schedulerCheckpoint(), District.now, "not moved back")
            try await store.advanceSchedulerCheckpoint(to: District.now.addingTimeInterval(60))
            try expectEqual(try await store.schedulerCheckpoint(), District.now.addingTimeInterval(60), "moved forward")
        },
    ]
}
