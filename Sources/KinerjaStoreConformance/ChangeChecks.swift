import Foundation
import KinerjaCore
import KinerjaStore
import Synchronization

/// What the store tells its listeners: every committed change, with the parts it touched,
/// before the writing call returns; nothing for a write that was rolled back.
enum ChangeChecks {
    static let all: [StoreCheck] = [
        StoreCheck("each committed write tells the listeners what it touched, before it returns") { store in
            let seen = Mutex<[StoreChange]>([])
            store.observeChanges { change in seen.withLock { $0.append(change) } }
            func last() -> StoreChange { seen.withLock { $0.last ?? [] } }
            try await District.seed(store)
            try expect(last().isSuperset(of: [.roster, .plans, .audit]), "a roster import: \(last())")
            let id = District.planID(District.siti, District.school2)
            let read = try await store.plan(id)
            let done = try District.apply(.complete(.praktikKinerja, .none), to: read!.plan, on: "2025-01-10")
            try await store.savePlans([District.save(done, over: read)], record: nil, actor: District.admin, at: District.now)
            try expect(last().contains(.plans) && !last().contains(.roster), "a transition: \(last())")
            _ = try await store.addSilence(personID: District.budi.rawValue, npsn: nil, until: "2025-02-15", reason: "cuti", actor: District.admin, at: District.now)
            try expect(last().contains(.silences) && !last().contains(.plans), "a silence: \(last())")
            _ = try await store.acknowledge(reminderID: ReminderChecks.reminder().id, actor: District.admin, at: District.now)
            try expect(last().contains(.acknowledgements), "an acknowledgement: \(last())")
            _ = try await store.planReminders([ReminderChecks.reminder()], at: District.now)
            try expect(last().contains(.reminders) && !last().contains(.plans), "a planned reminder: \(last())")
            let count = seen.withLock { $0.count }
            _ = try? await store.savePlans([District.save(done, over: read)], record: nil, actor: District.admin, at: District.now)
            try expectEqual(seen.withLock { $0.count }, count, "a refused save tells nothing")
        },
    ]
}
