import GRDB

/// The SQLite implementation of every `StoreOperations` call, on one GRDB connection
/// inside a transaction the caller opened (a read snapshot or a write). `SQLiteStore`
/// wraps each call in its own transaction; `SQLiteStore.transaction` hands this to the
/// body so that many calls share one.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    /// Where a write's calls record what they changed (see `WriteEffects`); nil in a read.
    var effects: WriteEffects? = nil
}
