/// Migration 9 on PostgreSQL (see `SchemaV9`): the Penilaian columns of a step row.
enum PostgresSchemaV9 {
    static let identifier = "v9-penilaian-predikat"

    static let sql = """
        ALTER TABLE plan_step ADD COLUMN rating_praktik TEXT;
        ALTER TABLE plan_step ADD COLUMN rating_perilaku TEXT;
        ALTER TABLE plan_step ADD COLUMN predikat TEXT;
        ALTER TABLE plan_step ADD COLUMN alasan TEXT;
        UPDATE plan SET facts_rules = NULL;
        """
}
