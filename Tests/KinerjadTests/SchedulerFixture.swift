import Foundation
import KinerjaCore
import KinerjaRules
import KinerjaStore
import Logging
import Synchronization
@testable import kinerjad

#if canImport(Glibc)
import Glibc
#endif

/// A clock that moves only when the test moves it.
final class SettableClock: WallClock {
    private let instant: Mutex<Date>
    let isOverridden = true
    let rate = 1.0

    init(_ start: Date) { instant = Mutex(start) }

    func now() -> Date { instant.withLock { $0 } }
    func set(_ date: Date) { instant.withLock { $0 = date } }
}

/// The reminder scheduler on a real store in a temporary directory, with the example
/// district (config/examples, cycle 2026-2) imported and journal entries counted instead of
/// sent. At 07:00 WIB on 26 November 2026 two reminders fire (see ReminderScenario of the
/// end-to-end tests).
final class SchedulerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let beforeFire = instant("2026-11-26T06:59:00+07:00")
    static let afterFire = instant("2026-11-26T07:00:30+07:00")

    let directory: String
    let clock = SettableClock(SchedulerFixture.beforeFire)
    let office: Office
    let scheduler: ReminderScheduler
    /// The KINERJA_REMINDER_ID of every journal entry written, in order.
    let journaled = JournaledIDs()

    /// Builds the fixture: the example district imported through the office.
    static func make() async throws -> SchedulerFixture {
        let fixture = try SchedulerFixture()
        let actor = AuditActor(uid: 0, user: "test")
        for (kind, file) in [("roster", "roster.csv"), ("progress", "progress.csv")] {
            let content = try String(contentsOfFile: "\(Self.root)/config/examples/\(file)", encoding: .utf8)
            let result = kind == "roster"
                ? try await fixture.office.importRoster(ImportFile(text: content), dryRun: false, skipInvalid: false, deactivateMissing: true, actor: actor)
                : try await fixture.office.importProgress(ImportFile(text: content), dryRun: false, skipInvalid: false, actor: actor)
            guard result.applied else { throw FixtureError("the example \(file) was not applied: \(result)") }
        }
        return fixture
    }

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-scheduler-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/hooks.d", withIntermediateDirectories: true)
        let config = try DaemonConfig.parse("""
            rules_directory = "\(Self.root)/config/rules"
            hooks_directory = "\(directory)/hooks.d"
            """, file: directory + "/kinerja.toml")
        let settings = Settings(config: config, rules: try RulesLoader.load(directory: config.rulesDirectory))
        let logger = Logger(label: "kinerjad-test") { _ in SwiftLogNoOpLogHandler() }
        office = Office(store: try SQLiteStore(path: directory + "/kinerja.sqlite"), settings: settings, clock: clock, logger: logger)
        let entries = journaled
        scheduler = ReminderScheduler(
            office: office,
            journal: ReminderJournal(send: { fields in
                entries.ids.withLock { $0.append(fields.first { $0.0 == "KINERJA_REMINDER_ID" }?.1 ?? "?") }
            }),
            hooks: HookDirectory(path: directory + "/hooks.d"), waker: office.changed, hookWaker: Waker(), feed: ReminderFeed(),
            logger: logger, claimant: "test")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    static func instant(_ text: String) -> Date {
        (try? Date(text, strategy: Date.ISO8601FormatStyle())) ?? .distantPast
    }
}

/// What the fixture's journal received.
final class JournaledIDs: Sendable {
    let ids = Mutex<[String]>([])
    var all: [String] { ids.withLock { $0 } }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Sets CLOCK_REALTIME to the time it reads: a set for the kernel, yet the clock goes back
/// only by the nanoseconds between the two calls, so tests running beside this one see no
/// jump. Under an exclusive lock on a file that SystemdTests' WallClockTimerTests holds
/// while it checks that no set happened. Needs CAP_SYS_TIME (root).
func setClockToItself() throws {
    let lock = open("/tmp/kinerja-tests-clock-set.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard lock >= 0 else { throw FixtureError("cannot open the clock-set lock: \(String(cString: strerror(errno)))") }
    defer { close(lock) }
    flock(lock, LOCK_EX)
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    guard clock_settime(CLOCK_REALTIME, &now) == 0 else {
        throw FixtureError("clock_settime: \(String(cString: strerror(errno))); this test needs root (CAP_SYS_TIME)")
    }
}
