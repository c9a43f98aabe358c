import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdBcrypt
import KinerjaRPC
import KinerjaWeb
import Logging
import ServiceLifecycle
import Systemd

/// kinerja-web: the office head's read-only dashboard over kinerjad's read methods.
@main
struct KinerjaWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerja-web",
        abstract: "The office head's read-only dashboard: pages, CSV and .xlsx lists, calendar feeds, from kinerjad.",
        discussion: """
        A Varlink client of kinerjad's read methods; it never opens the store. Development:
        kinerja-web --socket .state/kinerja.sock --listen 127.0.0.1:8080
        """,
        subcommands: [Serve.self, HashPassword.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the dashboard (the default).")

    @Option(help: ArgumentHelp("kinerjad's Varlink socket.", valueName: "path"))
    var socket = "/run/kinerja/kinerja.sock"

    @Option(help: ArgumentHelp("Address and port to listen on when not socket-activated; only a loopback address without --users.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("Readers who may sign in: name:bcrypt-hash lines (see hash-password). Needed to listen beyond loopback.", valueName: "file"))
    var users: String?

    @Option(name: .customLong("proxy-user-header"), help: ArgumentHelp(
        "Trust this header for the reader's name, set by an authenticating reverse proxy on the same machine (loopback only).",
        valueName: "name"))
    var proxyUserHeader: String?

    @Option(name: .customLong("feed-key"), help: ArgumentHelp(
        "Secret key file (16 bytes or more) the calendar feeds' URL tokens derive from; default $CREDENTIALS_DIRECTORY/feed.key. Without one, no feeds.",
        valueName: "file"))
    var feedKey: String?

    @Option(help: ArgumentHelp("The office's name, in the calendars' names and event ids.", valueName: "name"))
    var office = "Kinerja"

    @Option(name: .customLong("public-url"), help: ArgumentHelp("The address readers use (e.g. https://kinerja.dinas.example), for the feed links.", valueName: "url"))
    var publicURL: String?

    @Option(help: ArgumentHelp("Connections to kinerjad, and threads that use them.", valueName: "n"))
    var connections = 4

    func validate() throws {
        guard let (host, port) = Serve.split(listen) else {
            throw ValidationError("--listen '\(listen)' is not host:port, e.g. 127.0.0.1:8080")
        }
        _ = port
        if users != nil && proxyUserHeader != nil {
            throw ValidationError("give --users (sign-in) or --proxy-user-header (a proxy signs readers in), not both")
        }
        if !Serve.isLoopback(host), users == nil {
            throw ValidationError(
                "--listen \(listen) is not a loopback address: readers on the network must sign in (--users FILE), or put an authenticating reverse proxy in front and keep kinerja-web on 127.0.0.1")
        }
        guard (1...64).contains(connections) else { throw ValidationError("--connections \(connections) must be from 1 to 64") }
    }

    static func split(_ address: String) -> (String, Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Whether a listening socket's own address is a loopback one (an AF_UNIX socket is
    /// reached only on this machine, so it counts as one).
    static func isLoopback(fd: CInt) -> Bool {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return false }
        switch Int32(storage.ss_family) {
        case AF_UNIX: return true
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) >> 24 == 127 }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    withUnsafeBytes(of: $0.pointee.sin6_addr) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
                }
            }
        default: return false
        }
    }

    func run() async throws {
        let logger = Logger(label: "kinerja-web", factory: JournalLogHandler.factory(identifier: "kinerja-web"))
        let access: Access
        do {
            if let users {
                access = .login(try Users(parsing: String(contentsOfFile: users, encoding: .utf8)))
            } else if let proxyUserHeader {
                access = .proxyHeader(proxyUserHeader)
            } else {
                access = .loopback
            }
        } catch {
            logger.critical("users file refused: \(error)")
            throw Serve.fail("\(users ?? ""): \(error)")
        }
        let credentials = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"].map { $0 + "/feed.key" }
        let keyPath = feedKey ?? credentials.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        let feeds: FeedTokens?
        do {
            feeds = try keyPath.map { try FeedTokens(keyFile: $0) }
        } catch {
            logger.critical("configuration refused: \(error)")
            throw Serve.fail("\(error)")
        }
        let daemon = DaemonConnections(socketPath: socket, threads: connections)
        let web = WebEnvironment(
            reads: KeptReads(connections: daemon), feeds: feeds, office: office, publicURL: publicURL)
        let router = WebRouter.router(web, access: access)

        let sockets = SocketActivation.listenedSockets()
        let activated = SocketActivation.socket(named: "http", from: sockets) ?? sockets.first
        let server: any Service
        if let activated {
            if !access.signsIn, !Serve.isLoopback(fd: activated.fd) {
                logger.critical("the socket systemd passed is not on a loopback address, and no --users was given")
                throw Serve.fail("the socket from systemd is not on a loopback address: give --users FILE, or listen on 127.0.0.1")
            }
            server = ActivatedServer(fd: activated.fd, router: router, logger: logger)
            logger.info("serving the socket-activated socket", metadata: ["KINERJA_FD_NAME": "\(activated.name)"])
        } else {
            let (host, port) = Serve.split(listen)!
            server = Application(
                router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil), logger: logger)
        }
        logger.notice("kinerja-web started", metadata: [
            "KINERJA_SOCKET": "\(socket)", "KINERJA_LISTEN": "\(activated == nil ? listen : "socket-activated")",
            "KINERJA_FEEDS": "\(feeds != nil)",
        ])
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await daemon.shutdown()
    }

    /// A refusal at start: the reason on stderr, exit 78 (EX_CONFIG) so that systemd does
    /// not restart a unit whose configuration is wrong.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("kinerja-web: \(message)\n".utf8))
        return ExitCode(78)
    }
}

/// Prints the bcrypt hash of a password read from standard input, for the users file.
struct HashPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Print a bcrypt hash of the password on standard input, for a users file line name:HASH.")

    func run() throws {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        print(Bcrypt.hash(password, cost: 12))
    }
}

extension Access {
    var signsIn: Bool {
        if case .login = self { return true }
        return false
    }
}
