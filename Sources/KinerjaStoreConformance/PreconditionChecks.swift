import Foundation
import KinerjaCore
import KinerjaStore

/// Stages 1–2 recorded per person and cycle: kept as given, counted over the active roster,
/// compared with what is stored (recorded, updated, unchanged), audited under the person,
/// and the person's plans derived again in the same call.
enum PreconditionChecks {
    static let all: [StoreCheck] = [
        StoreCheck("recordPreconditions keeps, counts, compares and audits stages 1–2, deriving the person's plans again") { store in
            try await District.seed(store)
            let data = PreconditionRecord(
                person: District.budi, cycle: District.cycle, precondition: .pemutakhiranData, doneOn: LocalDate("2025-01-03")!)
            let plotting = PreconditionRecord(
                person: District.budi, cycle: District.cycle, precondition: .plottingTimKinerja, doneOn: LocalDate("2025-01-08")!,
                decreeNumber: "800/12/Disdik/2025", decreeDate: LocalDate("2025-01-07")!)
            func record(_ records: [PreconditionRecord]) async throws -> PreconditionSummary {
                try await store.recordPreconditions(
                    records, cycle: District.cycle, rules: District.rulesName, derive: { plan, _ in District.derive(plan) },
                    actor: District.admin, at: District.now)
            }
            let first = try await record([data, plotting])
            try expectEqual([first.recorded, first.updated, first.unchanged], [2, 0, 0], "recorded, updated, unchanged")
            try expectEqual(first.plansRederived, 2, "Budi's two plans derived again")
            try expectEqual(try await store.preconditions(cycle: District.cycle), [data, plotting], "the records as given")
            try expectEqual(try await store.preconditions(cycle: CycleID(year: 2025, half: 2)!), [], "another cycle has none")

            let tally = try await store.preconditionTally(cycle: District.cycle)
            try expectEqual(tally.persons, 3, "active persons")
            try expectEqual(tally.done, [.pemutakhiranData: 1, .plottingTimKinerja: 1], "done")
            try expectEqual(tally.missing(.plottingTimKinerja), 2, "missing")
            try expectEqual(tally.pejabatPenilai, District.kadis, "the Pejabat Penilai the positions name")

            let again = try await record([data, plotting])
            try expectEqual([again.recorded, again.updated, again.unchanged, again.plansRederived], [0, 0, 2, 0], "the same again")
            let later = PreconditionRecord(
                person: District.budi, cycle: District.cycle, precondition: .pemutakhiranData, doneOn: LocalDate("2025-01-04")!)
            let changed = try await record([later])
            try expectEqual([changed.recorded, changed.updated, changed.unchanged], [0, 1, 0], "a changed day")
            try expectEqual(try await store.preconditions(cycle: District.cycle), [later, plotting], "replaced")

            let history = try await store.history(subject: District.budi.rawValue, limit: nil).filter { $0.action.hasPrefix("precondition") }
            try expectEqual(history.count, 3, "one audit row per record that changed")
            try expect(history.last?.before?.contains("2025-01-03") == true && history.last?.after?.contains("2025-01-04") == true,
                       "the change's before and after: \(history.last.map { "\($0.before ?? "-") → \($0.after ?? "-")" } ?? "none")")
        },
    ]
}
