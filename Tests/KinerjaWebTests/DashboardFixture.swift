import Foundation
import Hummingbird
import KinerjaCore
import KinerjaRPC
import KinerjaRPCServer
import KinerjaRules
import KinerjaStore
import KinerjaWeb
import Logging
@testable import kinerjad

/// kinerjad's office and Varlink routes in this process, on a store in a temporary
/// directory with the example district (config/examples, cycle 2026-2) imported, at 08:00
/// WIB on 25 November 2026 (the day the example describes), serving a temporary socket;
/// and kinerja-web's router reading it through that socket, as the real one does.
final class DashboardFixture: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let morning = instant("2026-11-25T08:00:00+07:00")

    let directory: String
    /// The daemon's own clock, started at that instant (a test is over long before noon).
    let clock = DaemonClock(startingAt: DashboardFixture.morning, rate: 1)
    let office: Office
    let server: VarlinkServer
    let web: WebEnvironment
    let feedKey: [UInt8] = Array(repeating: 7, count: 32)

    /// `maxReplyBytes`: the daemon's largest single reply of a listing (16 MiB as served).
    init(access: Access = .loopback, maxReplyBytes: Int = 16 << 20) async throws {
        directory = "/tmp/kinerja-web-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/hooks.d", withIntermediateDirectories: true)
        let config = try DaemonConfig.parse("""
            rules_directory = "\(Self.root)/config/rules"
            hooks_directory = "\(directory)/hooks.d"
            """, file: directory + "/kinerja.toml")
        let settings = Settings(config: config, rules: try RulesLoader.load(directory: config.rulesDirectory))
        let logger = Logger(label: "kinerja-web-test") { _ in SwiftLogNoOpLogHandler() }
        office = Office(store: try SQLiteStore(path: directory + "/kinerja.sqlite"), settings: settings, clock: clock, logger: logger)
        let actor = AuditActor(uid: 0, user: "test")
        _ = try await office.importOfficials(ImportFile(text: try Self.example("pejabat.csv")), dryRun: false, skipInvalid: false, actor: actor)
        _ = try await office.importRoster(ImportFile(text: try Self.example("roster.csv")), dryRun: false, skipInvalid: false, deactivateMissing: true, actor: actor)
        _ = try await office.importProgress(ImportFile(text: try Self.example("progress.csv")), dryRun: false, skipInvalid: false, actor: actor)
        let router = Routes.router(
            office: office, authorizer: Authorizer(adminGroup: "kinerja-admin"), version: "test",
            hooks: HookDirectory(path: directory + "/hooks.d"), feed: ReminderFeed(), maxReplyBytes: maxReplyBytes)
        server = VarlinkServer(router: router, logger: logger)
        try await server.bind(path: directory + "/kinerja.sock", mode: 0o600)
        try Data(feedKey).write(to: URL(fileURLWithPath: directory + "/feed.key"))
        web = WebEnvironment(
            reads: KeptReads(connections: DaemonConnections(socketPath: directory + "/kinerja.sock", threads: 2)),
            feeds: try FeedTokens(keyFile: directory + "/feed.key"), office: "Dinas Pendidikan Kabupaten Sukamaju",
            publicURL: "http://kinerja.test")
        self.access = access
    }

    let access: Access

    var router: Router<WebContext> { WebRouter.router(web, access: access) }

    func stop() async {
        try? await web.reads.connections.shutdown()
        await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func example(_ file: String) throws -> String {
        try String(contentsOfFile: "\(root)/config/examples/\(file)", encoding: .utf8)
    }

    static func instant(_ text: String) -> Date {
        (try? Date(text, strategy: Date.ISO8601FormatStyle())) ?? .distantPast
    }
}
