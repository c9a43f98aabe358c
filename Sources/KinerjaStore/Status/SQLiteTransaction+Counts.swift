import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func counts(cycle: CycleID, on today: LocalDate) throws -> StoreCounts {
        // `active = 1`, an equality: searched on the covering indexes of SchemaV5.
        let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE active = 1") ?? 0
        var positions: [Role: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT role, count(*) AS n FROM position WHERE active = 1 GROUP BY role") {
            if let role = Role(rawValue: row["role"]) { positions[role] = row["n"] }
        }
        let plans = try Row.fetchOne(db, sql: SQLiteTransaction.planCounts, arguments: [today.description, cycle.description])
        return StoreCounts(
            activePeople: people, activePositions: positions, plans: plans?[0] ?? 0,
            complete: plans?[1] ?? 0, blocked: plans?[2] ?? 0, overdue: plans?[3] ?? 0)
    }

    /// A cycle's plans: all, complete, blocked, overdue (arguments: today, cycle), on the
    /// covering index `plan_by_cycle_school`; shared with the EXPLAIN check.
    static let planCounts = """
        SELECT count(*), count(*) FILTER (WHERE \(PlanFactsSQL.complete)), count(*) FILTER (WHERE \(PlanFactsSQL.blocked)),
               count(*) FILTER (WHERE \(PlanFactsSQL.overdue))
        FROM plan WHERE plan.cycle = ?
        """
}
