import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// One GROUP BY per kind of choice over the completed steps of the cycle's plans.
    func choiceCounts(cycle: CycleID) throws -> ChoiceCounts {
        var tallies: [ChoiceCounts.Tally] = []
        for (choice, sql) in ChoiceCountsSQL.queries(cycle: "?") {
            for row in try Row.fetchAll(db, sql: sql, arguments: [cycle.description]) {
                guard let role = Role(rawValue: row[0]), let step = Step(rawValue: row[1]) else { continue }
                tallies.append(ChoiceCounts.Tally(
                    role: role, step: step, choice: choice, id: row[2], aspect: (row[3] as String?).flatMap(RefleksiAspect.init(rawValue:)),
                    plans: row[4]))
            }
        }
        let advised = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan WHERE cycle = ? AND advised", arguments: [cycle.description]) ?? 0
        return ChoiceCounts(sorting: tallies, advised: advised)
    }
}

/// The queries of `choiceCounts`, the same on every database: each gives role, step, the
/// choice's id, the Refleksi aspect (or NULL) and the number of plans.
package enum ChoiceCountsSQL {
    /// One query per kind of choice, `cycle` the placeholder of the cycle (`?`, `$1`).
    package static func queries(cycle: String) -> [(Choice, String)] {
        let completed = "WHERE plan.cycle = \(cycle) AND s.completed_on IS NOT NULL"
        /// A choice kept in a column of `plan_step`.
        func single(_ column: String) -> String {
            """
            SELECT plan.role, s.step, s.\(column), NULL, COUNT(*) FROM plan JOIN plan_step s ON s.plan_id = plan.id
            \(completed) AND s.\(column) IS NOT NULL GROUP BY 1, 2, 3
            """
        }
        /// A choice kept as rows of its own table.
        func listed(_ table: String, _ column: String, aspect: String = "NULL") -> String {
            """
            SELECT plan.role, s.step, c.\(column), \(aspect), COUNT(DISTINCT plan.id) FROM plan JOIN plan_step s ON s.plan_id = plan.id
                JOIN \(table) c ON c.plan_id = s.plan_id AND c.step_index = s.step_index
            \(completed) GROUP BY 1, 2, 3, 4
            """
        }
        return [
            (.praktikKinerja, single("praktik_kinerja")), (.kompetensi, single("kompetensi")), (.sekolahFokus, single("sekolah_fokus")),
            (.nilai, single("rating")), (.rhk, listed("plan_rhk", "rhk_id")), (.perilakuKerja, listed("plan_perilaku", "aspect")),
            (.sekolah, listed("plan_sekolah", "npsn")), (.nilaiRefleksi, listed("plan_refleksi", "rating", aspect: "c.aspect")),
        ]
    }
}

extension ChoiceCounts {
    /// The tallies in the workflow's order of roles, steps, choices and aspects; most chosen first.
    package init(sorting tallies: [Tally], advised: Int) {
        func order(_ t: Tally) -> (Int, Int, Int, Int) {
            (Role.allCases.firstIndex(of: t.role) ?? 0, Workflow.steps(for: t.role).firstIndex(of: t.step) ?? 0,
             Choice.allCases.firstIndex(of: t.choice) ?? 0, t.aspect.flatMap { RefleksiAspect.allCases.firstIndex(of: $0) } ?? 0)
        }
        let sorted = tallies.sorted { a, b in
            let (x, y) = (order(a), order(b))
            return x != y ? x < y : (a.plans, b.id) > (b.plans, a.id)
        }
        self.init(tallies: sorted, advised: advised)
    }
}
