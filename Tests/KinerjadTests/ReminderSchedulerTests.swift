import Foundation
import KinerjaStore
import Synchronization
import Testing
@testable import kinerjad

/// The reminder scheduler on a real store: a pass after a wake-up, and a store that refuses
/// to settle what was journaled.
@Suite struct ReminderSchedulerTests {
    /// Issue 4: a pass whose settle the store refuses is retried a minute later; the retry
    /// must not write the journal entry again (exactly once allows one repeat per crash).
    @Test func aRefusedSettleIsRetriedWithoutAnotherJournalEntry() async throws {
        let fixture = try await SchedulerFixture.make()
        let store = try #require(fixture.office.store as? SQLiteStore)
        #expect(try await fixture.scheduler.tick() == SchedulerFixture.instant("2026-11-26T07:00:00+07:00"))
        fixture.clock.set(SchedulerFixture.afterFire)

        // The store refuses to settle any reminder, as a full disk would.
        try await store.executeRaw("""
            CREATE TRIGGER refuse_settle BEFORE UPDATE ON reminder_log WHEN NEW.state IN ('fired', 'missed', 'silenced')
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
            """)
        for pass in 1...3 {
            await #expect(throws: (any Error).self, "pass \(pass) fails") { try await fixture.scheduler.tick() }
            #expect(fixture.journaled.all.count == 1, "pass \(pass): \(fixture.journaled.all)")
        }
        #expect(try await store.reminders(matching: ReminderQuery()).isEmpty)
        #expect(try await store.claimedReminders(claimant: "test").count == 2)

        // Space returns: the next pass settles the journaled one and fires the other.
        try await store.executeRaw("DROP TRIGGER refuse_settle")
        try await fixture.scheduler.tick()
        let journaled = fixture.journaled.all
        let recorded = try await store.reminders(matching: ReminderQuery())
        #expect(journaled.count == 2 && Set(journaled).count == 2, "\(journaled)")
        #expect(Set(recorded.map(\.id)) == Set(journaled))
        #expect(recorded.allSatisfy { $0.state == .fired })
    }

    @Test func aPokeMakesAPass() async throws {
        let fixture = try await SchedulerFixture.make()
        try await Self.expectPass(of: fixture) { fixture.office.changed.poke() }
    }

    /// Issue 4: the scheduler sleeps on the monotonic clock until 07:00; a set of the system's
    /// wall clock wakes it through its WallClockWatcher (a timerfd), and it plans again.
    @Test func aSetOfTheWallClockMakesAPass() async throws {
        let fixture = try await SchedulerFixture.make()
        try await Self.expectPass(of: fixture) { try setClockToItself() }
    }

    /// Runs the scheduler until its first pass, then `wake`, and expects a second pass. The
    /// test clock stays at 06:59, a minute before the next reminder: without a wake-up the
    /// scheduler sleeps that minute and then skips the pass (nothing changed). A pass moves
    /// the scheduler's checkpoint to the clock's time, which the store reports.
    static func expectPass(of fixture: SchedulerFixture, after wake: () throws -> Void) async throws {
        let passes = Mutex(0)
        fixture.office.store.observeChanges { change in if change.contains(.scheduler) { passes.withLock { $0 += 1 } } }
        let scheduler = fixture.scheduler
        let running = Task { try await scheduler.run() }
        defer { running.cancel() }
        #expect(await Self.poll { passes.withLock { $0 } >= 1 }, "a first pass")
        fixture.clock.set(SchedulerFixture.beforeFire.addingTimeInterval(1))
        try wake()
        #expect(await Self.poll { passes.withLock { $0 } >= 2 }, "a pass after the wake-up")
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
