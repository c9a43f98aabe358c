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
        let allRoles = Role.allCases
        let workflows = allRoles.map { Workflow.steps(for: $0) }
        var steps = allRoles.indices.map { r in workflows[r].map { ComplianceCounts.StepCounts(role: allRoles[r], step: $0) } }
        var roles = allRoles.map { _ in ComplianceCounts.GroupCounts() }
        var schools: [ComplianceCounts.SchoolCounts] = []

        // School names, in school order.
        var names: [(npsn: String, name: String)] = []
        try RowStatement(db, """
            SELECT npsn, nama_sekolah FROM position WHERE role = ? AND nama_sekolah IS NOT NULL ORDER BY npsn, person_id
            """).forEach({ $0.add(Role.kepalaSekolah.rawValue) }) { row in
            guard let npsn = row.text(0), names.last?.npsn != npsn else { return }
            names.append((npsn, row.text(1) ?? ""))
        }
        var nameIndex = 0
        func name(of npsn: String) -> String? {
            while nameIndex < names.count, names[nameIndex].npsn < npsn { nameIndex += 1 }
            return nameIndex < names.count && names[nameIndex].npsn == npsn ? names[nameIndex].name : nil
        }

        var minID = Int64.max, maxID = Int64.min
        try RowStatement(db, """
            SELECT plan.npsn, plan.role, plan.current_step, \(PlanFactsSQL.overdue), \(PlanFactsSQL.blocked),
                   \(PlanFactsSQL.unsubmitted), \(PlanFactsSQL.closed), \(PlanFactsSQL.complete), plan.id
            FROM plan WHERE plan.cycle = ? ORDER BY plan.npsn
            """).forEach({ $0.add(d, d, c) }) { row in
            guard let role = row.value(1, as: Role.self), let r = allRoles.firstIndex(of: role) else { return }
            let overdue = row.bool(3), blocked = row.bool(4), unsubmitted = row.bool(5), closed = row.bool(6)
            let complete = row.bool(7), id = row.int64(8)
            minID = min(minID, id)
            maxID = max(maxID, id)
            let step = row.value(2, as: Step.self)
            func count(_ g: inout ComplianceCounts.GroupCounts) {
                g.plans += 1
                if complete { g.complete += 1 }
                if overdue { g.overdue += 1 }
                if blocked { g.blocked += 1 }
                if unsubmitted { g.notSubmitted += 1 }
                if closed { g.unfinished += 1 }
            }
            count(&roles[r])
            if let step, let s = workflows[r].firstIndex(of: step) {
                if blocked { steps[r][s].blocked += 1 }
                if overdue { steps[r][s].overdue += 1 }
                if closed { steps[r][s].unfinished += 1 }
                if !blocked && !overdue && !closed { steps[r][s].pending += 1 }
            }
            guard role == .kepalaSekolah else { return }
            let npsn = row.withBytes(0) { bytes -> Bool in
                guard let bytes, let last = schools.last else { return false }
                return last.npsn.utf8.elementsEqual(bytes)
            } ? schools[schools.count - 1].npsn : (row.text(0) ?? "")
            if schools.last?.npsn != npsn { schools.append(ComplianceCounts.SchoolCounts(npsn: npsn, name: name(of: npsn), counts: .init())) }
            count(&schools[schools.count - 1].counts)
        }

        if minID <= maxID {
            try RowStatement(db, """
                SELECT plan.role, plan_step.step_index, plan_step.completed_on <= plan_step.due
                FROM plan_step CROSS JOIN plan ON plan.id = plan_step.plan_id
                WHERE plan_step.plan_id BETWEEN ? AND ? AND plan.cycle = ? AND plan_step.completed_on IS NOT NULL
                """).forEach({ $0.add(minID, maxID, c) }) { row in
                guard let role = row.value(0, as: Role.self), let r = allRoles.firstIndex(of: role) else { return }
                let index = row.int(1)
                guard index >= 0, index < steps[r].count else { return }
                steps[r][index].done += 1
                if row.int(2) == 1 { steps[r][index].onTime += 1 } else { steps[r][index].late += 1 }
            }
        }
        var byRole: [Role: ComplianceCounts.GroupCounts] = [:]
        for (r, role) in allRoles.enumerated() where roles[r].plans > 0 { byRole[role] = roles[r] }
        return ComplianceCounts(steps: steps.flatMap { $0 }, roles: byRole, schools: schools)
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
