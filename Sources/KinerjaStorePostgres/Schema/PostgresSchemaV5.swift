/// Migration 5 on PostgreSQL (see `SchemaV5`): the indexes `status` is answered from.
enum PostgresSchemaV5 {
    static let identifier = "v5-status-indexes"

    static let sql = """
        CREATE INDEX plan_by_cycle_blocked_due ON plan(cycle, blocked, current_due, current_step);
        CREATE INDEX position_by_active_role ON position(active, role);
        CREATE INDEX person_by_active ON person(active);
        """
}
