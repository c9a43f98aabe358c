import Foundation
import KinerjaStore
import KinerjaTestPostgres
import Testing
@testable import KinerjaStorePostgres

/// Reminders on a shared database: planned once, each claimed by exactly one daemon in one
/// statement, settled only by its claimant.
@Suite("PostgreSQL store: reminder claims")
struct ReminderClaimTests {
    static let now = Date(timeIntervalSince1970: 1_738_569_600)

    static func reminder(_ n: Int, fireAt: Date = now) -> ReminderRecord {
        ReminderRecord(
            id: "plan-\(n)|praktik-kinerja|2025-01-31|overdue|\(n)|198609262015051001", planID: "plan-\(n)",
            personID: "198609262015051001", step: n.isMultiple(of: 2) ? "praktik-kinerja" : nil, kind: "overdue", due: "2025-01-31",
            fireAt: fireAt, recipientRole: "pegawai", recipientID: n.isMultiple(of: 3) ? nil : "198609262015051001", state: .planned,
            late: false, recordedAt: now, message: "Pengingat 'uji' \"kutip\" \(n)")
    }

    @Test("planned once, claimed once, settled by its claimant with its deliveries, listed as handled")
    func lifecycle() async throws {
        let store = try await makePostgresStore()
        let r = Self.reminder(1)
        #expect(try await store.planReminders([r, r], at: Self.now) == 1)
        #expect(try await store.planReminders([r], at: Self.now) == 0)
        let claimed = try await store.claimReminders(dueBy: Self.now, claimant: "a", at: Self.now)
        #expect(claimed.map(\.id) == [r.id])
        #expect(claimed.first?.state == .firing)
        #expect(claimed.first?.fireAt == r.fireAt)
        #expect(claimed.first?.message == r.message)
        #expect(try await store.claimReminders(dueBy: Self.now, claimant: "b", at: Self.now).isEmpty)
        #expect(try await store.claimedReminders(claimant: "a").map(\.id) == [r.id])
        #expect(!(try await store.settleReminder(id: r.id, claimant: "b", state: .fired, late: false, hooks: ["10-x"], at: Self.now)))
        #expect(try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: true, hooks: ["10-x", "20-y", "10-x"], at: Self.now))
        #expect(!(try await store.settleReminder(id: r.id, claimant: "a", state: .fired, late: true, hooks: [], at: Self.now)))
        let logged = try await store.reminders(matching: ReminderQuery())
        #expect(logged.map(\.state) == [.fired])
        #expect(logged.first?.late == true)
        #expect(try await store.reminders(matching: ReminderQuery(state: .fired, recipientID: r.recipientID, limit: 1)).count == 1)
        #expect(try await store.reminders(matching: ReminderQuery(state: .missed)).isEmpty)
        try await store.close()
    }

    @Test("two daemons claiming a morning at once: every reminder claimed by exactly one of them")
    func twoDaemons() async throws {
        let first = try await makePostgresStore()
        let second = try await PostgresStore.open(url: first.url)
        let reminders = (0..<1000).map { Self.reminder($0, fireAt: Self.now.addingTimeInterval(Double($0 % 60))) }
        #expect(try await first.planReminders(reminders, at: Self.now) == 1000)
        // Each claims what is due second by second, as two schedulers would through a minute.
        func claimAll(_ store: PostgresStore, _ name: String) async throws -> [String] {
            var ids: [String] = []
            for second in 0..<60 {
                let at = Self.now.addingTimeInterval(Double(second))
                ids += try await store.claimReminders(dueBy: at, claimant: name, at: at).map(\.id)
            }
            return ids
        }
        async let a = claimAll(first, "a")
        async let b = claimAll(second, "b")
        let (byA, byB) = try await (a, b)
        #expect(byA.count + byB.count == 1000)
        #expect(Set(byA).isDisjoint(with: byB))
        #expect(Set(byA + byB) == Set(reminders.map(\.id)))
        try await first.close()
        try await second.close()
    }

    @Test("the scheduler's checkpoint never moves back")
    func checkpoint() async throws {
        let store = try await makePostgresStore()
        #expect(try await store.schedulerCheckpoint() == nil)
        try await store.advanceSchedulerCheckpoint(to: Self.now)
        try await store.advanceSchedulerCheckpoint(to: Self.now.addingTimeInterval(-60))
        #expect(try await store.schedulerCheckpoint() == Self.now)
        try await store.advanceSchedulerCheckpoint(to: Self.now.addingTimeInterval(0.25))
        #expect(try await store.schedulerCheckpoint() == Self.now.addingTimeInterval(0.25))
        try await store.close()
    }
}
