import Foundation
import KinerjaCore
import KinerjaStore

/// What issue 15 keeps in the store: contacts and a school's kecamatan and jenjang, the
/// active people a roster leaves out (counted, kept), officials, a newcomer's opening day,
/// the advice fact and what the plans chose.
enum OfficeViewChecks {
    static let all: [StoreCheck] = [
        StoreCheck("contacts and a school's kecamatan and jenjang are kept; a roster that leaves people out counts them and keeps them") { store in
            var roster = District.roster
            roster[0].person.email = "budi@sdn1.sch.id"
            roster[0].person.telepon = "081234567890"
            roster[0].position.kecamatan = "Sukamaju"
            roster[0].position.jenjang = "SD"
            _ = try await store.applyRoster(
                roster, markMissingInactive: true, plans: [District.creation], dryRun: false, record: District.importRecord("roster", rows: 4),
                actor: District.admin, at: District.now)
            let budi = try await store.person(District.budi)
            try expectEqual(budi?.email, "budi@sdn1.sch.id", "e-mail")
            try expectEqual(budi?.telepon, "081234567890", "telepon")
            let school = try await store.position(roster[0].position.key)
            try expectEqual(school?.kecamatan, "Sukamaju", "kecamatan")
            try expectEqual(school?.jenjang, "SD", "jenjang")
            let listed = try await store.listing(ListingQuery(cycle: District.cycle, personID: District.budi))
            try expectEqual(listed.first?.person.email, "budi@sdn1.sch.id", "the listing's person")
            try expectEqual(listed.first { $0.position.key == roster[0].position.key }?.position.kecamatan, "Sukamaju", "the listing's position")
            try expectEqual(try await store.schoolNames([District.school1, District.school2, NPSN(trusted: "20109999")]),
                            [District.school1: "SD Negeri 1 Sukamaju", District.school2: "SD Negeri 2 Sukamaju"], "school names")
            // One kecamatan's file: Siti only. Budi and Agus stay active, counted as missing.
            let partial = try await store.applyRoster(
                [roster[2]], markMissingInactive: false, plans: [], dryRun: false, record: District.importRecord("roster", rows: 1),
                actor: District.admin, at: District.now)
            try expectEqual(partial.missing, 2, "active people the file leaves out")
            try expectEqual(partial.deactivated, 0, "none deactivated")
            try expectEqual(try await store.person(District.budi)?.active, true, "Budi stays active")
            let whole = try await store.applyRoster(
                [roster[2]], markMissingInactive: true, plans: [], dryRun: true, record: District.importRecord("roster", rows: 1),
                actor: District.admin, at: District.now)
            try expectEqual(whole.missing, 2, "the same people, deactivated with markMissingInactive")
            try expectEqual(whole.persons.deactivated, 2, "persons deactivated")
        },
        StoreCheck("officials are added, updated and kept when a file leaves them out, each change audited; found by id") { store in
            let kadis = Official(id: District.kadis, nama: "Drs. Kepala Dinas", jabatan: "Kepala Dinas Pendidikan", email: "kadis@x.go.id")
            let sekdis = Official(id: PersonID(trusted: "197001011995031001"), nama: "Sekretaris", jabatan: "Sekretaris Dinas")
            let first = try await store.applyOfficials(
                [kadis, sekdis], dryRun: false, record: District.importRecord("officials", rows: 2), actor: District.admin, at: District.now)
            try expectEqual(first, OfficialsSummary(added: 2), "added")
            var renamed = kadis
            renamed.telepon = "081100000000"
            let second = try await store.applyOfficials(
                [renamed], dryRun: false, record: District.importRecord("officials", rows: 1), actor: District.admin, at: District.now)
            try expectEqual(second, OfficialsSummary(updated: 1, missing: 1), "updated, one left out")
            try expectEqual(try await store.officials(), [renamed, sekdis].sorted { $0.id < $1.id }, "every official, by id")
            try expectEqual(try await store.officials([District.kadis, District.budi]), [District.kadis: renamed], "by id")
            let dry = try await store.applyOfficials(
                [kadis], dryRun: true, record: District.importRecord("officials", rows: 1), actor: District.admin, at: District.now)
            try expectEqual(dry, OfficialsSummary(updated: 1, missing: 1), "a dry run's summary")
            try expectEqual(try await store.officials([District.kadis])[District.kadis]?.telepon, "081100000000", "a dry run writes nothing")
            let history = try await store.history(subject: District.kadis.rawValue, limit: nil)
            try expectEqual(history.map(\.action), ["official added", "official updated"], "audit")
        },
        StoreCheck("a position added after its cycle's plans were made gets a newcomer's plan, opened that day") { store in
            try await District.seed(store)
            let opening = LocalDate("2025-04-07")!
            var roster = District.roster
            let newcomer = PersonID(trusted: "199001012015041002")
            roster.append(District.principal(newcomer, nama: "Rina Marlina", school: NPSN(trusted: "20100004")))
            _ = try await store.applyRoster(
                roster, markMissingInactive: true, plans: [District.creation(on: opening)], dryRun: false,
                record: District.importRecord("roster", rows: 5), actor: District.admin, at: District.now)
            let fresh = try await store.plan(District.planID(newcomer, NPSN(trusted: "20100004")))
            try expectEqual(fresh?.plan.openedOn, opening, "the newcomer's opening")
            try expectEqual(try await store.plan(District.planID(District.siti, District.school2))?.plan.openedOn, nil, "the cycle's own plans")
            let facts = try await store.listing(ListingQuery(cycle: District.cycle, personID: newcomer)).first?.plan
            try expectEqual(facts?.openedOn, opening, "the opening among the facts")
            try expectEqual(facts?.planningDue, opening.adding(days: District.rules.relief.newcomerPlanningDays), "planned from the opening")
        },
        StoreCheck("what the plans chose is counted per role, step and choice, most chosen first; advised plans counted") { store in
            try await District.seed(store)
            for (person, school, choice) in [(District.budi, District.school1, "d3-a"), (District.siti, District.school2, "d3-a"), (District.budi, District.school3, "d3-b")] {
                let id = District.planID(person, school)
                let old = try await store.plan(id)
                let plan = try District.apply(.complete(.praktikKinerja, StepDetails(praktikKinerja: choice)), to: old!.plan, on: "2025-01-10")
                try await store.savePlans([District.save(plan, over: old)], record: nil, actor: District.admin, at: District.now)
            }
            let counts = try await store.choiceCounts(cycle: District.cycle)
            try expectEqual(counts.tallies.map { "\($0.step.rawValue) \($0.choice.rawValue) \($0.id) \($0.plans)" },
                            ["praktik-kinerja praktik-kinerja d3-a 2", "praktik-kinerja praktik-kinerja d3-b 1"], "tallies")
            try expectEqual(counts.advised, 0, "no advice under the district's rules")
        },
    ]
}
