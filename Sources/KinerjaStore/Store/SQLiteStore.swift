import Foundation
import GRDB
import KinerjaCore
import Synchronization

/// The store on one SQLite file, through a GRDB `DatabasePool`: WAL, so that status
/// questions and backups read while a change is written; `synchronous=FULL`, so that a
/// change acknowledged to a client survives a power cut; foreign keys on; a busy timeout
/// for the rare other process (an administrator's `sqlite3`) holding the lock.
///
/// Each `StoreOperations` call is its own transaction; `transaction(_:)` groups many.
/// Do not call the store from inside `transaction`'s body (GRDB refuses re-entrant
/// access): use the transaction it passes.
public final class SQLiteStore: KinerjaStoring {
    public let path: String
    let pool: DatabasePool
    /// Moves at every committed write transaction except the scheduler's checkpoint: the
    /// status figures read before it moved may be stale. (The checkpoint wrote one after
    /// every pass, and every status call read the figures anew.)
    let writeGeneration = Atomic<UInt64>(0)
    /// Move when a write changed the roster, the plans, or either (see `WriteEffects`):
    /// each kind of kept answer checks the one of the tables it reads.
    let rosterGeneration = Atomic<UInt64>(0)
    let planGeneration = Atomic<UInt64>(0)
    let listingGeneration = Atomic<UInt64>(0)
    private let writes = Atomic<UInt64>(0)
    /// Moves whenever this store's roster changes: what was derived from the roster before
    /// it moved (an index of positions, a reminder's recipient names) may be stale.
    public var rosterVersion: UInt64 { rosterGeneration.load(ordering: .acquiring) }
    /// How many write transactions this store has run, the scheduler's checkpoints included:
    /// a reader that remembers it can tell whether anything it read may have changed since.
    public var writeCount: UInt64 { writes.load(ordering: .acquiring) }
    /// The last `statusFigures`, valid while `writeGeneration` has not moved.
    let statusCache = Mutex<StatusFigures.Cached?>(nil)
    /// The listings' reads. Plans are patched with the plans a write saved one by one (a
    /// transition), so the next listing reads nothing; positions are read again only when
    /// the roster changed, or, for positions chosen by their plans, when either changed.
    let keptPlans = KeptAnswers<PlanQuery, [StoredPlan]>()
    let keptPositions = KeptAnswers<PositionQuery, [(person: Person, position: Position)]>()
    let keptPositionsByPlan = KeptAnswers<PositionQuery, [(person: Person, position: Position)]>()
    let keptSchoolNames = KeptAnswers<Bool, [String: String]>(maxQuestions: 1, maxRows: .max)

    /// How long a write waits for another process's lock before failing.
    static let busyTimeout: TimeInterval = 5

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
    }

    /// Closes the connections; the store must not be used afterwards. Dropping the last
    /// reference closes them too.
    public func close() throws {
        // GRDB closes the writer before the (read-only) readers, and a read-only last
        // connection cannot checkpoint: the WAL would stay behind, and be replayed onto a
        // backup copied over kinerja.sqlite. Checkpointing it empty first makes the file
        // alone the whole store once the daemon has stopped.
        _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
    }

    /// The identifiers this code's migrations have (the newest schema it understands).
    public static var knownMigrations: [String] { SchemaMigrations.identifiers }

    public func schemaVersion() -> [String] {
        (try? pool.read { try SchemaMigrations.migrator.appliedMigrations($0) }) ?? []
    }

    /// The database and its WAL, in bytes; a file that is not there counts 0. `stat` directly:
    /// `status` asks on every call, and Foundation's attribute dictionary cost more than the rest.
    public func fileSize() throws -> Int64 {
        var total: Int64 = 0
        for file in [path, path + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0 { total += Int64(info.st_size) }
        }
        return total
    }

    public func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try writing(body)
    }

    /// A read in one consistent snapshot.
    func reading<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteTransaction(db: db)) }
    }

    /// `kept`'s answer to `question`, read by `body` when none is kept since `generation` moved.
    func reading<Question, Answer>(
        _ question: Question, keptIn kept: KeptAnswers<Question, Answer>, generation: borrowing Atomic<UInt64>,
        _ body: (SQLiteTransaction) throws -> Answer
    ) throws -> Answer {
        try kept.answer(to: question, generation: generation.load(ordering: .acquiring)) { try reading(body) }
    }

    /// A write in one transaction, with its audit rows. What it changed reaches the kept
    /// answers once it has committed (`publish`). `changesStatus: false` is for bookkeeping
    /// the status figures do not read (the scheduler's checkpoint).
    func writing<T>(changesStatus: Bool = true, _ body: (SQLiteTransaction) throws -> T) throws -> T {
        defer { writes.add(1, ordering: .releasing) }
        return try SQLiteStore.mapWriteFailures(directory: directory) {
            try pool.write { db in
                let effects = WriteEffects()
                let result = try body(SQLiteTransaction(db: db, effects: effects))
                let summary = effects.summary
                // On the writer's queue, right after the commit and before the next write:
                // writes reach the kept answers in the order they were committed.
                db.afterNextTransaction { [self] _ in publish(summary, changesStatus: changesStatus) }
                return result
            }
        }
    }

    /// Brings the kept answers up to a committed write, then moves the generations readers
    /// check. A reader that took a generation before this sees its answer dropped (or, for
    /// plans, patched: a patch replaces a plan by id, so patching twice is harmless).
    private func publish(_ effects: WriteEffects.Summary, changesStatus: Bool) {
        if effects.roster {
            let next = rosterGeneration.load(ordering: .acquiring) + 1
            keptPositions.advance(to: next, patch: nil)
            keptSchoolNames.advance(to: next, patch: nil)
            rosterGeneration.store(next, ordering: .releasing)
        }
        if effects.plansChanged {
            let next = planGeneration.load(ordering: .acquiring) + 1
            let saved = effects.saved
            keptPlans.advance(to: next, patch: effects.plansRewritten ? nil : { query, plans in query.patch(&plans, saving: saved) })
            planGeneration.store(next, ordering: .releasing)
        }
        if effects.roster || effects.plansChanged {
            let next = listingGeneration.load(ordering: .acquiring) + 1
            keptPositionsByPlan.advance(to: next, patch: nil)
            listingGeneration.store(next, ordering: .releasing)
        }
        if changesStatus { writeGeneration.add(1, ordering: .releasing) }
    }

    /// The directory of the database and its WAL: where space runs out.
    var directory: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    /// Turns SQLite's failures to write into errors that say what to do; by then the
    /// transaction was rolled back. "Database or disk is full" (ENOSPC while writing the WAL
    /// or a backup) is `StoreError.diskFull`, which says where to free space; a read-only
    /// file or file system, or an I/O error (SQLITE_READONLY, SQLITE_IOERR: EROFS, EPERM,
    /// EIO) is `StoreError.cannotWrite`, which says where to look. Other errors pass unchanged.
    static func mapWriteFailures<T>(directory: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(directory: directory)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(directory: directory, reason: error.message ?? "\(error.resultCode)")
        }
    }

    // MARK: Opening

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "kinerja"
        config.prepareDatabase { db in
            // Every connection, readers included: a setting per connection, not per file.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 32 MiB of page cache instead of SQLite's 2 MiB: an office's whole store stays
            // in each connection's cache between reads (unchanged pages survive a new read
            // transaction in WAL mode), instead of being copied from the kernel on every
            // listing. Allocated only as pages are read.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
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
