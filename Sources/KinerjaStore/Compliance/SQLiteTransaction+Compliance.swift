import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Two passes, each in the order of an index, so that SQLite sorts nothing: the cycle's
    /// plans in school order (`plan_by_cycle`), each with the rules' verdicts evaluated by
    /// SQLite (`PlanFactsSQL`), tallied here per step, role and school (a school's plans
    /// are one run of rows); and the completed step rows of the cycle's plans (their ids are
    /// one range: a cycle's plans are made together), with the completion measured against
    /// the step's derived deadline. A school's name is its principals' (the first by id),
    /// read in the same school order and merged.
    func compliance(cycle: CycleID, on today: LocalDate) throws -> ComplianceCounts {
        let c = cycle.description, d = today.description
        var tally = ComplianceTally()
        try RowStatement(db, """
            SELECT npsn, nama_sekolah FROM position WHERE role = ? AND nama_sekolah IS NOT NULL ORDER BY npsn, person_id
            """).forEach({ $0.add(Role.kepalaSekolah.rawValue) }) { row in
            guard let npsn = row.text(0) else { return }
            tally.name(npsn, row.text(1) ?? "")
        }
        var minID = Int64.max, maxID = Int64.min
        try RowStatement(db, """
            SELECT plan.npsn, plan.role, plan.current_step, \(PlanFactsSQL.overdue), \(PlanFactsSQL.blocked),
                   \(PlanFactsSQL.unsubmitted), \(PlanFactsSQL.closed), \(PlanFactsSQL.complete), plan.id
            FROM plan WHERE plan.cycle = ? ORDER BY plan.npsn
            """).forEach({ $0.add(d, d, c) }) { row in
            guard let role = row.value(1, as: Role.self) else { return }
            let id = row.int64(8)
            minID = min(minID, id)
            maxID = max(maxID, id)
            // A school's plans are one run of rows: its number is made into a string once.
            let last = tally.lastSchool
            let npsn = row.withBytes(0) { bytes in bytes.map { b in last.map { $0.utf8.elementsEqual(b) } ?? false } ?? false }
                ? last ?? "" : (row.text(0) ?? "")
            tally.plan(
                npsn: npsn, role: role, step: row.value(2, as: Step.self), overdue: row.bool(3), blocked: row.bool(4), unsubmitted: row.bool(5),
                closed: row.bool(6), complete: row.bool(7))
        }
        if minID <= maxID {
            try RowStatement(db, """
                SELECT plan.role, plan_step.step_index, plan_step.completed_on <= plan_step.due
                FROM plan_step CROSS JOIN plan ON plan.id = plan_step.plan_id
                WHERE plan_step.plan_id BETWEEN ? AND ? AND plan.cycle = ? AND plan_step.completed_on IS NOT NULL
                """).forEach({ $0.add(minID, maxID, c) }) { row in
                guard let role = row.value(0, as: Role.self) else { return }
                tally.completion(role: role, index: row.int(1), onTime: row.int(2) == 1)
            }
        }
        return tally.counts
    }

    /// The steps before each plan's current one (the steps it has passed), grouped by role,
    /// step and completion day.
    func stepCompletions(cycle: CycleID, npsn: NPSN?) throws -> [StepCompletions] {
        var result: [StepCompletions] = []
        try RowStatement(db, """
            SELECT plan.role, plan_step.step, plan_step.completed_on, count(*)
            FROM plan JOIN plan_step ON plan_step.plan_id = plan.id AND plan_step.step_index < plan.current_index
            WHERE plan.cycle = ? AND (? IS NULL OR plan.npsn = ?)
            GROUP BY plan.role, plan_step.step, plan_step.completed_on
            """).forEach({ $0.add(cycle.description, npsn?.rawValue, npsn?.rawValue) }) { c in
            guard let role = c.text(0).flatMap(Role.init(rawValue:)), let step = c.text(1).flatMap(Step.init(rawValue:)) else { return }
            result.append(StepCompletions(role: role, step: step, completedOn: c.date(2), plans: c.int(3)))
        }
        return result
    }
}
