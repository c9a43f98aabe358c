import Foundation

/// A Kinerja store: today SQLite (`SQLiteStore`), later perhaps a shared PostgreSQL. The
/// daemon codes against this so that the second can replace the first.
public protocol KinerjaStoring: StoreOperations, Sendable {
    /// Where the data lives, for `status` and error messages.
    var path: String { get }
    /// Bytes on disk (database and write-ahead log).
    func fileSize() throws -> Int64
    /// Identifiers of the applied schema migrations, in order.
    func schemaVersion() -> [String]
    /// Runs `body` in one write transaction: everything it did is committed when it
    /// returns, nothing when it throws (the error is rethrown unchanged).
    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Writes a consistent copy of the whole store to `path` (which must not exist) while
    /// the store stays in use.
    func backup(to path: String) throws
}
