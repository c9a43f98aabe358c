import Foundation
import KinerjaCore
import KinerjaStore

/// Applying a roster: what is added, changed, kept and deactivated, and what the audit keeps.
enum RosterChecks {
    static let all: [StoreCheck] = [
        StoreCheck("a roster adds its persons and positions, counts them, and creates the cycle's plans") { store in
            let summary = try await store.applyRoster(
                District.roster, markMissingInactive: true, plans: [District.creation], dryRun: false,
                record: District.importRecord("roster", rows: 4), actor: District.admin, at: District.now)
            try expectEqual(summary, RosterSummary(persons: .init(added: 3), positions: .init(added: 4)), "summary")
            try expectEqual(try await store.person(District.budi)?.nama, "Budi Santoso", "Budi's name")
            try expectEqual(try await store.positions(of: District.budi).map(\.key.npsn), [District.school1, District.school3], "Budi's schools")
            try expectEqual(try await store.positions(of: [District.budi, District.siti, PersonID(trusted: "x")]).mapValues(\.count),
                            [District.budi: 2, District.siti: 1], "positions of many")
            let supervisor = try await store.position(PositionKey(personID: District.agus, role: .pengawasSekolah, npsn: nil))
            try expectEqual(supervisor?.sekolahBinaan, [District.school1, District.school2, District.school3], "sekolah binaan in order")
            try expectEqual(supervisor?.timKinerja, [District.kadis], "Tim Kinerja")
            try expectEqual(Set(try await store.planIDs(of: District.budi)), [District.planID(District.budi, District.school1), District.planID(District.budi, District.school3)], "Budi's plans")
            try expectEqual(try await store.cycles(), [District.cycle], "cycles")
            try expectEqual(try await store.people(matching: "rahayu", activeOnly: true).map(\.id), [District.siti], "people matching")
            try expectEqual(try await store.names(of: [District.budi, District.kadis]), [District.budi: "Budi Santoso"], "names")
            let links = District.roster.compactMap { entry in entry.position.atasanID.map { AtasanLink(person: entry.person.id, atasan: $0) } }
            try expect(!links.isEmpty, "the district has atasan")
            try expectEqual(Set(try await store.atasanLinks()), Set(links), "atasan links")
        },
        StoreCheck("the same roster again changes nothing; a changed row updates; a missing one is deactivated, never deleted") { store in
            try await District.seed(store)
            let again = try await store.applyRoster(
                District.roster, markMissingInactive: true, plans: [], dryRun: false, record: District.importRecord("roster", rows: 4),
                actor: District.admin, at: District.now)
            try expectEqual(again, RosterSummary(persons: .init(unchanged: 3), positions: .init(unchanged: 4)), "unchanged")
            var changed = District.roster
            changed[2].person.nama = "Siti Rahayu, S.Pd."
            changed.remove(at: 1)
            let summary = try await store.applyRoster(
                changed, markMissingInactive: true, plans: [], dryRun: false, record: District.importRecord("roster", rows: 3),
                actor: District.admin, at: District.now)
            try expectEqual(summary.persons, .init(updated: 1, unchanged: 2), "persons")
            try expectEqual(summary.positions, .init(unchanged: 3, deactivated: 1), "positions")
            let plt = try await store.position(PositionKey(personID: District.budi, role: .kepalaSekolah, npsn: District.school3))
            try expectEqual(plt?.active, false, "the Plt. position is kept, inactive")
            let history = try await store.history(subject: District.siti.rawValue, limit: nil)
            try expectEqual(history.map(\.action), ["person added", "position added", "person updated"], "Siti's history")
            try expect(history.last?.before?.contains(#""nama":"Siti Rahayu""#) == true, "the old name: \(history.last?.before ?? "-")")
            try expect(history.last?.after?.contains(#""nama":"Siti Rahayu, S.Pd.""#) == true, "the new name: \(history.last?.after ?? "-")")
            try expect(history.last?.after?.contains("kepegawaian") == false, "only the fields that changed: \(history.last?.after ?? "-")")
        },
        StoreCheck("a dry run reports what it would do and writes nothing") { store in
            let summary = try await store.applyRoster(
                District.roster, markMissingInactive: true, plans: [District.creation], dryRun: true,
                record: District.importRecord("roster", rows: 4), actor: District.admin, at: District.now)
            try expectEqual(summary.added, 7, "would add")
            try expect(try await store.person(District.budi) == nil, "nothing written")
            try expect(try await store.recentAudit(limit: 10).isEmpty, "no audit row")
        },
        StoreCheck("an import is one audit row with its file's SHA-256 and counts, and one per row changed, linked to it") { store in
            try await District.seed(store)
            let rows = try await store.recentAudit(limit: 100)
            let imports = rows.filter { $0.subject == "import/roster" }
            try expectEqual(imports.count, 1, "import rows")
            let after = imports.first?.after ?? ""
            try expect(after.contains(String(repeating: "ab", count: 32)) && after.contains(#""added":7"#) && after.contains(#""rows":4"#),
                       "the import's row: \(after)")
            let importID = imports.first?.id ?? -1
            let perRow = rows.filter { $0.action.hasPrefix("person") || $0.action.hasPrefix("position") }
            try expectEqual(perRow.count, 7, "rows per person and position")
            try expect(perRow.allSatisfy { $0.after?.contains(#""import":"\#(importID)""#) == true }, "each linked to the import")
            try expectEqual(rows.filter { $0.action == "plans created" }.count, 1, "one summary row for the plans created")
        },
    ]
}
