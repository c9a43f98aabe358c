/// The schema migrations of a PostgreSQL store, numbered and named as the SQLite store's
/// (`SQLiteStore.knownMigrations`; a test holds the two lists equal and the tables they make
/// alike), so that `--copy-store` and a reader of either know one schema by one name. A
/// change of schema is a new `PostgresSchemaVN` appended here, beside the `SchemaVN` of the
/// SQLite store.
///
/// The SQL differs where the databases do: instants are `timestamptz(3)` (the store keeps
/// milliseconds), booleans `boolean`, integer keys identities; the audit's refusal of
/// UPDATE and DELETE is a trigger function. The PostgreSQL adapter came after migration 8,
/// so no PostgreSQL database ever held the rows an older migration converts (plans as JSON
/// before migration 7): those migrations make the new tables and convert nothing.
enum PostgresMigrations {
    /// Every migration, oldest first: its identifier and its SQL, run in one transaction.
    static let all: [(identifier: String, sql: String)] = [
        (PostgresSchemaV1.identifier, PostgresSchemaV1.sql),
        (PostgresSchemaV2.identifier, PostgresSchemaV2.sql),
        (PostgresSchemaV3.identifier, PostgresSchemaV3.sql),
        (PostgresSchemaV4.identifier, PostgresSchemaV4.sql),
        (PostgresSchemaV5.identifier, PostgresSchemaV5.sql),
        (PostgresSchemaV6.identifier, PostgresSchemaV6.sql),
        (PostgresSchemaV7.identifier, PostgresSchemaV7.sql),
        (PostgresSchemaV8.identifier, PostgresSchemaV8.sql),
        (PostgresSchemaV9.identifier, PostgresSchemaV9.sql),
        (PostgresSchemaV10.identifier, PostgresSchemaV10.sql),
        (PostgresSchemaV11.identifier, PostgresSchemaV11.sql),
    ]

    /// The identifiers, in order.
    static var identifiers: [String] { all.map(\.identifier) }

    /// The table of applied migrations: GRDB's own name and shape, so that both stores list
    /// their migrations in the same table.
    static let trackingTable = "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"

    /// Taken for the whole migration: two daemons starting at once on a new database
    /// migrate it one after the other (the second finds nothing to do).
    static let lockKey: Int64 = 0x4b49_4e45_524a_41 // "KINERJA"
}
