import Foundation
import KinerjaRPC

#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `kinerjactl` against one socket: `kinerjactl ARGS… --socket SOCKET`, with
/// optional stdin, extra environment and identity; and decodes `--json` output into the
/// wire types of KinerjaRPC.
struct CLI: Sendable {
    /// Who runs the command. The tests run as root; `.user` drops to an account with `setpriv`.
    enum Identity: Sendable {
        case root
        /// `setpriv --reuid=U --regid=G --clear-groups`: no supplementary groups at all.
        case user(String)
        /// `setpriv --reuid=U --regid=G --init-groups`: the account's groups from /etc/group.
        case userWithGroups(String)
    }

    let socket: String
    /// `KINERJA_LANG`; nil leaves the CLI in its default language (Bahasa Indonesia).
    var language: String?
    /// The kinerjactl binary: the build's, or an installed one.
    var executable = TestEnvironment.kinerjactl

    init(socket: String, language: String? = "en") {
        self.socket = socket
        self.language = language
    }

    init(_ daemon: DaemonProcess, language: String? = "en") {
        self.init(socket: daemon.socketPath, language: language)
    }

    /// Runs `kinerjactl arguments… --socket SOCKET` (the global options belong after the subcommand).
    func run(
        _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], as identity: Identity = .root,
        timeout: Double = 60
    ) throws -> CommandResult {
        try CLI.runRaw(
            arguments + ["--socket", socket], stdin: stdin, language: language, environment: extra, as: identity, timeout: timeout,
            executable: executable)
    }

    /// Runs kinerjactl with exactly `arguments` (no `--socket` added).
    static func runRaw(
        _ arguments: [String], stdin: String? = nil, language: String? = "en", environment extra: [String: String] = [:],
        as identity: Identity = .root, timeout: Double = 60, executable ctl: String = TestEnvironment.kinerjactl
    ) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        for key in ["KINERJA_SOCKET", "KINERJA_LANG", "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
            environment[key] = nil
        }
        if let language { environment["KINERJA_LANG"] = language }
        environment.merge(extra) { _, new in new }
        switch identity {
        case .root:
            return try ChildProcess.run(ctl, arguments, environment: environment, stdin: stdin, timeout: timeout)
        case .user(let name), .userWithGroups(let name):
            guard let account = Account(name: name) else { throw TestFailure("no user account \(name)") }
            guard let setpriv = TestEnvironment.which("setpriv") else { throw TestFailure("setpriv (util-linux) is not installed") }
            let groups: String
            if case .user = identity { groups = "--clear-groups" } else { groups = "--init-groups" }
            environment["HOME"] = "/"
            environment["USER"] = name
            environment["LOGNAME"] = name
            return try ChildProcess.run(
                setpriv, ["--reuid=\(account.uid)", "--regid=\(account.gid)", groups, ctl] + arguments,
                environment: environment, stdin: stdin, timeout: timeout)
        }
    }

    /// Runs with `--json`, requires exit 0 and decodes stdout as `T`.
    func json<T: Decodable>(_ type: T.Type, _ arguments: [String], stdin: String? = nil, as identity: Identity = .root) throws -> T {
        let result = try run(arguments + ["--json"], stdin: stdin, as: identity)
        guard result.status == 0 else { throw TestFailure("expected exit 0 from \(result)") }
        return try CLI.decode(type, from: result)
    }

    static func decode<T: Decodable>(_ type: T.Type, from result: CommandResult) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
        } catch {
            throw TestFailure("cannot decode \(T.self) from the output of \(result)\n(\(error))")
        }
    }

    // MARK: Shortcuts for the common reads

    func people(_ extra: [String] = []) throws -> [PositionSummary] {
        try json([PositionSummary].self, ["people", "list"] + extra)
    }

    func plan(_ target: String, npsn: String? = nil) throws -> PlanDetail {
        try json(PlanDetail.self, ["plan", "show", target] + (npsn.map { ["--npsn", $0] } ?? []))
    }

    func status() throws -> Status {
        try json(Status.self, ["status"])
    }

    func history(_ subject: String) throws -> [AuditEntry] {
        try json([AuditEntry].self, ["history", subject])
    }

    func importFile(_ kind: String, _ path: String, _ flags: [String] = []) throws -> ImportResult {
        try json(ImportResult.self, ["import", kind, path] + flags)
    }
}

/// A user account from the passwd database.
struct Account {
    let name: String
    let uid: uid_t
    let gid: gid_t

    init?(name: String) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        self.name = name
        uid = entry.pw_uid
        gid = entry.pw_gid
    }
}
