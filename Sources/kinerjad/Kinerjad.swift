import ArgumentParser
import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaRPCServer
import KinerjaRules
import KinerjaStore
import KinerjaStorePostgres
import Logging
import ServiceLifecycle
import Systemd
import UnixSignals

/// kinerjad: tracks every principal's and supervisor's Pengelolaan Kinerja cycle for a
/// district office and answers administrators over Varlink. Start-up order matters to
/// systemd: config and rules are checked, the store opened and the socket bound before
/// READY=1, so a client that connects after READY is served. And a daemon that finds
/// another answering on its socket stops before it opens the store (see
/// ``alreadyServed(socket:)``).
@main
struct Kinerjad: AsyncParsableCommand {
    static let version = "0.1.0"

    /// How long SIGTERM waits for running calls to be answered. An import of a large
    /// district's roster runs for seconds (10,000 rows: about 4 s in a debug build), longer
    /// than the server's default of 5 s, and an administrator whose import was applied must
    /// get its result. 50 s, under the unit's TimeoutStopSec=60, so the store is still closed
    /// cleanly (WAL checkpointed) before systemd would SIGKILL. Streaming calls and idle
    /// connections are closed at once, so an ordinary stop does not wait.
    static let shutdownGracePeriod: Duration = .seconds(50)

    static let configuration = CommandConfiguration(
        commandName: "kinerjad",
        abstract: "The Kinerja daemon: Pengelolaan Kinerja deadlines of a district's principals and supervisors.",
        discussion: """
        Runs in the foreground (under systemd: Type=notify, socket activation through kinerjad.socket,
        WatchdogSec, SIGHUP reloads config and rules, SIGTERM stops gracefully).
        Development: kinerjad --config config/kinerja.toml --state-dir .state --socket .state/kinerja.sock
        """,
        version: version)

