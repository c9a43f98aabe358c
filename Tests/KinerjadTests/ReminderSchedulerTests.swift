import Foundation
import KinerjaStore
import Testing
@testable import kinerjad

/// The reminder scheduler on a real store: a pass after a wake-up, and a store that refuses
/// to record what was journaled.
@Suite struct ReminderSchedulerTests {
    /// Issue 4: a pass whose record the store refuses is retried a minute later; the retry
    /// must not write the journal entry again (exactly once allows one repeat per crash).
    @Test func aRefusedRecordIsRetriedWithoutAnotherJournalEntry() throws {
        let fixture = try SchedulerFixture()
        let store = fixture.office.store
        #expect(try fixture.scheduler.tick() == SchedulerFixture.instant("2026-11-26T07:00:00+07:00"))
        fixture.clock.set(SchedulerFixture.afterFire)

        // The store refuses every reminder record, as a full disk would.
        try store.executeRaw("""
            CREATE TRIGGER refuse_reminders BEFORE INSERT ON reminder_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
            """)
        for pass in 1...3 {
            #expect(throws: (any Error).self, "pass \(pass) fails") { try fixture.scheduler.tick() }
            #expect(fixture.journaled.all.count == 1, "pass \(pass): \(fixture.journaled.all)")
        }
        #expect(try store.reminders(matching: ReminderQuery()).isEmpty)

        // Space returns: the next pass records the journaled one and fires the other.
        try store.executeRaw("DROP TRIGGER refuse_reminders")
        try fixture.scheduler.tick()
        let journaled = fixture.journaled.all
        let recorded = try store.reminders(matching: ReminderQuery())
        #expect(journaled.count == 2 && Set(journaled).count == 2, "\(journaled)")
        #expect(Set(recorded.map(\.id)) == Set(journaled))
        #expect(recorded.allSatisfy { $0.state == .fired })
    }

    @Test func aPokeMakesAPass() async throws {
        let fixture = try SchedulerFixture()
        try await Self.expectPass(of: fixture) { fixture.office.changed.poke() }
    }

    /// Issue 4: the scheduler sleeps on the monotonic clock until 07:00; a set of the system's
    /// wall clock wakes it through its WallClockWatcher (a timerfd), and it plans again.
    @Test func aSetOfTheWallClockMakesAPass() async throws {
        let fixture = try SchedulerFixture()
        try await Self.expectPass(of: fixture) { try setClockToItself() }
    }

    /// Runs the scheduler until its first pass, then `wake`, and expects a second pass. The
    /// test clock stays at 06:59, a minute before the next reminder: without a wake-up the
    /// scheduler sleeps that minute and then skips the pass (nothing changed).
    static func expectPass(of fixture: SchedulerFixture, after wake: () throws -> Void) async throws {
        let store = fixture.office.store
        let start = store.writeCount
        let scheduler = fixture.scheduler
        let running = Task { try await scheduler.run() }
        defer { running.cancel() }
        // A pass writes the checkpoint: one write each.
        #expect(await Self.poll { store.writeCount > start }, "a first pass")
        let first = store.writeCount
        try wake()
        #expect(await Self.poll { store.writeCount > first }, "a pass after the wake-up")
        #expect(fixture.office.nextReminder.withLock { $0 } == SchedulerFixture.instant("2026-11-26T07:00:00+07:00"))
    }

    /// Polls `condition` every 10 ms for up to 30 s (the pass follows at once; the bound only
    /// keeps a broken build from hanging).
    static func poll(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<3_000 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}
