/// Migration 11 on PostgreSQL (see `SchemaV11`): the `uncertain` state, heartbeats, claims of
/// hook deliveries.
enum PostgresSchemaV11 {
    static let identifier = "v11-claims-heartbeats"

    static let sql = """
        ALTER TABLE reminder_log DROP CONSTRAINT reminder_log_state_check;
        ALTER TABLE reminder_log ADD CONSTRAINT reminder_log_state_check
            CHECK (state IN ('planned', 'firing', 'fired', 'missed', 'silenced', 'uncertain'));

        CREATE TABLE daemon_heartbeat (
            claimant TEXT NOT NULL PRIMARY KEY,
            beat_at TIMESTAMPTZ(3) NOT NULL
        );
        ALTER TABLE hook_delivery ADD COLUMN claimed_by TEXT;
        ALTER TABLE hook_delivery ADD COLUMN claimed_at TIMESTAMPTZ(3);
        CREATE INDEX hook_delivery_by_claimant ON hook_delivery(claimed_by) WHERE claimed_by IS NOT NULL;
        """
}
