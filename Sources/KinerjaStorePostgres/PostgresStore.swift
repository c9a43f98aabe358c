import Foundation
import KinerjaStore
import Logging
import PostgresNIO
import Synchronization

/// The store port's data on a PostgreSQL database that several daemons share: the same
/// tables and migrations as `SQLiteStore` (`PostgresMigrations`), through a postgres-nio
/// connection pool (`PostgresClient`), which reconnects by itself after a lost connection.
///
/// Every call is bounded (`callLimit`, `withDeadline`): a connection the server ended
/// mid-query must fail the call, not hold it, and a call that fails so is
/// `StoreError.unreachable`, which says nothing was changed. Each write tells the other
/// daemons what it touched with a NOTIFY in its transaction (delivered at commit), which
/// `followOtherWriters` hears.
public final class PostgresStore: Sendable {
    public let url: PostgresStoreURL
    let client: PostgresClient
    let logger: Logger
    /// This store's name in its notifications, to tell its own writes from other writers'.
    let instance = UUID().uuidString
    let listeners = ChangeListeners()
    /// The pool's own task, from `open` to `close`.
    private let runner = Mutex<Task<Void, Never>?>(nil)

    /// The longest any call may take, waiting for a connection included.
    static let callLimit: Duration = .seconds(15)
    /// The longest migrating at start may take: a migration that converts rows takes as
    /// long as the store is large, and a second daemon waits for the first's.
    static let migrationLimit: Duration = .seconds(600)
    /// The longest a whole store's copy may take (`StoreCopy`): a country's is minutes.
    static let copyLimit: Duration = .seconds(3600)
    /// How long connecting may take before a call fails (the pool tries again at the next).
    static let connectLimit: Duration = .seconds(5)
    /// The channel of change notifications.
    static let channel = "kinerja_change"

    private init(url: PostgresStoreURL, logger: Logger) {
        self.url = url
        self.logger = logger
        var configuration = url.clientConfiguration()
        configuration.options.connectTimeout = PostgresStore.connectLimit
        // A daemon's calls are short; a few connections serve two CPUs' worth of them and a
        // listener, and leave a shared server room for many daemons.
        configuration.options.maximumConnections = 8
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Connects to the database at `url` and migrates it to the schema of this code (one
    /// daemon at a time: the migration holds an advisory lock). Refuses a database migrated
    /// by a newer Kinerja (`StoreError.newerSchema`), changing nothing.
    public static func open(url: PostgresStoreURL, logger: Logger = Logger(label: "kinerja.store")) async throws -> PostgresStore {
        let store = PostgresStore(url: url, logger: logger)
        let client = store.client
        store.runner.withLock { $0 = Task { await client.run() } }
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Where the data lives, without a password.
    public var location: String { url.description }

    /// Other daemons' commits arrive by NOTIFY, possibly after the next call: nothing kept.
    public var answersMayBeKept: Bool { false }

    /// Ends the pool's connections; the store must not be used afterwards.
    public func close() async throws {
        let task = runner.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        if let task { _ = try? await withDeadline(PostgresStore.callLimit, location: location) { await task.value } }
    }

    // MARK: Calls

    /// `body` on one pooled connection, outside a transaction (a single statement is one).
    func reading<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let client = client, logger = logger
        return try await bounded(retrying: true) { try await client.withConnection { try await body($0, logger) } }
    }

    /// `body` in one read-only transaction that sees one snapshot of the database (several
    /// statements that must agree: a status's counts, a plan and its rows).
    func snapshot<T: Sendable>(
        limit: Duration = PostgresStore.callLimit, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let client = client, logger = logger
        return try await bounded(limit: limit, retrying: true) {
            try await client.withConnection { connection in
                try await PostgresStore.transaction(connection, logger, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                    try await body(connection, logger)
                }
            }
        }
    }

    /// `body` in one transaction, which also notifies the other daemons of what it
    /// `touched` (nothing when it touched nothing a listener keeps); this process's
    /// listeners hear it once the transaction committed.
    func writing<T: Sendable>(
        _ touched: StoreChange, limit: Duration = PostgresStore.callLimit,
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let client = client, logger = logger
        let payload = "\(instance) \(touched.rawValue)"
        let result = try await bounded(limit: limit) {
            try await client.withConnection { connection in
                try await PostgresStore.transaction(connection, logger) {
                    let result = try await body(connection, logger)
                    if !touched.isEmpty {
                        try await connection.query("SELECT pg_notify(\(PostgresStore.channel), \(payload))", logger: logger)
                    }
                    return result
                }
            }
        }
        if !touched.isEmpty { listeners.notify(touched) }
        return result
    }

    /// `body` between BEGIN and COMMIT, rolled back when it throws, with its error as thrown
    /// (postgres-nio's `withTransaction` wraps it, which would hide a `StoreError`).
    static func transaction<T: Sendable>(
        _ connection: PostgresConnection, _ logger: Logger, begin: String = "BEGIN", _ body: () async throws -> T
    ) async throws -> T {
        try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
        do {
            let result = try await body()
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            // A connection the server ended has rolled back already, and a ROLLBACK on it
            // could wait for the call's deadline.
            if let lost = error as? PSQLError, isConnectionLoss(lost) { throw error }
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// `operation` within `limit`, a lost connection reported as `StoreError.unreachable`.
    /// A read (`retrying`) whose connection was lost, or that got no answer in time, is
    /// tried once more within a limit of its own: the pool may have handed out a connection
    /// the server had just ended (on which a query was seen to wait for its deadline), and
    /// a read changes nothing. A write is not: whether its COMMIT arrived is not known.
    func bounded<T: Sendable>(
        limit: Duration = PostgresStore.callLimit, retrying: Bool = false, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let location = location
        do {
            return try await withDeadline(limit, location: location, operation)
        } catch let error as PSQLError where PostgresStore.isConnectionLoss(error) {
            if retrying { return try await bounded(limit: limit, retrying: false, operation) }
            throw StoreError.unreachable(location: location, reason: PostgresStore.reason(error))
        } catch StoreError.unreachable where retrying {
            return try await bounded(limit: limit, retrying: false, operation)
        }
    }

    /// A connection that could not be made or was ended (by the network, a server restart,
    /// `pg_terminate_backend`): class 08, 57P01–57P03.
    static func isConnectionLoss(_ error: PSQLError) -> Bool {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .sslUnsupported:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }

    /// The server's message, or the client's code.
    static func reason(_ error: PSQLError) -> String {
        error.serverInfo?[.message] ?? "\(error.code)"
    }
}

/// Every call of the port, on PostgreSQL (each in the `PostgresStore+…` file of its part).
extension PostgresStore: OfficeStore {}
