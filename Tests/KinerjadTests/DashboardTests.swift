import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Testing
@testable import kinerjad

/// The dashboard's read methods (Office+Dashboard.swift) on the example district, 26
/// November 2026.
@Suite("Dashboard read methods")
struct DashboardTests {
    @Test("ShowProgress: every plan counted once per role; plans past a step never fall week to week, nor exceed those past the step before")
    func progress() async throws {
        let fixture = try await SchedulerFixture.make()
        let progress = try await fixture.office.progress(.init())
        #expect(progress.cycle == "2026-2" && progress.asOf == "2026-11-26")
        #expect(progress.weeks.first == "2026-07-07" && progress.weeks.count == 22)
        let byRole: [String: RoleProgress] = Dictionary(uniqueKeysWithValues: progress.roles.map { ($0.role, $0) })
        #expect(byRole["kepala_sekolah"]?.counts.plans == 30 && byRole["pengawas_sekolah"]?.counts.plans == 5)
        for role in progress.roles {
            let c = role.counts
            #expect(c.done + c.onTrack + c.late + c.blocked + c.unfinished == c.plans)
            #expect(role.steps.map(\.step) == Workflow.steps(for: Role(rawValue: role.role)!).map(\.rawValue))
            for step in role.steps {
                let past: [Int] = step.past
                #expect(past.count == progress.weeks.count)
                #expect(zip(past, past.dropFirst()).allSatisfy { $0 <= $1 }, "\(step.step) never falls")
            }
            for (earlier, later) in zip(role.steps, role.steps.dropFirst()) {
                let laterPast: Int = later.past.last!, earlierPast: Int = earlier.past.last!
                #expect(laterPast <= earlierPast, "past \(later.step) implies past \(earlier.step)")
            }
        }
        // The example: one supervisor blocked (rhk-atasan), two principals through Pelaksanaan,
        // at Penilaian (due on the cycle's last day: on track), none complete.
        #expect(byRole["pengawas_sekolah"]?.counts.blocked == 1)
        #expect(byRole["kepala_sekolah"]?.counts.done == 0)
        #expect(byRole["kepala_sekolah"]?.steps.first { $0.step == "dokumen-refleksi-tindak-lanjut" }?.past.last == 2)
        #expect(progress.schools == 30 && progress.behind.count == 20)
        let ratios = progress.behind.map { Double($0.stepsDone) / Double($0.steps) }
        #expect(zip(ratios, ratios.dropFirst()).allSatisfy { $0 <= $1 }, "least progress first")
    }

    @Test("ListSchools: every school the roster names, with its principals (a Plt. too) and its supervisor; one by npsn")
    func schools() async throws {
        let fixture = try await SchedulerFixture.make()
        let schools = try await fixture.office.schools(.init())
        #expect(schools.count == 30)
        #expect(schools.allSatisfy { $0.supervisors.count == 1 }, "sekolah binaan cover every school once")
        let plt = try #require(try await fixture.office.schools(.init(npsn: "20571113")).first)
        #expect(plt.principals.map(\.jabatan) == ["plt"] && plt.counts.plans == 1)
        #expect(plt.name == "SD Negeri 2 Cibeureum")
        await #expect(throws: OfficeError.self) { try await fixture.office.schools(.init(npsn: "12345678")) }
    }

    @Test("GetDataVersion moves with a change and a new day, not with a read")
    func dataVersion() async throws {
        let fixture = try await SchedulerFixture.make()
        let first = fixture.office.dataVersion()
        _ = try await fixture.office.progress(.init())
        _ = try await fixture.office.listPeople(.init())
        #expect(fixture.office.dataVersion() == first)
        _ = try await fixture.office.transition(
            .init(person: "197610132002031006", action: "terblokir", cause: "lainnya"), actor: .init(uid: 0, user: "test"))
        let changed = fixture.office.dataVersion()
        #expect(changed.version != first.version)
        fixture.clock.set(SchedulerFixture.instant("2026-11-27T00:00:01+07:00"))
        let tomorrow = fixture.office.dataVersion()
        #expect(tomorrow.version != changed.version && tomorrow.today == "2026-11-27")
    }

    @Test("a kept people listing is not answered again after a change: the blocked list gains the plan just blocked")
    func keptListingAfterAChange() async throws {
        let fixture = try await SchedulerFixture.make()
        let person = "197610132002031006"
        let before = try await fixture.office.listPeople(.init(blocked: true))
        #expect(try await fixture.office.listPeople(.init(blocked: true)) == before, "asked again: the same answer")
        #expect(!before.contains { $0.id == person })
        _ = try await fixture.office.transition(
            .init(person: person, action: "terblokir", cause: "lainnya"), actor: .init(uid: 0, user: "test"))
        let after = try await fixture.office.listPeople(.init(blocked: true))
        #expect(after.contains { $0.id == person && $0.plan?.blockCause == "lainnya" })
        #expect(after.count == before.count + 1)
    }

    @Test("a kept blocked list names whom the plan awaits once the officials file is imported")
    func keptListingAfterOfficials() async throws {
        let fixture = try await SchedulerFixture.make()
        let supervisor = "196811021993032004"  // blocked since 2 July, awaiting the Kepala Dinas's RHK
        let before = try await fixture.office.listPeople(.init(blocked: true))
        let awaited = try #require(before.first { $0.id == supervisor }?.plan?.awaiting)
        #expect(awaited.id == "196808141994031005" && awaited.nama == nil, "no officials yet: \(awaited)")
        let officials = try String(contentsOfFile: "\(SchedulerFixture.root)/config/examples/pejabat.csv", encoding: .utf8)
        let imported = try await fixture.office.importOfficials(ImportFile(text: officials), dryRun: false, skipInvalid: false, actor: .init(uid: 0, user: "test"))
        #expect(imported.applied)
        let after = try await fixture.office.listPeople(.init(blocked: true))
        #expect(after.first { $0.id == supervisor }?.plan?.awaiting?.nama == "Drs. H. Ahmad Syarifuddin, M.Si.")
    }
}