    @Option(help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "/etc/kinerja/kinerja.toml"

    @Option(help: ArgumentHelp("The Varlink socket to bind when not socket-activated (overrides `socket`).", valueName: "path"))
    var socket: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where the store lives (overrides $STATE_DIRECTORY and `state_directory`).", valueName: "dir"))
    var stateDir: String?

    @Option(name: .customLong("clock-start"), help: ArgumentHelp(
        "Start the daemon's clock at this instant (RFC 3339, e.g. 2025-02-03T08:00:00+08:00), ticking from there. For drills and tests.",
        valueName: "instant"))
    var clockStart: String?

    @Option(name: .customLong("clock-rate"), help: ArgumentHelp(
        "Run the daemon's clock N times faster than real time, its timers included (the reminder scheduler's sleeps, hook retries): a drill runs a year through one daemon in minutes.",
        valueName: "N"))
    var clockRate: Int = 1

    @Flag(name: .customLong("check-config"), help: "Check the configuration and rules, print what is wrong, and exit.")
    var checkConfig = false

    @Option(name: .customLong("copy-store"), parsing: .upToNextOption, help: ArgumentHelp(
        "Copy a whole store FROM TO and exit: a SQLite file into an empty PostgreSQL database (postgresql://…), or back into a new file; every table's rows are counted on both sides. Stop the daemons using either first.",
        valueName: "from> <to"))
    var copyStore: [String] = []

    func validate() throws {
        if !copyStore.isEmpty {
            guard copyStore.count == 2 else {
                throw ValidationError("--copy-store takes two places, FROM and TO (a SQLite file and a postgresql:// url), not \(copyStore.count)")
            }
            guard copyStore.filter({ PostgresStoreURL($0) != nil }).count == 1 else {
                throw ValidationError(
                    "--copy-store copies between a SQLite file and a PostgreSQL database: give one path and one url such as postgresql://kinerja@/kinerja?host=/run/postgresql")
            }
        }
        if let clockStart, Kinerjad.parseInstant(clockStart) == nil {
            throw ValidationError("--clock-start '\(clockStart)' is not an RFC 3339 instant such as 2025-02-03T08:00:00+08:00")
        }
        guard (1...10_000_000).contains(clockRate) else {
            throw ValidationError("--clock-rate \(clockRate) must be a whole number from 1 (real time) to 10000000")
        }
    }

    static func parseInstant(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    /// What the daemon creates (store, backups, what its hooks write) is readable by its
    /// group and nobody else, as under the unit's `UMask=`, however it was started.
    static let umask: mode_t = 0o027

    func run() async throws {
        // A hook that exits without reading its stdin must not take the daemon down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        Glibc.umask(Kinerjad.umask)
        FreedMemory.configure()
        if !copyStore.isEmpty { return try await Kinerjad.copy(from: copyStore[0], to: copyStore[1]) }
        let logger = Logger(label: "kinerjad", factory: JournalLogHandler.factory(identifier: "kinerjad"))
        let environmentState = ProcessInfo.processInfo.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
        let overrides = ConfigOverrides(socket: socket, stateDirectory: stateDir ?? environmentState)
        let settings: Settings
        do {
            let config = overrides.apply(to: try DaemonConfig.load(path: config))
            settings = Settings(config: config, rules: try RulesLoader.load(directory: config.rulesDirectory))
        } catch {
            logger.critical("configuration refused: \(error)")
            Kinerjad.printError("\(error)")
            throw ExitCode(78) // EX_CONFIG: systemd's RestartPreventExitStatus keeps it from looping
        }
        if checkConfig {
            print("\(config): ok; rules years \(settings.rules.years.map(\.year))")
            return
        }
        let clock = DaemonClock(startingAt: clockStart.flatMap(Kinerjad.parseInstant), rate: Double(clockRate))
        if clock.isOverridden {
            logger.warning("the clock was moved with --clock-start or --clock-rate: the daemon's time is not the system's", metadata: [
                "KINERJA_CLOCK_START": "\(clockStart ?? "")", "KINERJA_CLOCK_RATE": "\(clockRate)",
            ])
        }
        // Taken (and LISTEN_* unset) before the store opens: without a socket from systemd the
        // path must not be served by another daemon already.
        let activated = SocketActivation.socket(named: "varlink")
        if activated == nil, let other = Kinerjad.alreadyServed(socket: settings.config.socket) {
            logger.critical("\(other)", metadata: ["KINERJA_SOCKET": "\(settings.config.socket)"])
            Kinerjad.printError(other)
            throw ExitCode(1)
        }
        let stateDirectory = settings.config.stateDirectory
        let storePath = settings.config.storeURL?.description ?? stateDirectory + "/kinerja.sqlite"
        let store: any OfficeStore
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            if let url = settings.config.storeURL {
                store = try await PostgresStore.open(url: url, logger: logger)
            } else {
                store = try SQLiteStore(path: storePath)
            }
        } catch {
            throw Kinerjad.refuseStore(error, path: storePath, logger: logger)
        }
        for partial in BackupDirectory(stateDirectory: stateDirectory).removePartials() {
            logger.notice("removed a backup that a stop interrupted", metadata: ["KINERJA_BACKUP": "\(stateDirectory)/backups/\(partial)"])
        }
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let office = Office(store: store, settings: settings, clock: clock, logger: logger)
        do {
            // The first reads of every plan and of the roster: damage that opening did not
            // reach shows here.
            try await office.start()
        } catch {
            throw Kinerjad.refuseStore(error, path: storePath, logger: logger)
        }

        let hooks = HookDirectory(path: settings.config.hooksDirectory)
        let feed = ReminderFeed()
        let hookWaker = Waker()
        let router = Routes.router(
            office: office, authorizer: Authorizer(adminGroup: settings.config.adminGroup), version: Kinerjad.version,
            hooks: hooks, feed: feed)
        let descriptors = DescriptorBudget.apply(connections: settings.config.maxConnections)
        if descriptors.reduced {
            logger.warning(
                "max_connections \(settings.config.maxConnections) does not fit in \(descriptors.limit) file descriptors with the \(DescriptorBudget.reserve) the daemon keeps for its store and hooks: serving \(descriptors.maxConnections) connections at once (raise LimitNOFILE= to \(settings.config.maxConnections + DescriptorBudget.reserve))",
                metadata: ["KINERJA_MAX_CONNECTIONS": "\(descriptors.maxConnections)", "KINERJA_NOFILE": "\(descriptors.limit)"])
        }
        let server = VarlinkServer(
            router: router,
            configuration: .init(
                idleTimeout: .seconds(settings.config.idleTimeoutSeconds), maxConnections: descriptors.maxConnections,
                shutdownGracePeriod: Kinerjad.shutdownGracePeriod),
            logger: logger)
        do {
            if let activated {
                try await server.adopt(listeningSocket: activated.fd)
                logger.info("serving the socket-activated socket", metadata: ["KINERJA_FD_NAME": "\(activated.name)"])
            } else {
                let path = settings.config.socket
                try FileManager.default.createDirectory(
                    atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
                try await server.bind(path: path, mode: 0o660)
                logger.info("listening", metadata: ["KINERJA_SOCKET": "\(path)"])
            }
        } catch {
            logger.critical("cannot listen: \(error)")
            Kinerjad.printError("\(error)")
            throw ExitCode(1)
        }

        let notifier = SystemdNotifier()
        let summary: @Sendable () async -> String = {
            guard let status = try? await office.status(version: Kinerjad.version) else { return "kinerjad running" }
            let c = status.counts
            let next = office.nextReminder.withLock { $0 }.map { CoreToWire.timestamp($0, in: office.calendar) } ?? "none"
            return "\(status.currentCycle): \(c.plans) plans, \(c.overdue) overdue, \(c.blocked) blocked, next reminder \(next)"
        }
        let claimant = Kinerjad.claimant(startedAt: office.startedAt)
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: RPCService(server: server)),
                .init(service: NotifierService(notifier: notifier, summary: summary, logger: logger)),
                .init(service: ReminderScheduler(
                    office: office, journal: ReminderJournal(), hooks: hooks, waker: office.changed, hookWaker: hookWaker, feed: feed,
                    logger: logger, claimant: claimant)),
                .init(service: HeartbeatService(store: store, clock: office.clock, claimant: claimant, logger: logger)),
                .init(service: StoreFollowerService(store: store, logger: logger)),
                .init(service: HookService(office: office, hooks: hooks, waker: hookWaker, logger: logger, claimant: claimant)),
                .init(service: ReloadService(
                    office: office, configPath: config, overrides: overrides, notifier: notifier, summary: summary, logger: logger,
                    signals: hangups)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.notice("kinerjad started", metadata: [
            "KINERJA_VERSION": "\(Kinerjad.version)", "KINERJA_STORE": "\(store.location)", "KINERJA_TODAY": "\(office.today())",
        ])
        try await group.run()
        // Closed explicitly, not left to deinit at exit (which need not run): the last
        // connection checkpoints the WAL and removes -wal and -shm, so a stopped daemon
        // leaves the one file an administrator copies or restores.
        do { try await store.close() } catch { logger.warning("closing the store: \(error)", metadata: ["KINERJA_STORE": "\(store.location)"]) }
        logger.notice("kinerjad stopped")
    }

    /// Why a daemon must not start on `path`, when a server answers there (nil otherwise):
    /// checked before the store is opened, because opening migrates a store from an older
    /// Kinerja and the first roster read may write plans, which must not happen under a
    /// running daemon (a second `make run`, a manual start beside the unit). Binding checks
    /// again and replaces a socket file nobody answers on; it cannot come first, since the
    /// server's routes need the open store. Two daemons started at the same instant can both
    /// pass this check: the second then stops at binding, after it opened the store.
    static func alreadyServed(socket path: String) -> String? {
        guard let client = try? VarlinkClient(path: path, timeout: .seconds(2)) else { return nil }
        defer { client.close() }
        let who = (try? client.call(VarlinkService.GetInfo.self)).map { "\($0.product) \($0.version)" } ?? "another server"
        return "\(who) already answers on \(path): stop it first, or give this one another --socket"
    }

    /// Reports a store the daemon cannot serve (journal and one line on stderr) and returns
    /// the exit status: 78, like a bad configuration, when restarting cannot help because the
    /// file is damaged or from a newer Kinerja (RestartPreventExitStatus=78 in the unit stops
    /// a crash loop; an administrator restores a backup); 1 otherwise, e.g. for a state
    /// directory that is not there yet.
    static func refuseStore(_ error: any Error, path: String, logger: Logger) -> ExitCode {
        let reported = SQLiteStore.damage(in: error, path: path) ?? error
        logger.critical("cannot open the store: \(reported)", metadata: ["KINERJA_STORE": "\(path)"])
        printError("\(reported)")
        switch reported as? StoreError {
        case .unreadable?, .newerSchema?: return ExitCode(78)
        default: return ExitCode(1)
        }
    }

    /// Names this daemon in the reminder and delivery claims it makes in the store and in its
    /// heartbeats: the host, the process and its start, so that a restarted daemon does not
    /// take its predecessor's claims for its own (they become uncertain once its heartbeat
    /// is stale).
    static func claimant(startedAt: Date) -> String {
        "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(Int(startedAt.timeIntervalSince1970))"
    }

    /// One line on stderr for a failure at start, so `make run` and `systemctl status` show it.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("kinerjad: \(message)\n".utf8))
    }
}
