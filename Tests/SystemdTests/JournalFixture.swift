import Foundation
import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Makes a journald available to the round-trip tests and reads entries back.
///
/// Why: CI and development containers usually run without systemd, so there is
/// no journald. `systemd-journald` works standalone when run as root: it
/// creates `/run/systemd/journal/socket` and stores entries under
/// `/run/log/journal`, where `journalctl` finds them.
///
/// Policy: a journald started here is left running when the tests finish. It
/// runs in its own session with its output discarded, so it does not hold up
/// `swift test`; other suites (and the next test run) simply reuse it, and
/// stopping it would leave a stale socket behind anyway. An already running
/// journald (a real systemd machine) is used as is and never touched.
enum JournalFixture {
    static let journaldPath = "/lib/systemd/systemd-journald"
    static let journalctlPath = "/usr/bin/journalctl"

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    /// Whether the round-trip tests can run: journald is up, or we may start it.
    static var canProvideJournal: Bool {
        guard access(journalctlPath, X_OK) == 0 else { return false }
        return Journal.isAvailable() || (geteuid() == 0 && access(journaldPath, X_OK) == 0)
    }

    /// Started at most once per test process, however many tests ask.
    private static let started: Result<Void, FixtureError> = start()

    /// Ensures journald accepts entries, starting it if needed (waits up to 5 s).
    static func ensureRunning() throws {
        try started.get()
    }

    private static func start() -> Result<Void, FixtureError> {
        if Journal.isAvailable() { return .success(()) }
        do {
            _ = try ChildProcess.spawn(journaldPath, newSession: true)
        } catch {
            return .failure(FixtureError(description: "could not start \(journaldPath): \(error)"))
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if Journal.isAvailable() { return .success(()) }
            usleep(50_000)
        }
        return .failure(FixtureError(description: "journald did not open \(Journal.socketPath) within 5 s"))
    }

    /// The entries matching `field=value`, as parsed `journalctl -o json` objects.
    /// Polls for up to `timeout`, since journald stores entries asynchronously.
    static func entries(
        matching field: String, _ value: String, timeout: Duration = .seconds(5)
    ) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let result = try ChildProcess.run(
                journalctlPath, ["--no-pager", "-o", "json", "\(field)=\(value)"])
            let entries = result.output.split(separator: "\n").compactMap { line -> [String: Any]? in
                guard let data = line.data(using: .utf8) else { return nil }
                return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            }
            if !entries.isEmpty || ContinuousClock.now >= deadline { return entries }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
