import GRDB

/// The numbered schema migrations, oldest first. A migration is never edited once
/// released: a change of schema is a new migration appended here, so that every database
/// an office has (and every backup) reaches the same schema by the same steps.
enum SchemaMigrations {
    /// Every migration this code knows, in order.
    static let identifiers = [
        SchemaV1.identifier, SchemaV2.identifier, SchemaV3.identifier, SchemaV4.identifier, SchemaV5.identifier,
        SchemaV6.identifier, SchemaV7.identifier, SchemaV8.identifier, SchemaV9.identifier,
        SchemaV10.identifier, SchemaV11.identifier,
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(SchemaV1.identifier, migrate: SchemaV1.migrate)
        migrator.registerMigration(SchemaV2.identifier, migrate: SchemaV2.migrate)
        migrator.registerMigration(SchemaV3.identifier, migrate: SchemaV3.migrate)
        migrator.registerMigration(SchemaV4.identifier, migrate: SchemaV4.migrate)
        migrator.registerMigration(SchemaV5.identifier, migrate: SchemaV5.migrate)
        migrator.registerMigration(SchemaV6.identifier, migrate: SchemaV6.migrate)
        migrator.registerMigration(SchemaV7.identifier, migrate: SchemaV7.migrate)
        migrator.registerMigration(SchemaV8.identifier, migrate: SchemaV8.migrate)
        migrator.registerMigration(SchemaV9.identifier, migrate: SchemaV9.migrate)
        migrator.registerMigration(SchemaV10.identifier, migrate: SchemaV10.migrate)
        migrator.registerMigration(SchemaV11.identifier, migrate: SchemaV11.migrate)
        return migrator
    }

    /// Applied migrations this code does not know: a newer Kinerja wrote the database.
    static func unknownApplied(_ db: Database) throws -> [String] {
        let known = Set(identifiers)
        return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
    }
}
