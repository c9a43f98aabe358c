import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Testing
@testable import kinerjad

/// The kept preview (`PreviewCache`) answers what a preview computed anew answers: after a
/// plan's change (brought up to date from the plans' versions), a silence, a second
/// writer's change to the same file, and a new day.
@Suite("Reminder preview kept between calls")
struct PreviewCacheTests {
    static let week = Kinerja.PreviewReminders.Parameters(from: "2026-11-26", to: "2026-12-10")
    static let actor = AuditActor(uid: 0, user: "test")

    /// The preview as kept, and as computed with nothing kept.
    static func both(_ office: Office) async throws -> (kept: [ReminderItem], anew: [ReminderItem]) {
        let kept = try await office.previewReminders(week)
        office.previewCache.clear()
        let anew = try await office.previewReminders(week)
        return (kept, anew)
    }

    @Test("after transitions, a block, an unblock and a silence, the kept preview is the one computed anew")
    func keptEqualsAnew() async throws {
        let fixture = try await SchedulerFixture.make()
        let office = fixture.office
        let first = try await office.previewReminders(Self.week)
        #expect(first.count > 20)
        #expect(try await office.previewReminders(Self.week) == first, "asked again, unchanged")
        let principal = "197610132002031006"
        for action in ["terblokir", "dibuka"] {
            _ = try await office.transition(.init(person: principal, action: action, cause: action == "terblokir" ? "lainnya" : nil), actor: Self.actor)
            let (kept, anew) = try await Self.both(office)
            #expect(kept == anew, "after \(action)")
        }
        let blocked = try await office.previewReminders(Self.week)
        _ = try await office.addSilence(.init(person: principal, until: "2026-12-31", reason: "cuti"), actor: Self.actor)
        let (kept, anew) = try await Self.both(office)
        #expect(kept == anew, "after a silence")
        #expect(kept != blocked, "the silence shows")
    }

    @Test("another writer's change to the same file is seen once the store reports it")
    func otherWriter() async throws {
        let fixture = try await SchedulerFixture.make()
        let office = fixture.office
        _ = try await office.previewReminders(Self.week)
        // A second office on the same file, as a second daemon would be.
        let other = Office(
            store: try SQLiteStore(path: fixture.directory + "/kinerja.sqlite"), settings: office.settings, clock: fixture.clock,
            logger: office.logger)
        _ = try await other.transition(.init(person: "197610132002031006", action: "terblokir", cause: "lainnya"), actor: Self.actor)
        office.previewCache.invalidate(.everything)  // what followOtherWriters reports
        let (kept, anew) = try await Self.both(office)
        #expect(kept == anew)
    }
}
