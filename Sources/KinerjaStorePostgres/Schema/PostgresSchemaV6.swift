/// Migration 6 on PostgreSQL (see `SchemaV6`): a plan's final standing.
enum PostgresSchemaV6 {
    static let identifier = "v6-plan-closure"

    static let sql = """
        ALTER TABLE plan ADD COLUMN closed_on TEXT;
        ALTER TABLE plan ADD COLUMN closed_step TEXT;
        """
}
