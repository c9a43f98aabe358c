import GRDB

/// Migration 5: indexes that answer `status` from the indexes alone. Its counts — active
/// people, active positions per role, and a cycle's plans that are complete, blocked or
/// overdue — read `person.active`, `position.active`/`role` and the plan columns `blocked`,
/// `current_step`, `current_due`; without these indexes each `status` call (and the sd_notify
/// summary, and `reminders preview`) read every person, position and plan row, state JSON
/// included: ~2.7 ms a call for a 2,000-position office, hundreds of MiB for a country.
enum SchemaV5 {
    static let identifier = "v5-status-indexes"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX plan_by_cycle_blocked_due ON plan(cycle, blocked, current_due, current_step);
            CREATE INDEX position_by_active_role ON position(active, role);
            CREATE INDEX person_by_active ON person(active);
            """)
    }
}
