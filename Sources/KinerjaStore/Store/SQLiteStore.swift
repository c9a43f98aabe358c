import Foundation
import GRDB
import KinerjaCore
import Synchronization

/// The store port (`OfficeStore`) on one SQLite file, through a GRDB `DatabasePool`: WAL,
/// so that questions and backups read while a change is written; `synchronous=FULL`, so
/// that a change acknowledged to a client survives a power cut; foreign keys on; a busy
/// timeout for another process (a second daemon, an administrator's `sqlite3`) holding the
/// lock. Each call of the port is one transaction on GRDB's queues, awaited.
///
/// The tables are relational (see `SchemaV6`): plans, step records, choices, blocks and
/// revisions are rows, and the columns a Core rule derives (`PlanFacts`) are kept beside
/// each plan, so that a question is an indexed query and nothing is decoded. Nothing is
/// kept in memory between calls.
public final class SQLiteStore: OfficeStore {
    public let path: String
    let pool: DatabasePool
    /// Tells the listeners what each commit touched (this process's writes).
    private let observer = CommitObserver()

    /// How long a write waits for another process's lock before failing.
    static let busyTimeout: TimeInterval = 5
    /// How often `followOtherWriters` asks SQLite whether another connection committed.
    static let otherWritersInterval: Duration = .seconds(5)

    /// Opens (creating if missing) the database at `path` and migrates it to the schema of
    /// this code. Refuses a database written by a newer Kinerja (`StoreError.newerSchema`)
    /// and a file that is not a readable SQLite database (`StoreError.unreadable`), in both
    /// cases without changing it.
    public init(path: String) throws {
        self.path = path
        pool = try SQLiteStore.openPool(path: path)
        try SQLiteStore.mapOpenErrors(path: path) {
            let unknown = try pool.read { try SchemaMigrations.unknownApplied($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
            try SchemaMigrations.migrator.migrate(pool)
        }
        pool.add(transactionObserver: observer, extent: .databaseLifetime)
    }

    public var location: String { path }

    /// One daemon per file: its own commits are told at once.
    public var answersMayBeKept: Bool { true }

    public func close() async throws {
        // GRDB closes the writer before the (read-only) readers, and a read-only last
        // connection cannot checkpoint: the WAL would stay behind, and be replayed onto a
        // backup copied over kinerja.sqlite. Checkpointing it empty first makes the file
        // alone the whole store once the daemon has stopped.
        _ = try await pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
    }

    /// The identifiers this code's migrations have (the newest schema it understands).
    public static var knownMigrations: [String] { SchemaMigrations.identifiers }

    public func schemaVersion() async throws -> [String] {
        try await pool.read { try SchemaMigrations.migrator.appliedMigrations($0) }
    }

    /// The database and its WAL, in bytes; a file that is not there counts 0.
    public func size() async throws -> Int64 {
        var total: Int64 = 0
        for file in [path, path + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0 { total += Int64(info.st_size) }
        }
        return total
    }

    public func observeChanges(_ listener: @escaping @Sendable (StoreChange) -> Void) {
        observer.add(listener)
    }

    /// Another process's commit is not seen by this pool's observer; SQLite tells it through
    /// `PRAGMA data_version`, which on the writer's connection moves only when another
    /// connection committed. Asked every few seconds: an administrator's `sqlite3`, or a
    /// second daemon on the same file, is seen within `otherWritersInterval`.
    public func followOtherWriters() async throws {
        var seen = try await pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        while !Task.isCancelled {
            try await Task.sleep(for: SQLiteStore.otherWritersInterval)
            let now = try await pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") }
            if now != seen {
                seen = now
                observer.notify(.everything)
            }
        }
    }

    /// A read in one consistent snapshot, on one of the readers.
    func reading<T: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLiteTransaction(db: db)) }
    }

    /// A read in one snapshot whose rows `read` hands over one by one, passed on `size` at a
    /// time (see `StoreChunks`): the reader waits while the consumer is two chunks behind.
    func chunks<T: Sendable>(size: Int, _ read: @escaping @Sendable (SQLiteTransaction, (T) throws -> Void) throws -> Void) -> StoreChunks<T> {
        let pool = pool
        return StoreChunks { yield in
            try await pool.read { db in
                var buffer: [T] = []
                buffer.reserveCapacity(size)
                try read(SQLiteTransaction(db: db)) { item in
                    buffer.append(item)
                    if buffer.count >= size {
                        try yield(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                if !buffer.isEmpty { try yield(buffer) }
            }
        }
    }

    /// A write in one transaction, with its audit rows (failures as `mapWriteFailures` says).
    func writing<T: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> T) async throws -> T {
        let pool = pool
        return try await SQLiteStore.mapWriteFailures(directory: directory) {
            try await pool.write { db in try body(SQLiteTransaction(db: db)) }
        }
    }

    /// Turns SQLite's failures to write into errors that say what to do; by then the
    /// transaction was rolled back. "Database or disk is full" (ENOSPC while writing the WAL
    /// or a backup) is `StoreError.diskFull`, which says where to free space; a read-only
    /// file or file system, or an I/O error (SQLITE_READONLY, SQLITE_IOERR: EROFS, EPERM,
    /// EIO) is `StoreError.cannotWrite`, which says where to look. Other errors pass unchanged.
    static func mapWriteFailures<T>(directory: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(directory: directory)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(directory: directory, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The directory of the database and its WAL: where space runs out.
    var directory: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    // MARK: Opening

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "kinerja"
        config.prepareDatabase { db in
            // Every connection, readers included: a setting per connection, not per file.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 16 MiB of page cache instead of SQLite's 2 MiB: a district's whole store stays
            // in each connection's cache between reads (unchanged pages survive a new read
            // transaction in WAL mode), instead of being copied from the kernel on every
            // listing. Allocated only as pages are read: a country's store fills it, so
            // with its four connections it stays within 64 MiB of the daemon's memory.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        // Three readers: two CPUs' worth of questions at once and one more for a long
        // streamed list; each reader's cache is memory a country's store fills.
        config.maximumReaderCount = 3
        return config
    }

    static func openPool(path: String) throws -> DatabasePool {
        try mapOpenErrors(path: path) { try DatabasePool(path: path, configuration: configuration()) }
    }

    /// Turns SQLite's codes into errors that say what to do: a file that is not a
    /// database (or is damaged) is `unreadable`; a path that cannot be opened is
    /// `cannotOpen`. Other errors pass unchanged.
    static func mapOpenErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if let damage = damage(in: error, path: path) { throw damage }
            switch error.resultCode {
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
            default:
                throw error
            }
        }
    }

    /// `error` as `StoreError.unreadable` when SQLite found the file at `path` damaged
    /// (SQLITE_CORRUPT, SQLITE_NOTADB), else nil. Opening reads only the first pages: damage
    /// elsewhere shows when a page is first read, e.g. by the daemon's first query at start,
    /// which must then refuse the file as clearly as the open would have.
    public static func damage(in error: any Error, path: String) -> StoreError? {
        guard let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) else { return nil }
        return StoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
    }
}
