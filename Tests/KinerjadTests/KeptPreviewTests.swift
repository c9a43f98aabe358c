import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import Synchronization
import Testing
@testable import kinerjad

/// A preview assembled from kept reminders must be the preview planned anew, whatever
/// changed in between, and written as `PreviewReminders.Result` encodes.
@Suite("Previews from kept reminders")
struct KeptPreviewTests {
    static let window = Kinerja.PreviewReminders.Parameters(from: "2026-11-01", to: "2026-12-31")
    static let actor = AuditActor(uid: 0, user: "test")

    static func preview(_ office: Office) throws -> [UInt8] {
        var bytes: [UInt8] = []
        Office.writePreview(try office.previewReminders(window)[...], into: &bytes)
        return bytes
    }

    /// The preview of an office that has kept nothing: another office on the same store.
    static func plannedAnew(_ fixture: SchedulerFixture) throws -> [UInt8] {
        let office = Office(
            store: fixture.office.store, settings: fixture.office.settings, clock: fixture.clock,
            logger: Logger(label: "kinerjad-test") { _ in SwiftLogNoOpLogHandler() })
        return try preview(office)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("after a transition, a roster and a reload, the kept preview equals one planned anew")
    func keptEqualsPlannedAnew() throws {
        let fixture = try SchedulerFixture()
        let office = fixture.office
        let first = try Self.preview(office)
        let result = try JSONDecoder().decode(Kinerja.PreviewReminders.Result.self, from: Data(first))
        #expect(result.reminders.count > 20)
        #expect(try StreamingJSONEncoder.encode(result) == first, "the JSON is what the result type encodes to")
        #expect(try Self.preview(office) == first)

        let open = try #require(try office.store.plans(matching: PlanQuery(cycle: CycleID(year: 2026, half: 2)!, blocked: false)).first { !$0.plan.isComplete })
        _ = try office.transition(
            .init(plan: open.plan.id.description, action: "terblokir", cause: "rhk-atasan", note: "menunggu RHK"), actor: Self.actor)
        let blocked = try Self.preview(office)
        #expect(blocked != first)
        #expect(try blocked == Self.plannedAnew(fixture))
        #expect(Self.text(blocked).contains("terblokir sejak"))

        // The blocked plan's holder, renamed: their reminders name them anew.
        let name = try #require(try office.store.person(open.plan.id.position.personID)?.nama)
        let roster = try String(contentsOfFile: "\(SchedulerFixture.root)/config/examples/roster.csv", encoding: .utf8)
        #expect(roster.contains(name) && Self.text(blocked).contains(name))
        _ = try office.importRoster(
            ImportFile(text: roster.replacingOccurrences(of: name, with: "Renamed \(name)")), dryRun: false, skipInvalid: false, actor: Self.actor)
        let renamed = try Self.preview(office)
        #expect(Self.text(renamed).contains("Renamed \(name)"))
        #expect(try renamed == Self.plannedAnew(fixture))

        var english = office.settings
        english.config.language = .english
        try office.replaceSettings(english)
        let inEnglish = try Self.preview(office)
        #expect(Self.text(inEnglish).contains("Reminder"))
        #expect(try inEnglish == Self.plannedAnew(fixture))
    }

    /// Counts how many plans a preview planned.
    final class Planned: Sendable {
        let count = Atomic(0)
        var total: Int { count.load(ordering: .relaxed) }

        func plan(_ plan: Plan) -> [KeptPreview.Reminder] {
            count.add(1, ordering: .relaxed)
            return [KeptPreview.Reminder(fireAt: Date(timeIntervalSince1970: 0), id: plan.id.description, json: Array(plan.id.description.utf8))]
        }
    }

    @Test("only plans that changed are planned again; another window, or too many bytes, plans them all")
    func onlyChangedPlansArePlanned() throws {
        let cycle = CycleID(year: 2026, half: 2)!
        let plans = (0..<300).map { index in
            let key = PositionKey(personID: PersonID(trusted: String(format: "19800101200001%04d", index)), role: .pengawasSekolah, npsn: nil)
            return StoredPlan(plan: Plan(id: PlanID(cycle: cycle, position: key)), due: nil)
        }
        let window = KeptPreview.Window(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400), settingsVersion: 0, rosterVersion: 0, suppressions: 0)
        let kept = KeptPreview()
        let planned = Planned()
        let all = kept.reminders(of: plans, in: window, plan: planned.plan)
        #expect(all.map(\.id) == plans.map(\.plan.id.description).sorted())
        #expect(planned.total == 300)
        #expect(kept.reminders(of: plans, in: window, plan: planned.plan).map(\.id) == all.map(\.id))
        #expect(planned.total == 300)

        var changed = plans
        changed[7].plan = try changed[7].plan.applying(
            .block(.rhkAtasan, note: nil), on: LocalDate("2026-07-10")!, today: LocalDate("2026-07-10")!,
            rules: YearRules(year: 2026, pengembanganKompetensi: .oneIndicator, durations: Durations(), deadlinesKepalaSekolah: [:], deadlinesPengawasSekolah: [:]))
        _ = kept.reminders(of: changed, in: window, plan: planned.plan)
        #expect(planned.total == 301)

        let later = KeptPreview.Window(start: window.start, end: window.end, settingsVersion: 1, rosterVersion: 0, suppressions: 0)
        _ = kept.reminders(of: changed, in: later, plan: planned.plan)
        #expect(planned.total == 601)

        let small = KeptPreview(maxBytes: 1000)
        _ = small.reminders(of: plans, in: window, plan: planned.plan)
        _ = small.reminders(of: plans, in: window, plan: planned.plan)
        #expect(planned.total == 1201, "past maxBytes nothing is kept")
    }

    @Test("the roster's index is kept for its version, unless it has more than maxRosterRows positions")
    func rosterIndex() {
        let rows = (0..<3).map { index in
            let id = PersonID(trusted: String(format: "19800101200001%04d", index))
            return (person: Person(id: id, nama: "Guru \(index)", kepegawaian: .pns),
                    position: Position(key: PositionKey(personID: id, role: .pengawasSekolah, npsn: nil)))
        }
        func reads(_ kept: KeptPreview, versions: [UInt64]) -> Int {
            var count = 0
            for version in versions {
                let roster = kept.roster(version: version) {
                    count += 1
                    return KeptPreview.Roster(rows)
                }
                #expect(roster.names.count == 3)
            }
            return count
        }
        #expect(reads(KeptPreview(), versions: [0, 0, 0]) == 1)
        #expect(reads(KeptPreview(), versions: [0, 1, 1]) == 2)
        #expect(reads(KeptPreview(maxRosterRows: 2), versions: [0, 0, 0]) == 3)
    }
}
