import Foundation
import KinerjaRPC
import Testing

/// Who may change data: reading is open to whoever can connect; changes need root, the
/// daemon's user or the admin group (`admin_group`, default `kinerja-admin`).
///
/// Serialized: the tests add and remove the account's membership of the admin group.
@Suite("Authorization", .serialized)
struct AuthorizationTests {
    static let user = "kinerja-e2e-user"
    static let adminGroup = "kinerja-admin"  // config/kinerja.toml's admin_group

    static func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        guard let path = TestEnvironment.which(tool) else { throw TestFailure("\(tool) is not installed") }
        return try ChildProcess.run(path, arguments, timeout: 60)
    }

    /// The unprivileged account, created if missing, and NOT in the admin group.
    static func unprivilegedAccount() throws -> Account {
        if Account(name: user) == nil {
            let created = try run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user])
            guard created.status == 0 || created.status == 9 else { throw TestFailure("useradd failed: \(created)") }
        }
        if try run("getent", ["group", adminGroup]).status == 0 {
            _ = try run("gpasswd", ["-d", user, adminGroup])  // fails harmlessly when not a member
        }
        guard let account = Account(name: user) else { throw TestFailure("no account \(user) after useradd") }
        return account
    }

    /// A daemon whose socket an unprivileged client can reach, a kinerjactl it can run and
    /// the example roster it can read: copies of both beside the socket, since the checkout
    /// itself may be where only root may enter (a clone under /root).
    static func openDaemon() throws -> (daemon: DaemonProcess, cli: CLI, roster: String) {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        // For the test only: the daemon binds its socket 0660 (under systemd: group kinerja),
        // inside our 0700 temporary directory. Open both so that an unprivileged client can
        // connect at all; what is tested is the daemon's own per-call check (SO_PEERCRED).
        chmod(daemon.directory, 0o711)
        chmod(daemon.socketPath, 0o666)
        var cli = CLI(daemon)
        cli.executable = try copy(TestEnvironment.kinerjactl, into: daemon.directory, mode: 0o755)
        return (daemon, cli, try copy(TestEnvironment.example("roster.csv"), into: daemon.directory, mode: 0o644))
    }

    /// A copy of `path` in `directory` with `mode`; its path.
    static func copy(_ path: String, into directory: String, mode: mode_t) throws -> String {
        let target = directory + "/" + URL(fileURLWithPath: path).lastPathComponent
        try FileManager.default.copyItem(atPath: path, toPath: target)
        guard chmod(target, mode) == 0 else { throw TestFailure("chmod \(target): \(String(cString: strerror(errno)))") }
        return target
    }

    @Test("an unprivileged user may read (exit 0) but not change (exit 4); root may")
    func unprivilegedUserReadsOnly() throws {
        let account = try Self.unprivilegedAccount()
        let (daemon, cli, roster) = try Self.openDaemon()
        defer { withExtendedLifetime(daemon) {} }
        let principal = RosterAndWorkflowTests.principal

        let status = try cli.run(["status", "--json"], as: .user(Self.user))
        #expect(status.status == 0, "\(status)")
        #expect(try CLI.decode(Status.self, from: status).currentCycle == "2026-2")

        let importing = try cli.run(["import", "roster", roster], as: .user(Self.user))
        #expect(importing.status == 4, "\(importing)")
        #expect(importing.stderr.contains("permission denied"), "\(importing)")
        #expect(importing.stderr.split(separator: "\n").count == 1, "one line: \(importing)")
        #expect(try cli.people(["--all"]).isEmpty, "nothing written")

        // Root imports; the user still may not record a step, nor take a backup.
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let completing = try cli.run(["plan", "complete", principal, "praktik-kinerja", "--date", "2026-07-06", "--praktik-kinerja", "d3-visi-misi"], as: .user(Self.user))
        #expect(completing.status == 4, "\(completing)")
        #expect(completing.stderr.contains("permission denied"), "\(completing)")
        let backup = try cli.run(["backup"], as: .user(Self.user))
        #expect(backup.status == 4, "\(backup)")
        let readPlan = try cli.run(["plan", "show", principal, "--json"], as: .user(Self.user))
        #expect(readPlan.status == 0, "\(readPlan)")
        #expect(try CLI.decode(PlanDetail.self, from: readPlan).summary.step == "praktik-kinerja", "the refused change wrote nothing")
        #expect(account.uid != 0)

        // Root: the same change goes through and the audit names root.
        let plan = try cli.json(PlanDetail.self, ["plan", "complete", principal, "praktik-kinerja", "--date", "2026-07-06", "--praktik-kinerja", "d3-visi-misi"])
        #expect(plan.summary.step == "pengembangan-kompetensi")
        let history = try cli.history(plan.summary.plan)
        #expect(history.count == 1)
        #expect(history.first?.user == "root" && history.first?.uid == 0 && history.first?.action == "selesai praktik-kinerja")
    }

    @Test("a member of the admin group may change, and the audit names that user")
    func adminGroupMemberMayChange() throws {
        let account = try Self.unprivilegedAccount()
        let groupExisted = try Self.run("getent", ["group", Self.adminGroup]).status == 0
        if !groupExisted {
            let created = try Self.run("groupadd", ["--system", Self.adminGroup])
            try #require(created.status == 0, "\(created)")
        }
        defer {
            _ = try? Self.run("gpasswd", ["-d", Self.user, Self.adminGroup])
            if !groupExisted { _ = try? Self.run("groupdel", [Self.adminGroup]) }
        }
        let (daemon, cli, roster) = try Self.openDaemon()
        defer { withExtendedLifetime(daemon) {} }
        let principal = RosterAndWorkflowTests.principal

        // Not yet a member: refused.
        let before = try cli.run(["import", "roster", roster], as: .userWithGroups(Self.user))
        #expect(before.status == 4, "\(before)")

        let added = try Self.run("usermod", ["-aG", Self.adminGroup, Self.user])
        try #require(added.status == 0, "\(added)")

        let imported = try cli.run(["import", "roster", roster, "--json"], as: .userWithGroups(Self.user))
        #expect(imported.status == 0, "\(imported)")
        #expect(try CLI.decode(ImportResult.self, from: imported).goodRows == 35)

        let completed = try cli.run(
            ["plan", "complete", principal, "praktik-kinerja", "--date", "2026-07-06", "--praktik-kinerja", "d3-visi-misi", "--json"], as: .userWithGroups(Self.user))
        #expect(completed.status == 0, "\(completed)")
        let plan = try CLI.decode(PlanDetail.self, from: completed)
        let history = try cli.history(plan.summary.plan)
        #expect(history.count == 1)
        #expect(history.first?.user == Self.user, "\(history)")
        #expect(history.first?.uid == Int(account.uid), "\(history)")
        let personHistory = try cli.history(principal)
        #expect(personHistory.contains { $0.action == "person added" && $0.user == Self.user && $0.uid == Int(account.uid) })
    }
}

