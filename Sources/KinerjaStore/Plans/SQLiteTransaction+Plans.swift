import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func plan(_ id: PlanID) throws -> Plan? {
        try storedPlan(id)?.plan
    }

    func storedPlan(_ id: PlanID) throws -> StoredPlan? {
        try PlanRow.fetchOne(db, key: id.description)?.stored()
    }

    func plans(matching query: PlanQuery) throws -> [StoredPlan] {
        let (sql, arguments) = query.sql()
        var plans: [StoredPlan] = []
        try Row.fetchCursor(db, sql: sql, arguments: arguments).forEach { row in
            let id: String = row[0]
            let due: String? = row[1]
            let plan = try row.withUnsafeData(atIndex: 2) { try DecodedPlans.plan(id: id, stateBytes: $0 ?? Data()) }
            plans.append(StoredPlan(plan: plan, due: due.flatMap { LocalDate($0) }, closure: PlanRow.closure(on: row[3], step: row[4])))
        }
        return plans
    }

    func savePlan(_ plan: Plan, due: LocalDate?, action: String, actor: AuditActor, at: Date) throws {
        let key = plan.id.position
        // Cached statements, no decoding: an import saves a plan for every row of its file.
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM position WHERE person_id = ? AND role = ? AND npsn = ?")
        guard try Bool.fetchOne(exists, arguments: [key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)]) != nil
        else { throw StoreError.noSuchPosition(key) }
        let before = try String.fetchOne(
            db.cachedStatement(sql: "SELECT state FROM plan WHERE plan_id = ?"), arguments: [plan.id.description])
        let row = PlanRow(plan, due: due, at: at)
        try row.write(db, replacing: before != nil)
        effects?.planSaved(StoredPlan(plan: plan, due: due))
        try appendAudit(action: action, subject: row.planID, before: before, after: row.state, actor: actor, at: at)
    }

    func ensurePlans(cycle: CycleID, due: (Plan) -> LocalDate?, actor: AuditActor, at: Date) throws -> Int {
        let missing = try PositionRow.fetchAll(db, sql: """
            SELECT position.* FROM position
            WHERE position.active AND NOT EXISTS (
                SELECT 1 FROM plan WHERE plan.person_id = position.person_id AND plan.cycle = ?
                    AND plan.role = position.role AND plan.npsn = position.npsn)
            ORDER BY position.person_id, position.role, position.npsn
            """, arguments: [cycle.description])
        for row in missing {
            let plan = Plan(id: PlanID(cycle: cycle, position: try row.position().key))
            try PlanRow(plan, due: due(plan), at: at).write(db, replacing: false)
        }
        if !missing.isEmpty {
            effects?.plansChanged()
            let summary = try JSONText.encode(["cycle": cycle.description, "created": "\(missing.count)"])
            try appendAudit(action: "plans created", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return missing.count
    }

    /// Writes the final standing of every unfinished plan of `cycle` not closed yet: the
    /// step it is at, the closing day, and no current deadline; one summary audit row.
    func closePlans(cycle: CycleID, on day: LocalDate, actor: AuditActor, at: Date) throws -> Int {
        try db.execute(sql: """
            UPDATE plan SET closed_on = ?, closed_step = current_step, current_due = NULL, updated_at = ?
            WHERE cycle = ? AND current_step IS NOT NULL AND closed_on IS NULL
            """, arguments: [day.description, at, cycle.description])
        let closed = db.changesCount
        if closed > 0 {
            effects?.plansChanged()
            let summary = try JSONText.encode(["cycle": cycle.description, "closedOn": day.description, "closed": "\(closed)"])
            try appendAudit(action: "plans closed", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return closed
    }

    func updateDues(cycle: CycleID, due: (Plan) -> LocalDate?) throws -> Int {
        let rows = try PlanRow.fetchAll(db, sql: "SELECT * FROM plan WHERE cycle = ? AND closed_on IS NULL", arguments: [cycle.description])
        let update = try db.cachedStatement(sql: "UPDATE plan SET current_due = ? WHERE plan_id = ?")
        var changed = 0
        for row in rows {
            let newDue = due(try row.stored().plan)?.description
            guard newDue != row.currentDue else { continue }
            try update.execute(arguments: [newDue, row.planID])
            changed += 1
        }
        if changed > 0 { effects?.plansChanged() }
        return changed
    }
}

extension PlanQuery {
    /// The SELECT for this query, and its arguments. Shared by `plans(matching:)` and the
    /// EXPLAIN check, so that what is checked is what runs.
    func sql() -> (String, StatementArguments) {
        let (conditions, conditionArguments) = sqlConditions()
        var arguments = conditionArguments
        var sql = "SELECT plan_id, current_due, state, closed_on, closed_step FROM plan WHERE \(conditions) ORDER BY plan_id"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return (sql, arguments)
    }

    /// The WHERE conditions over the `plan` table (columns qualified, so that a position
    /// query can use them in a subquery), and their arguments.
    func sqlConditions() -> (String, StatementArguments) {
        var conditions = ["plan.cycle = ?"]
        var arguments: StatementArguments = [cycle.description]
        if let role {
            conditions.append("plan.role = ?")
            arguments += [role.rawValue]
        }
        if let npsn {
            conditions.append("plan.npsn = ?")
            arguments += [npsn.rawValue]
        }
        if let personID {
            conditions.append("plan.person_id = ?")
            arguments += [personID.rawValue]
        }
        if let currentStep {
            conditions.append("plan.current_step = ?")
            arguments += [currentStep.rawValue]
        }
        if let overdueOn {
            conditions.append("plan.current_due < ? AND plan.current_step IS NOT NULL AND NOT plan.blocked")
            arguments += [overdueOn.description]
        }
        if let blocked {
            conditions.append("plan.blocked = ?")
            arguments += [blocked]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
