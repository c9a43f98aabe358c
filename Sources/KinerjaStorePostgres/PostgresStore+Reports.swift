import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// What the office's reports count, counted by the database in one snapshot each.
extension PostgresStore {
    public func choiceCounts(cycle: CycleID) async throws -> ChoiceCounts {
        try await snapshot { connection, logger in
            var tallies: [ChoiceCounts.Tally] = []
            for (choice, sql) in ChoiceCountsSQL.queries(cycle: "$1") {
                var binds = PostgresBindings()
                binds.append(cycle.description)
                let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                for try await (roleText, stepText, id, aspect, plans) in rows.decode((String, String, String, String?, Int).self) {
                    guard let role = Role(rawValue: roleText), let step = Step(rawValue: stepText) else { continue }
                    tallies.append(ChoiceCounts.Tally(
                        role: role, step: step, choice: choice, id: id, aspect: aspect.flatMap(RefleksiAspect.init(rawValue:)), plans: plans))
                }
            }
            var advised = 0
            let count = try await connection.query("SELECT count(*) FROM plan WHERE cycle = \(cycle.description) AND advised", logger: logger)
            for try await n in count.decode(Int.self) { advised = n }
            return ChoiceCounts(sorting: tallies, advised: advised)
        }
    }

    /// The rules' verdicts are the database's (`PlanFactsSQL`); the counting is `ComplianceTally`'s.
    public func compliance(cycle: CycleID, on today: LocalDate) async throws -> ComplianceCounts {
        try await snapshot { connection, logger in
            var tally = ComplianceTally()
            let names = try await connection.query("""
                SELECT npsn, nama_sekolah FROM position WHERE role = \(Role.kepalaSekolah.rawValue) AND nama_sekolah IS NOT NULL
                ORDER BY npsn, person_id
                """, logger: logger)
            for try await (npsn, name) in names.decode((String, String).self) { tally.name(npsn, name) }
            let verdict = { (rule: String) in rule.replacingOccurrences(of: "?", with: "$1") }
            var binds = PostgresBindings()
            binds.append(today.description)
            binds.append(cycle.description)
            let plans = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT plan.npsn, plan.role, plan.current_step, \(verdict(PlanFactsSQL.overdue)), \(PlanFactsSQL.blocked),
                       \(verdict(PlanFactsSQL.unsubmitted)), \(PlanFactsSQL.closed), \(PlanFactsSQL.complete)
                FROM plan WHERE plan.cycle = $2 ORDER BY plan.npsn
                """, binds: binds), logger: logger)
            for try await (npsn, roleText, step, overdue, blocked, unsubmitted, closed, complete) in plans.decode(
                (String, String, String?, Bool?, Bool, Bool?, Bool, Bool).self)
            {
                guard let role = Role(rawValue: roleText) else { continue }
                tally.plan(
                    npsn: npsn, role: role, step: step.flatMap(Step.init(rawValue:)), overdue: overdue ?? false, blocked: blocked,
                    unsubmitted: unsubmitted ?? false, closed: closed, complete: complete)
            }
            let steps = try await connection.query("""
                SELECT plan.role, plan_step.step_index, coalesce(plan_step.completed_on <= plan_step.due, false)
                FROM plan_step JOIN plan ON plan.id = plan_step.plan_id
                WHERE plan.cycle = \(cycle.description) AND plan_step.completed_on IS NOT NULL
                """, logger: logger)
            for try await (roleText, index, onTime) in steps.decode((String, Int, Bool).self) {
                guard let role = Role(rawValue: roleText) else { continue }
                tally.completion(role: role, index: index, onTime: onTime)
            }
            return tally.counts
        }
    }

    /// The steps before each plan's current one, by role, step and completion day.
    public func stepCompletions(cycle: CycleID, npsn: NPSN?) async throws -> [StepCompletions] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT plan.role, plan_step.step, plan_step.completed_on, count(*)
                FROM plan JOIN plan_step ON plan_step.plan_id = plan.id AND plan_step.step_index < plan.current_index
                WHERE plan.cycle = \(cycle.description) AND (\(npsn?.rawValue)::text IS NULL OR plan.npsn = \(npsn?.rawValue))
                GROUP BY plan.role, plan_step.step, plan_step.completed_on
                """, logger: logger)
            var result: [StepCompletions] = []
            for try await (roleText, stepText, completedOn, plans) in rows.decode((String, String, String?, Int).self) {
                guard let role = Role(rawValue: roleText), let step = Step(rawValue: stepText) else { continue }
                result.append(StepCompletions(role: role, step: step, completedOn: completedOn.flatMap { LocalDate($0) }, plans: plans))
            }
            return result
        }
    }

    /// The figures of `status`, in one snapshot.
    public func statusFigures(cycle: CycleID, on today: LocalDate) async throws -> StatusFigures {
        try await snapshot { connection, logger in
            var people = 0
            for try await n in try await connection.query("SELECT count(*) FROM person WHERE active", logger: logger).decode(Int.self) { people = n }
            var positions: [Role: Int] = [:]
            let byRole = try await connection.query("SELECT role, count(*) FROM position WHERE active GROUP BY role", logger: logger)
            for try await (role, n) in byRole.decode((String, Int).self) { if let role = Role(rawValue: role) { positions[role] = n } }
            var binds = PostgresBindings()
            binds.append(today.description)
            binds.append(cycle.description)
            let plans = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT count(*), count(*) FILTER (WHERE \(PlanFactsSQL.complete)), count(*) FILTER (WHERE \(PlanFactsSQL.blocked)),
                       count(*) FILTER (WHERE \(PlanFactsSQL.overdue.replacingOccurrences(of: "?", with: "$1")))
                FROM plan WHERE plan.cycle = $2
                """, binds: binds), logger: logger)
            var counts = StoreCounts(activePeople: people, activePositions: positions, plans: 0, complete: 0, blocked: 0, overdue: 0)
            for try await (all, complete, blocked, overdue) in plans.decode((Int, Int, Int, Int).self) {
                counts.plans = all
                counts.complete = complete
                counts.blocked = blocked
                counts.overdue = overdue
            }
            var reminders = Dictionary(uniqueKeysWithValues: ReminderState.allCases.map { ($0, 0) })
            let states = try await connection.query("SELECT state, count(*) FROM reminder_log GROUP BY state", logger: logger)
            for try await (text, n) in states.decode((String, Int).self) {
                guard let state = ReminderState(rawValue: text) else {
                    throw StoreError.damagedRow(table: "reminder_log", key: "state", reason: "unknown state '\(text)'")
                }
                reminders[state] = n
            }
            var failed = 0
            let deliveries = try await connection.query("SELECT count(*) FROM hook_delivery WHERE state = 'failed'", logger: logger)
            for try await n in deliveries.decode(Int.self) { failed = n }
            var bytes: Int64 = 0
            for try await n in try await connection.query("SELECT pg_database_size(current_database())", logger: logger).decode(Int64.self) { bytes = n }
            var figures = StatusFigures(counts: counts, reminders: reminders, failedDeliveries: failed, storeBytes: bytes)
            figures.preconditions = try await PostgresStore.preconditionTally(connection, logger, cycle: cycle)
            return figures
        }
    }
}
