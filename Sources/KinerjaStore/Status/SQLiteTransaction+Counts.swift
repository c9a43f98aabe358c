import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func counts(cycle: CycleID, overdueOn: LocalDate) throws -> StoreCounts {
        // `active = 1`, an equality: searched on the covering indexes of SchemaV5.
        let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE active = 1") ?? 0
        var positions: [Role: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT role, count(*) AS n FROM position WHERE active = 1 GROUP BY role") {
            if let role = Role(rawValue: row["role"]) { positions[role] = row["n"] }
        }
        let plans = try Row.fetchOne(db, sql: """
            SELECT count(*) AS plans,
                   count(*) FILTER (WHERE current_step IS NULL) AS complete,
                   count(*) FILTER (WHERE current_step IS NOT NULL AND blocked) AS blocked
            FROM plan WHERE cycle = ?
            """, arguments: [cycle.description])
        let overdue = try Int.fetchOne(
            db, sql: SQLiteTransaction.overdueCount, arguments: [cycle.description, overdueOn.description]) ?? 0
        return StoreCounts(
            activePeople: people, activePositions: positions, plans: plans?["plans"] ?? 0,
            complete: plans?["complete"] ?? 0, blocked: plans?["blocked"] ?? 0, overdue: overdue)
    }

    /// Overdue plans of a cycle (arguments: cycle, today), shared with the EXPLAIN check.
    /// `blocked = 0` rather than `NOT blocked`: an equality, so the search runs on the
    /// covering index `plan_by_cycle_blocked_due` (SchemaV5) without reading plan rows.
    static let overdueCount = """
        SELECT count(*) FROM plan
        WHERE cycle = ? AND blocked = 0 AND current_due < ? AND current_step IS NOT NULL
        """
}