/// A socket the user may not open: the daemon never hears of the call, so the answer comes
/// from the kernel (EACCES on connect) and kinerjactl says which group to join.
@Suite("Socket permission", .serialized)
struct SocketPermissionTests {
    static let group = "kinerja"

    @Test("a user outside the socket's group: exit 4 and how to join the group, not exit 3 'is the service running?'")
    func notInTheSocketsGroup() throws {
        _ = try AuthorizationTests.unprivilegedAccount()
        let groupExisted = try AuthorizationTests.run("getent", ["group", Self.group]).status == 0
        if !groupExisted {
            let created = try AuthorizationTests.run("groupadd", ["--system", Self.group])
            try #require(created.status == 0, "\(created)")
        }
        defer { if !groupExisted { _ = try? AuthorizationTests.run("groupdel", [Self.group]) } }
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        // As under systemd: the socket 0660 in the group kinerja; its directory may be entered.
        chmod(daemon.directory, 0o711)
        let chgrp = try AuthorizationTests.run("chgrp", [Self.group, daemon.socketPath])
        try #require(chgrp.status == 0 && chmod(daemon.socketPath, 0o660) == 0, "\(chgrp)")
        var cli = CLI(daemon, language: nil)
        cli.executable = try AuthorizationTests.copy(TestEnvironment.kinerjactl, into: daemon.directory, mode: 0o755)

        let refused = try cli.run(["status"], as: .user(AuthorizationTests.user))
        #expect(refused.status == 4, "\(refused)")
        #expect(refused.stderr.contains("tidak ada izin membuka soket kinerjad \(daemon.socketPath)"), "\(refused)")
        #expect(refused.stderr.contains("sudo usermod -aG kinerja \(AuthorizationTests.user)"), "\(refused)")
        #expect(!refused.stderr.contains("apakah layanan berjalan"), "\(refused)")
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stdout.isEmpty, "\(refused)")

        cli.language = "en"
        let english = try cli.run(["people", "list"], as: .user(AuthorizationTests.user))
        #expect(english.status == 4 && english.stderr.contains("add yourself to the group kinerja"), "\(english)")
        #expect(try CLI(daemon).status().currentCycle == "2026-2", "the daemon runs all along")
    }
}
