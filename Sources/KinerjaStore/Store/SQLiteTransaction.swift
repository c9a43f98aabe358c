import GRDB

/// The SQL of every `OfficeStore` call, on one GRDB connection inside a transaction the
/// caller opened (a read snapshot or a write): `SQLiteStore` runs each call in its own.
struct SQLiteTransaction {
    let db: Database
}
