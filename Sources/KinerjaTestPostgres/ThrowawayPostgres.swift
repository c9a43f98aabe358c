import Foundation
import Synchronization

/// A PostgreSQL server of its own for the tests: Debian's `initdb` in a new directory under
/// /tmp (the checkout may be in a directory only root can enter), `postgres` listening on a
/// Unix socket in that directory only, no TCP, no fsync (a test database is thrown away).
/// PostgreSQL refuses to run as root, so under root it runs as `nobody`.
///
/// One server serves a whole test process (`shared`), each test its own database
/// (`makeDatabase`). It is stopped and its directory removed when the test process ends,
/// however it ends: a shell watches a pipe the process holds open, and when the pipe closes
/// (exit, crash, SIGKILL) it stops the server and removes the directory.
public final class ThrowawayPostgres: Sendable {
    /// The directory holding the server's socket: a client's `host`.
    public let socketDirectory: String
    /// The superuser `initdb` made, which the tests connect as.
    public let user = "kinerja"
    /// The write end of the watched pipe: kept open for the life of the process.
    private let lifeline: FileHandle

    /// How long starting may take (initdb on a loaded 2-core machine takes seconds).
    static let startLimit: TimeInterval = 60

    /// The server of this test process, started on first use.
    public static let shared: Result<ThrowawayPostgres, ThrowawayPostgresError> = Result { try ThrowawayPostgres() }
        .mapError { $0 as? ThrowawayPostgresError ?? .cannotStart("\($0)") }

    /// The server, or the error that says why it could not start.
    public static func server() throws -> ThrowawayPostgres { try shared.get() }

    private init() throws {
        guard let bin = ThrowawayPostgres.binDirectory() else {
            throw ThrowawayPostgresError.notInstalled
        }
        let directory = try ThrowawayPostgres.makeDirectory()
        socketDirectory = directory
        let unprivileged = getuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups" : ""
        if getuid() == 0 { chown(directory, 65534, 65534) }
        // `read` returns when every write end of stdin is closed: when this process ends.
        let script = """
            dir=$1; bin=$2; as="$3"
            $as "$bin/initdb" -D "$dir/data" -U kinerja -A trust --no-sync -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 \
              || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
            $as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 50 start \
              -o "-k $dir -c listen_addresses= -F -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" > /dev/null \
              || { cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
            echo ready
            read -r _
            $as "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1
            rm -rf "$dir"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "throwaway-postgres", directory, bin, unprivileged]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        lifeline = input.fileHandleForWriting
        try input.fileHandleForReading.close()
        // Bounded: a server that does not come up fails the tests, it does not hang them.
        let ready = DispatchSemaphore(value: 0)
        let line = LineBox()
        Thread.detachNewThread {
            line.set(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))
            ready.signal()
        }
        guard ready.wait(timeout: .now() + ThrowawayPostgres.startLimit) == .success, line.get().hasPrefix("ready") else {
            process.terminate()
            let reason = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            throw ThrowawayPostgresError.cannotStart(reason.isEmpty ? "no answer within \(Int(ThrowawayPostgres.startLimit)) s" : reason)
        }
    }

    /// The newest Debian PostgreSQL's programs (`KINERJA_PG_BIN` overrides).
    static func binDirectory() -> String? {
        if let given = ProcessInfo.processInfo.environment["KINERJA_PG_BIN"] { return given }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    static func makeDirectory() throws -> String {
        var template = Array("/tmp/kinerja-pg.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ThrowawayPostgresError.cannotStart("mkdtemp: \(String(cString: strerror(errno)))") }
        return String(cString: made)
    }

    /// A `[store] url` for database `name` on this server.
    public func url(database name: String) -> String {
        "postgresql://\(user)@/\(name)?host=\(socketDirectory)"
    }

    /// Runs SQL as the superuser through `psql` (creating and dropping databases, ending
    /// backends): bounded by `limit`.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", limit: TimeInterval = 30) throws -> String {
        guard let bin = ThrowawayPostgres.binDirectory() else { throw ThrowawayPostgresError.notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(bin)/psql")
        process.arguments = ["-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-U", user, "-d", database, "-c", sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        guard done.wait(timeout: .now() + limit) == .success else {
            process.terminate()
            throw ThrowawayPostgresError.psql(sql: sql, reason: "no answer within \(Int(limit)) s")
        }
        guard process.terminationStatus == 0 else {
            throw ThrowawayPostgresError.psql(sql: sql, reason: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A new empty database; its `[store] url`.
    public func makeDatabase() throws -> String {
        let name = "t\(UInt64.random(in: 0...UInt64.max))"
        try psql("CREATE DATABASE \(name)")
        return url(database: name)
    }

    deinit { try? lifeline.close() }

    // MARK: From async tests

    /// The server, started on a thread of its own: starting blocks for seconds, which must
    /// not hold one of the few threads Swift's concurrency runs every test on.
    public static func server() async throws -> ThrowawayPostgres {
        try await offPool { try server() }
    }

    /// `makeDatabase()` on a thread of its own (it waits for `psql`).
    public func makeDatabase() async throws -> String {
        try await ThrowawayPostgres.offPool { try self.makeDatabase() }
    }

    /// `psql(_:database:limit:)` on a thread of its own.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", limit: TimeInterval = 30) async throws -> String {
        try await ThrowawayPostgres.offPool { try self.psql(sql, database: database, limit: limit) }
    }

    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// Why the test server is not there.
public enum ThrowawayPostgresError: Error, Sendable, CustomStringConvertible {
    case notInstalled
    case cannotStart(String)
    case psql(sql: String, reason: String)

    public var description: String {
        switch self {
        case .notInstalled:
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): `make test-deps` installs Debian's postgresql"
        case .cannotStart(let reason):
            return "the tests' PostgreSQL did not start: \(reason)"
        case .psql(let sql, let reason):
            return "psql '\(sql)' failed: \(reason)"
        }
    }
}

/// The first line the server's shell printed, handed from its reading thread.
private final class LineBox: Sendable {
    private let line = Mutex("")
    func set(_ value: String) { line.withLock { $0 = value } }
    func get() -> String { line.withLock { $0 } }
}
