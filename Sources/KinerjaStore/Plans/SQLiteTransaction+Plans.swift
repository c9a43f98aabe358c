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
        return try PlanRow.fetchAll(db, sql: sql, arguments: arguments).map { try $0.stored() }
    }

    func savePlan(_ plan: Plan, due: LocalDate?, action: String, actor: AuditActor, at: Date) throws {
        let key = plan.id.position
        guard try position(key) != nil else { throw StoreError.noSuchPosition(key) }
        let before = try String.fetchOne(db, sql: "SELECT state FROM plan WHERE plan_id = ?", arguments: [plan.id.description])
        let row = try PlanRow(plan, due: due, at: at)
        if before == nil { try row.insert(db) } else { try row.update(db) }
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
            try PlanRow(plan, due: due(plan), at: at).insert(db)
        }
        if !missing.isEmpty {
            let summary = try JSONText.encode(["cycle": cycle.description, "created": "\(missing.count)"])
            try appendAudit(action: "plans created", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return missing.count
    }

    func updateDues(cycle: CycleID, due: (Plan) -> LocalDate?) throws -> Int {
        let rows = try PlanRow.fetchAll(db, sql: "SELECT * FROM plan WHERE cycle = ?", arguments: [cycle.description])
        let update = try db.cachedStatement(sql: "UPDATE plan SET current_due = ? WHERE plan_id = ?")
        var changed = 0
        for row in rows {
            let newDue = due(try row.stored().plan)?.description
            guard newDue != row.currentDue else { continue }
            try update.execute(arguments: [newDue, row.planID])
            changed += 1
        }
        return changed
    }
}

extension PlanQuery {
    /// The SELECT for this query, and its arguments. Shared by `plans(matching:)` and the
    /// EXPLAIN check, so that what is checked is what runs.
    func sql() -> (String, StatementArguments) {
        var conditions = ["cycle = ?"]
        var arguments: StatementArguments = [cycle.description]
        if let role {
            conditions.append("role = ?")
            arguments += [role.rawValue]
        }
        if let npsn {
            conditions.append("npsn = ?")
            arguments += [npsn.rawValue]
        }
        if let personID {
            conditions.append("person_id = ?")
            arguments += [personID.rawValue]
        }
        if let currentStep {
            conditions.append("current_step = ?")
            arguments += [currentStep.rawValue]
        }
        if let overdueOn {
            conditions.append("current_due < ? AND current_step IS NOT NULL AND NOT blocked")
            arguments += [overdueOn.description]
        }
        if let blocked {
            conditions.append("blocked = ?")
            arguments += [blocked]
        }
        var sql = "SELECT * FROM plan WHERE \(conditions.joined(separator: " AND ")) ORDER BY plan_id"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return (sql, arguments)
    }
}
