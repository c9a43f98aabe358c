import GRDB

/// Migration 6: a plan's final standing when its cycle closed unfinished (`PlanClosure`):
/// the day the cycle closed and the step the plan had reached, as plain columns of `plan`,
/// NULL for a plan that is open or complete. Closing also clears `current_due`, so a
/// closed plan is no longer "overdue" in any indexed query: it is finished, not late.
enum SchemaV6 {
    static let identifier = "v6-plan-closure"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE plan ADD COLUMN closed_on TEXT;
            ALTER TABLE plan ADD COLUMN closed_step TEXT;
            """)
    }
}
