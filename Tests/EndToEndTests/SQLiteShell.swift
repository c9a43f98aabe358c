import Foundation

/// Questions to a store file through the `sqlite3` command-line shell (Debian package
/// `sqlite3`), asked the way an administrator would: beside the running daemon, which WAL
/// allows, and independent of the code under test.
struct SQLiteShell {
    let executable: String
    let path: String

    /// Fails (never skips) when `sqlite3` is missing: the fault tests' verdicts depend on it.
    init(path: String) throws {
        guard let executable = TestEnvironment.which("sqlite3") else {
            throw TestFailure("the sqlite3 shell is not installed (Debian package sqlite3): the fault tests need it to check the store")
        }
        self.executable = executable
        self.path = path
    }

    /// The rows of one query, each split at `|` (sqlite3's default separator).
    func rows(_ sql: String) throws -> [[String]] {
        let result = try ChildProcess.run(executable, ["-batch", path, sql], timeout: 60)
        guard result.status == 0, result.stderr.isEmpty else { throw TestFailure("sqlite3 failed: \(result)") }
        return result.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The single value of a one-row, one-column query.
    func value(_ sql: String) throws -> String {
        let rows = try rows(sql)
        guard rows.count == 1, rows[0].count == 1 else { throw TestFailure("expected one value from \(sql), got \(rows)") }
        return rows[0][0]
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of what is damaged.
    func integrityCheck() throws -> String {
        try rows("PRAGMA integrity_check;").map { $0.joined(separator: "|") }.joined(separator: "\n")
    }
}
