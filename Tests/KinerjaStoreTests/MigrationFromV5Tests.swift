import Foundation
import KinerjaCore
import KinerjaRules
import KinerjaStore
import Testing

/// An office's store made by the last release of schema v5 (Tests/Fixtures/v5-district, see
/// its README) migrates in place at open: every row an office had is still there and says
/// the same.
@Suite("Migration of a v5 store")
struct MigrationFromV5Tests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/v5-district/kinerja-v5.sqlite").path
    static let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/rules").path

    /// A copy of the fixture, so that the committed file is never migrated.
    static func copy(in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("kinerja.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return path
    }

    static func count(_ store: SQLiteStore, _ sql: String) async throws -> Int {
        Int(try await store.fetchTexts(sql).first.flatMap { $0 } ?? "") ?? -1
    }

    @Test("every person, position, plan, step, choice, block, revision, reminder, delivery, silence, acknowledgement and audit row is kept")
    func everythingKept() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.copy(in: directory)
        let v5Plans = try SQLiteStore.fetchTexts(at: path, "SELECT plan_id || char(9) || state FROM plan ORDER BY plan_id").compactMap { $0 }
        let v5Audit = try SQLiteStore.fetchTexts(at: path, """
            SELECT id || '|' || at || '|' || uid || '|' || user || '|' || action || '|' || subject || '|' || coalesce(before, '-') || '|' || coalesce(after, '-')
            FROM audit ORDER BY id
            """)
        #expect(v5Plans.count == 36 && v5Audit.count == 295)

        let store = try SQLiteStore(path: path)
        #expect(try await store.schemaVersion() == SQLiteStore.knownMigrations)
        #expect(try await Self.count(store, "SELECT count(*) FROM person WHERE active") == 34)
        #expect(try await Self.count(store, "SELECT count(*) FROM position WHERE active") == 35)
        #expect(try await Self.count(store, "SELECT count(*) FROM sekolah_binaan") == 30)
        // Plans: each one as its v5 JSON said, field for field.
        let decoder = JSONDecoder()
        for line in v5Plans {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let v5 = try decoder.decode(Plan.self, from: Data(parts[1].utf8))
            // v5 knew no Penilaian: the workflow's steps after the v5 ones are there, empty.
            let records = v5.records + Workflow.steps(for: v5.role).dropFirst(v5.records.count).map { StepRecord(step: $0) }
            let expected = Plan(
                restoring: v5.id, records: records, currentIndex: v5.currentIndex, blocks: v5.blocks, revisions: v5.revisions,
                firstSubmittedOn: v5.firstSubmittedOn, openedOn: v5.openedOn)
            #expect(try await store.plan(#require(PlanID(parts[0])))?.plan == expected, "\(parts[0])")
        }
        let steps = try await store.fetchTexts("""
            SELECT cycle || ' ' || coalesce(current_step, '(complete)') || ' ' || count(*) || ' ' || count(block_cause)
            FROM plan GROUP BY cycle, current_step ORDER BY cycle, current_step
            """).compactMap { $0 }
        #expect(steps == [
            "2024-2 perilaku-kerja 1 0", "2026-2 (complete) 3 0", "2026-2 dokumen-persiapan 5 0", "2026-2 dokumen-refleksi-tindak-lanjut 4 0",
            "2026-2 dokumen-tindak-lanjut 4 0", "2026-2 pendampingan 2 0", "2026-2 pengembangan-kompetensi 1 0", "2026-2 perilaku-kerja 1 1",
            "2026-2 praktik-kinerja 3 0", "2026-2 refleksi-tindak-lanjut 1 0", "2026-2 tindak-lanjut-observasi 10 0", "2026-2 upaya-tindak-lanjut 1 0",
        ])
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_step WHERE started_on IS NOT NULL OR completed_on IS NOT NULL") == 201)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_step WHERE details & 1") == 19)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_revision") == 3)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_block") == 4)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_block WHERE until IS NULL") == 1)
        #expect(try await Self.count(store, "SELECT sum(jumlah) FROM plan_rhk") == 3)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_perilaku") == 2 + 7)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_sekolah") == 3)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_refleksi") == 3)
        // Reminders, deliveries, silences, acknowledgements.
        let reminders = try await store.fetchTexts("SELECT state || ' ' || late || ' ' || count(*) FROM reminder_log GROUP BY state, late ORDER BY 1")
        #expect(reminders == ["fired 0 4", "fired 1 37", "missed 1 1", "silenced 1 1"])
        let deliveries = try await store.fetchTexts("SELECT state || ' ' || count(*) FROM hook_delivery GROUP BY state ORDER BY 1")
        #expect(deliveries == ["delivered 41", "failed 41", "retrying 41"])
        #expect(try await store.silences(activeOn: nil, includeRemoved: true).map { $0.removedAt == nil } == [true, false])
        #expect(try await store.acknowledgedKeys(planIDs: nil).map(\.description)
            == ["2026-2/197902272005032001/ks@20571397|praktik-kinerja|2026-07-31"])
        // The audit history, row for row.
        let audit = try await store.fetchTexts("""
            SELECT id || '|' || at || '|' || uid || '|' || user || '|' || action || '|' || subject || '|' || coalesce(before, '-') || '|' || coalesce(after, '-')
            FROM audit ORDER BY id
            """)
        #expect(audit == v5Audit)
        try await store.close()
    }

    @Test("derived under the shipped rules, the migrated plans say what the v5 daemon said on 2026-12-04")
    func sameStatusAfterDerivation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: try Self.copy(in: directory))
        let book = try RulesLoader.load(directory: Self.rulesDirectory)
        for cycle in try await store.cycles() {
            let schedule = TimelineSchedule(cycle: cycle, rules: try #require(book.rules(for: cycle)))
            _ = try await store.rederivePlans(cycle: cycle, rules: "shipped", derive: { schedule.derivation(of: $0, closure: $1) })
        }
        let day = LocalDate("2026-12-04")!
        // `kinerjactl status` of the v5 daemon: 35 plans, 3 complete, 24 overdue, 1 blocked. The
        // 3 whose Pelaksanaan was done now stand at Penilaian (migration 9), due 31 December.
        let counts = try await store.statusFigures(cycle: CycleID(containing: day), on: day).counts
        #expect([counts.plans, counts.complete, counts.overdue, counts.blocked] as [Int] == [35, 0, 24, 1])
        #expect(try await store.listing(ListingQuery(cycle: CycleID(containing: day), currentStep: .penilaian)).count == 3)
        #expect(try await store.listing(ListingQuery(cycle: CycleID(containing: day), overdueOn: day)).count == 24)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan WHERE facts_rules IS NULL") == 0)
        #expect(try await Self.count(store, "SELECT count(*) FROM plan_step WHERE due IS NULL") == 0)
        #expect(try await Self.count(store, "SELECT sum(poin * jumlah) FROM plan_rhk") == 36 + 16)
        try await store.close()
    }
}
