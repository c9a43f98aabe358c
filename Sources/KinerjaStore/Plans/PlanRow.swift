import Foundation
import GRDB
import KinerjaCore

/// The `plan` table's row: the Core plan as JSON in `state`, and the columns the indexes
/// need, derived from it at every save.
struct PlanRow: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "plan"

    var planID: String
    var cycle: String
    var personID: String
    var role: String
    var npsn: String
    var currentStep: String?
    var currentDue: String?
    var blocked: Bool
    var updatedAt: Date
    var state: String
    var closedOn: String?
    var closedStep: String?

    init(_ plan: Plan, due: LocalDate?, at: Date) {
        let key = plan.id.position
        planID = plan.id.description
        cycle = plan.id.cycle.description
        personID = key.personID.rawValue
        role = key.role.rawValue
        npsn = PositionRow.npsnColumn(key.npsn)
        currentStep = plan.currentStep?.rawValue
        currentDue = due?.description
        blocked = plan.openBlock != nil
        updatedAt = at
        state = PlanJSON.encode(plan)
        closedOn = nil
        closedStep = nil
    }

    /// Reads the columns by name instead of through Codable's row decoder, which cost more
    /// than the (cached) plan itself in listings and reminder passes.
    init(row: Row) throws {
        planID = try row.decode(forColumn: "plan_id")
        cycle = try row.decode(forColumn: "cycle")
        personID = try row.decode(forColumn: "person_id")
        role = try row.decode(forColumn: "role")
        npsn = try row.decode(forColumn: "npsn")
        currentStep = try row.decode(forColumn: "current_step")
        currentDue = try row.decode(forColumn: "current_due")
        blocked = try row.decode(forColumn: "blocked")
        updatedAt = try row.decode(forColumn: "updated_at")
        state = try row.decode(forColumn: "state")
        closedOn = try row.decode(forColumn: "closed_on")
        closedStep = try row.decode(forColumn: "closed_step")
    }

    /// Inserts the row, or replaces the one with its id, through cached statements: GRDB's
    /// record persistence encoded every row through Codable first, a tenth of a progress
    /// import (which saves a plan for each of its rows).
    func write(_ db: Database, replacing: Bool) throws {
        let statement = replacing
            ? try db.cachedStatement(sql: """
                UPDATE plan SET cycle = ?, person_id = ?, role = ?, npsn = ?, current_step = ?, current_due = ?, blocked = ?,
                    updated_at = ?, state = ? WHERE plan_id = ?
                """)
            : try db.cachedStatement(sql: """
                INSERT INTO plan (cycle, person_id, role, npsn, current_step, current_due, blocked, updated_at, state, plan_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [cycle, personID, role, npsn, currentStep, currentDue, blocked, updatedAt, state, planID])
    }

    /// The closure the columns `closed_on` and `closed_step` hold, if any.
    static func closure(on day: String?, step: String?) -> PlanClosure? {
        guard let day = day.flatMap({ LocalDate($0) }), let step = step.flatMap({ Step(rawValue: $0) }) else { return nil }
        return PlanClosure(closedOn: day, step: step)
    }

    func stored() throws -> StoredPlan {
        let plan = try DecodedPlans.plan(id: planID, state: state)
        return StoredPlan(plan: plan, due: currentDue.flatMap { LocalDate($0) }, closure: PlanRow.closure(on: closedOn, step: closedStep))
    }
}
