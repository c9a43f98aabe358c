import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Testing
@testable import kinerjad

/// One message a day per person (issue 16): what fires for one recipient on one day is one
/// journal entry and one hook event, its items most urgent first, each item still fired,
/// acknowledged or silenced on its own.
@Suite struct ReminderDigestTests {
    static let kepalaDinas = "196808141994031005"
    static let beforeFire = SchedulerFixture.instant("2026-12-14T06:59:00+07:00")
    static let afterFire = SchedulerFixture.instant("2026-12-14T07:00:30+07:00")

    /// The example district on 14 December 2026: 26 reminders, the Kepala Dinas's 11
    /// escalations among them. One item acknowledged before 07:00: the Kepala Dinas's digest
    /// lists the other 10, the acknowledged one is recorded silenced on its own.
    @Test func theKepalaDinasGetsOneEntryListingHisItemsAndAnAcknowledgedItemIsLeftOut() async throws {
        let fixture = try await SchedulerFixture.make()
        let actor = AuditActor(uid: 0, user: "test")
        let officials = try String(contentsOfFile: "\(SchedulerFixture.root)/config/examples/pejabat.csv", encoding: .utf8)
        #expect(try await fixture.office.importOfficials(ImportFile(text: officials), dryRun: false, skipInvalid: false, actor: actor).applied)
        fixture.clock.set(Self.beforeFire)
        try await fixture.scheduler.tick()

        let preview = try await fixture.office.previewReminders(.init(from: "2026-12-14", to: "2026-12-14", person: nil))
        let toKadis = preview.filter { $0.recipient == Self.kepalaDinas }
        #expect(toKadis.count == 11 && Set(toKadis.map(\.digest)) == ["2026-12-14|\(Self.kepalaDinas)"], "\(toKadis.map(\.id))")
        #expect(Set(preview.map(\.digest)).count == 16, "26 reminders in 16 messages")
        let acknowledged = toKadis[3].id
        try await fixture.office.acknowledge(acknowledged, actor: actor)

        fixture.clock.set(Self.afterFire)
        try await fixture.scheduler.tick()
        let entries = fixture.journaled.allEntries
        let kadisEntries = entries.filter { $0.contains { $0 == ("KINERJA_RECIPIENT", Self.kepalaDinas) } }
        try #require(kadisEntries.count == 1, "\(kadisEntries.count) entries to the Kepala Dinas")
        let entry = kadisEntries[0]
        let ids = entry.filter { $0.0 == "KINERJA_REMINDER_ID" }.map(\.1)
        #expect(entry.first { $0.0 == "KINERJA_COUNT" }?.1 == "10")
        #expect(ids.count == 10 && !ids.contains(acknowledged))
        let message = try #require(entry.first { $0.0 == "MESSAGE" }?.1)
        #expect(message.hasPrefix("10 pengingat Kinerja untuk Drs. H. Ahmad Syarifuddin, M.Si. (Kepala Dinas Pendidikan), 14 Desember 2026"), "\(message)")
        #expect(message.split(separator: "\n").count == 11)
        // Everyone else's day is one entry each: 15 people, 25 fired, one silenced.
        #expect(entries.count == 15, "\(entries.count) entries")

        let store = fixture.office.store
        let recorded = try await store.reminders(matching: ReminderQuery())
        #expect(recorded.filter { $0.state == .fired }.count == 24)
        #expect(recorded.filter { $0.state == .silenced }.map(\.id).contains(acknowledged))

        // The hook event of the digest: api 2, the 10 items most urgent first, the lead's
        // top-level fields for a hook of api 1, the whole text as its message.
        let lead = try #require(recorded.first { $0.id == ids[0] })
        let event = try await fixture.office.hookEvent(for: lead)
        #expect(event.digest?.items.map(\.reminder.id) == ids)
        #expect(event.recipient.jabatan == "Kepala Dinas Pendidikan")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(event.json.utf8)) as? [String: Any])
        #expect(json["api"] as? Int == 2)
        let digest = try #require(json["digest"] as? [String: Any])
        #expect(digest["count"] as? Int == 10)
        #expect((digest["items"] as? [[String: Any]])?.count == 10)
        #expect((json["reminder"] as? [String: Any])?["id"] as? String == ids[0])
        #expect((json["reminder"] as? [String: Any])?["message"] as? String == message)
        #expect(event.environment["KINERJA_COUNT"] == "10" && event.environment["KINERJA_API"] == "2")
        #expect(event.environment["KINERJA_REMINDER_IDS"]?.split(separator: "\n").map(String.init) == ids)
    }
}
