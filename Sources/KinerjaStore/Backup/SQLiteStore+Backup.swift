import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a consistent, compacted copy of the database to `path` with `VACUUM INTO`.
    ///
    /// It runs on a reader connection, outside any transaction: it sees one committed
    /// snapshot (the write-ahead log included) while the writer goes on, so the daemon
    /// keeps answering during a backup. An existing file is never overwritten (SQLite
    /// would refuse a non-empty one anyway; an empty one it would silently reuse).
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupExists(path: path) }
        try pool.unsafeRead { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [path])
        }
    }
}
