import Foundation
import KinerjaCore
import KinerjaStore
import Testing

@Suite("Scheduler state")
struct SchedulerStateTests {
    @Test("the checkpoint is nil at first, set, overwritten, and found again after a restart")
    func checkpoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kinerja.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            #expect(try store.schedulerCheckpoint() == nil)
            try store.setSchedulerCheckpoint(Fixture.now)
            #expect(try store.schedulerCheckpoint() == Fixture.now)
            try store.transaction { try $0.setSchedulerCheckpoint(Fixture.minutes(30)) }
            #expect(try store.schedulerCheckpoint() == Fixture.minutes(30))
            // Milliseconds survive.
            try store.setSchedulerCheckpoint(Fixture.minutes(45).addingTimeInterval(0.25))
            try store.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.schedulerCheckpoint() == Fixture.minutes(45).addingTimeInterval(0.25))
        #expect(try store.fetchTexts("SELECT count(*) FROM scheduler_state") == ["1"])
    }

    @Test("a checkpoint set in a transaction that throws is not kept, like the reminders recorded with it")
    func rollback() throws {
        struct Interrupted: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        try store.setSchedulerCheckpoint(Fixture.now)
        let reminder = Fixture.reminder(Fixture.reminderID(), fireAt: Fixture.minutes(10))
        #expect(throws: Interrupted.self) {
            try store.transaction { transaction in
                _ = try transaction.recordReminder(reminder, hooks: ["10-mail"], at: Fixture.minutes(10))
                try transaction.setSchedulerCheckpoint(Fixture.minutes(10))
                throw Interrupted()
            }
        }
        #expect(try store.schedulerCheckpoint() == Fixture.now)
        #expect(try store.reminderExists(reminder.id) == false)
    }
}
