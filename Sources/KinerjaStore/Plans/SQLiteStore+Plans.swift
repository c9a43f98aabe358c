import GRDB
import Foundation
import KinerjaCore

/// Plan calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func plan(_ id: PlanID) throws -> Plan? {
        try reading { try $0.plan(id) }
    }

    public func storedPlan(_ id: PlanID) throws -> StoredPlan? {
        try reading { try $0.storedPlan(id) }
    }

    /// Kept until plans change; a plan saved by itself (a transition) is patched into the
    /// kept answers instead (see `KeptAnswers`).
    public func plans(matching query: PlanQuery) throws -> [StoredPlan] {
        try reading(query, keptIn: keptPlans, generation: planGeneration) { try $0.plans(matching: query) }
    }

    public func savePlan(_ plan: Plan, due: LocalDate?, action: String, actor: AuditActor, at: Date) throws {
        try writing { try $0.savePlan(plan, due: due, action: action, actor: actor, at: at) }
    }

    public func ensurePlans(cycle: CycleID, due: (Plan) -> LocalDate?, actor: AuditActor, at: Date) throws -> Int {
        try writing { try $0.ensurePlans(cycle: cycle, due: due, actor: actor, at: at) }
    }

    public func closePlans(cycle: CycleID, on day: LocalDate, actor: AuditActor, at: Date) throws -> Int {
        try writing { try $0.closePlans(cycle: cycle, on: day, actor: actor, at: at) }
    }

    public func updateDues(cycle: CycleID, due: (Plan) -> LocalDate?) throws -> Int {
        try writing { try $0.updateDues(cycle: cycle, due: due) }
    }
}

extension SQLiteStore {
    /// Every plan id of a person, in every cycle (indexed by person), for a person's history.
    public func planIDs(of personID: PersonID) throws -> [String] {
        try reading { tx in
            try String.fetchAll(tx.db, sql: "SELECT plan_id FROM plan WHERE person_id = ? ORDER BY plan_id", arguments: [personID.rawValue])
        }
    }
}
