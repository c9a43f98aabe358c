import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a consistent, compacted copy of the database to `path` with `VACUUM INTO`.
    ///
    /// It runs on a reader connection, outside any transaction: it sees one committed
    /// snapshot (the write-ahead log included) while the writer goes on, so the daemon
    /// keeps answering during a backup. An existing file is never overwritten (SQLite
    /// would refuse a non-empty one anyway; an empty one it would silently reuse).
    ///
    /// A failed `VACUUM INTO` (e.g. the disk filled up) leaves the part it wrote behind, a
    /// file that looks like a backup but is not one: it is removed. The file did not exist
    /// before the call, so nothing else is lost.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupExists(path: path) }
        do {
            try await SQLiteStore.mapWriteFailures(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path) {
                try await pool.unsafeRead { db in
                    try db.execute(sql: "VACUUM INTO ?", arguments: [path])
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
