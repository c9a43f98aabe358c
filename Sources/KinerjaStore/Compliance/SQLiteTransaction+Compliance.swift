import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Four grouped queries over the plan rows and their step rows: steps done (on time when
    /// completed by their derived deadline), plans at each step (blocked, overdue, pending),
    /// and the plans of each role and school. The rules are `PlanFactsSQL`'s.
    func compliance(cycle: CycleID, on today: LocalDate) throws -> ComplianceCounts {
        let c = cycle.description, d = today.description
        var steps: [Role: [Step: ComplianceCounts.StepCounts]] = [:]
        for role in Role.allCases {
            steps[role] = Dictionary(uniqueKeysWithValues: Workflow.steps(for: role).map { ($0, ComplianceCounts.StepCounts(role: role, step: $0)) })
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT plan.role, plan_step.step, count(*), count(*) FILTER (WHERE plan_step.completed_on <= plan_step.due)
            FROM plan JOIN plan_step ON plan_step.plan_id = plan.id
            WHERE plan.cycle = ? AND plan_step.completed_on IS NOT NULL
            GROUP BY plan.role, plan_step.step
            """, arguments: [c]) {
            guard let role = Role(rawValue: row[0]), let step = Step(rawValue: row[1]), steps[role]?[step] != nil else { continue }
            let done: Int = row[2], onTime: Int = row[3]
            steps[role]![step]!.done = done
            steps[role]![step]!.onTime = onTime
            steps[role]![step]!.late = done - onTime
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT plan.role, plan.current_step, count(*) FILTER (WHERE \(PlanFactsSQL.blocked)),
                   count(*) FILTER (WHERE \(PlanFactsSQL.overdue)), count(*) FILTER (WHERE \(PlanFactsSQL.closed)), count(*)
            FROM plan WHERE plan.cycle = ? AND NOT (\(PlanFactsSQL.complete))
            GROUP BY plan.role, plan.current_step
            """, arguments: [d, c]) {
            guard let role = Role(rawValue: row[0]), let step = Step(rawValue: row[1]), steps[role]?[step] != nil else { continue }
            let blocked: Int = row[2], overdue: Int = row[3], unfinished: Int = row[4], all: Int = row[5]
            steps[role]![step]!.blocked = blocked
            steps[role]![step]!.overdue = overdue
            steps[role]![step]!.unfinished = unfinished
            steps[role]![step]!.pending = all - blocked - overdue - unfinished
        }
        let groupColumns = """
            count(*), count(*) FILTER (WHERE \(PlanFactsSQL.complete)), count(*) FILTER (WHERE \(PlanFactsSQL.overdue)),
            count(*) FILTER (WHERE \(PlanFactsSQL.blocked)), count(*) FILTER (WHERE \(PlanFactsSQL.unsubmitted)),
            count(*) FILTER (WHERE \(PlanFactsSQL.closed))
            """
        func group(_ row: Row, from i: Int) -> ComplianceCounts.GroupCounts {
            var g = ComplianceCounts.GroupCounts()
            g.plans = row[i]
            g.complete = row[i + 1]
            g.overdue = row[i + 2]
            g.blocked = row[i + 3]
            g.notSubmitted = row[i + 4]
            g.unfinished = row[i + 5]
            return g
        }
        var roles: [Role: ComplianceCounts.GroupCounts] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT plan.role, \(groupColumns) FROM plan WHERE plan.cycle = ? GROUP BY plan.role", arguments: [d, d, c]) {
            if let role = Role(rawValue: row[0]) { roles[role] = group(row, from: 1) }
        }
        var schools: [ComplianceCounts.SchoolCounts] = []
        let sql = """
            SELECT plan.npsn, (SELECT nama_sekolah FROM position p WHERE p.role = plan.role AND p.npsn = plan.npsn
                               AND p.nama_sekolah IS NOT NULL ORDER BY p.person_id LIMIT 1), \(groupColumns)
            FROM plan WHERE plan.cycle = ? AND plan.role = ? GROUP BY plan.npsn ORDER BY plan.npsn
            """
        try Row.fetchCursor(db, sql: sql, arguments: [d, d, c, Role.kepalaSekolah.rawValue]).forEach { row in
            schools.append(ComplianceCounts.SchoolCounts(npsn: row[0], name: row[1], counts: group(row, from: 2)))
        }
        let ordered = Role.allCases.flatMap { role in Workflow.steps(for: role).map { steps[role]![$0]! } }
        return ComplianceCounts(steps: ordered, roles: roles, schools: schools)
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
