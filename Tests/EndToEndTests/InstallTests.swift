import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `make install-files` (what `make install` runs after building): the installed tree, the
/// systemd files as systemd's own tools read them, the manual pages, and the installed
/// daemon running as the kinerja user under socket activation.
@Suite("Installation", .timeLimit(.minutes(3)))
struct InstallTests {
    /// Every file `make install-files DESTDIR=… PREFIX=/usr` puts in place, with its mode.
    static var expectedTree: [String: mode_t] {
        var tree: [String: mode_t] = [
            "usr/bin/kinerjad": 0o755,
            "usr/bin/kinerjactl": 0o755,
            "usr/bin/kinerja-web": 0o755,
            "lib/systemd/system/kinerjad.service": 0o644,
            "lib/systemd/system/kinerjad.socket": 0o644,
            "lib/systemd/system/kinerja-web.service": 0o644,
            "lib/systemd/system/kinerja-web.socket": 0o644,
            "usr/lib/sysusers.d/kinerja.conf": 0o644,
            "usr/lib/tmpfiles.d/kinerja.conf": 0o644,
            "usr/lib/systemd/catalog/kinerja.catalog": 0o644,
            // Readable by the kinerja user: ConfigurationDirectory= leaves /etc/kinerja to root.
            "etc/kinerja/kinerja.toml": 0o644,
            // Not executable, so not a hook until the operator copies and enables it.
            "etc/kinerja/hooks.d/50-append-to-file.example": 0o644,
            "usr/share/man/man1/kinerjactl.1": 0o644,
            "usr/share/man/man5/kinerja.toml.5": 0o644,
            "usr/share/man/man8/kinerjad.8": 0o644,
            "usr/share/bash-completion/completions/kinerjactl": 0o644,
            "usr/share/zsh/vendor-completions/_kinerjactl": 0o644,
            "usr/share/fish/vendor_completions.d/kinerjactl.fish": 0o644,
        ]
        let rules = (try? FileManager.default.contentsOfDirectory(atPath: TestEnvironment.rulesDirectory)) ?? []
        for name in rules where name.hasSuffix(".toml") { tree["etc/kinerja/rules/" + name] = 0o644 }
        return tree
    }

    @Test("make install-files lays out the whole tree; a second install keeps an edited config; uninstall keeps config and rules")
    func installedTree() throws {
        let installation = try Installation(.destdir)
        let expected = Self.expectedTree
        #expect(expected.keys.contains { $0.hasPrefix("etc/kinerja/rules/2025") })
        let files = installation.files()
        #expect(files == expected, "installed: \(files.keys.sorted())")

        let service = try String(contentsOfFile: installation.unit("kinerjad.service"), encoding: .utf8)
        #expect(service.contains("\nExecStart=/usr/bin/kinerjad --config /etc/kinerja/kinerja.toml\n"))
        let web = try String(contentsOfFile: installation.unit("kinerja-web.service"), encoding: .utf8)
        #expect(web.contains("\nExecStart=/usr/bin/kinerja-web --socket /run/kinerja/kinerja.sock\n"))
        let installedConfig = try String(contentsOfFile: installation.config, encoding: .utf8)
        #expect(installedConfig == (try String(contentsOfFile: TestEnvironment.configPath, encoding: .utf8)))
        for completion in ["usr/share/bash-completion/completions/kinerjactl", "usr/share/zsh/vendor-completions/_kinerjactl",
                           "usr/share/fish/vendor_completions.d/kinerjactl.fish"] {
            let text = try String(contentsOfFile: installation.path(completion), encoding: .utf8)
            #expect(text.contains("kinerjactl") && text.contains("import"), "\(completion) does not complete kinerjactl")
        }

        // An operator's edit of /etc/kinerja/kinerja.toml survives a reinstall (an upgrade).
        let edited = installedConfig.replacingOccurrences(of: "timezone = \"Asia/Jakarta\"", with: "timezone = \"Asia/Makassar\"")
        #expect(edited != installedConfig)
        try edited.write(toFile: installation.config, atomically: true, encoding: .utf8)
        let again = try Installation.make(["install-files", "BIN_DIR=\(TestEnvironment.binDirectory)", "DESTDIR=\(installation.root)", "PREFIX=/usr"])
        #expect(again.status == 0, "\(again)")
        #expect(try String(contentsOfFile: installation.config, encoding: .utf8) == edited)

        let removed = try Installation.make(["uninstall", "DESTDIR=\(installation.root)", "PREFIX=/usr"])
        #expect(removed.status == 0, "\(removed)")
        let kept = installation.files().keys.sorted()
        #expect(kept == expected.keys.filter { $0 == "etc/kinerja/kinerja.toml" || $0.hasPrefix("etc/kinerja/rules/") }.sorted())
    }

    @Test("sysusers, tmpfiles and the catalog, applied to the installed tree by systemd's own tools")
    func systemdDataFiles() throws {
        let installation = try Installation(.destdir)
        let root = "--root=\(installation.root)"
        let sysusers = try ChildProcess.run(try tool("systemd-sysusers"), [root], timeout: 30)
        #expect(sysusers.status == 0, "\(sysusers)")
        let passwd = try String(contentsOfFile: installation.path("etc/passwd"), encoding: .utf8)
        let group = try String(contentsOfFile: installation.path("etc/group"), encoding: .utf8)
        let kinerja = passwd.split(separator: "\n").first { $0.hasPrefix("kinerja:") }.map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        #expect(kinerja?[5] == "/var/lib/kinerja")
        #expect(kinerja?[6].hasSuffix("nologin") == true)
        #expect(group.contains("\nkinerja-admin:") || group.hasPrefix("kinerja-admin:"))

        let tmpfiles = try ChildProcess.run(try tool("systemd-tmpfiles"), [root, "--create"], timeout: 30)
        #expect(tmpfiles.status == 0, "\(tmpfiles)")
        var state = stat()
        #expect(stat(installation.path("var/lib/kinerja"), &state) == 0)
        #expect(state.st_mode & 0o777 == 0o750)
        #expect(kinerja.map { String(state.st_uid) == $0[2] } == true, "/var/lib/kinerja is not owned by kinerja")
        #expect(access(installation.path("run/kinerja"), F_OK) == 0)

        let journalctl = try tool("journalctl")
        let update = try ChildProcess.run(journalctl, [root, "--update-catalog"], timeout: 30)
        #expect(update.status == 0, "\(update)")
        let catalog = try ChildProcess.run(journalctl, [root, "--list-catalog"], timeout: 30)
        for id in ["5e7b5c6d3b5d4791ba08a97e1a2d93b2", "8319cef1524f4d6e8d747098f0258724", "02ebd28ec11d4a6a84c461d879a0bb6f",
                   "ed4a7ac0198f4e408af76bc1efe6d528", "0157c12b6f364e5e998a9e5c6a690136"] {
            #expect(catalog.stdout.contains(id + " kinerja: "), "catalog entry \(id) missing:\n\(catalog)")
        }
    }

    @Test("systemd-analyze verify accepts both units, and refuses a broken copy")
    func unitsVerify() throws {
        let installation = try Installation(.prefix)
        let analyze = try tool("systemd-analyze")
        // Documentation=man:… is checked too: man must find the installed pages.
        let environment = ProcessInfo.processInfo.environment.merging(["MANPATH": installation.path("usr/share/man")]) { _, new in new }
        let units = ["kinerjad.socket", "kinerjad.service", "kinerja-web.socket", "kinerja-web.service"].map(installation.unit)
        let verified = try ChildProcess.run(analyze, ["verify"] + units, environment: environment, timeout: 60)
        #expect(verified.status == 0 && verified.stderr.isEmpty && verified.stdout.isEmpty, "\(verified)")

        let broken = installation.path("lib/systemd/system/kinerjad-broken.service")
        let text = try String(contentsOfFile: installation.unit("kinerjad.service"), encoding: .utf8)
        try text.replacingOccurrences(of: "/usr/bin/kinerjad ", with: "/usr/bin/kinerjad-missing ").write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try ChildProcess.run(analyze, ["verify", broken], environment: environment, timeout: 60)
        #expect(refused.status != 0 && refused.stderr.contains("kinerjad-missing"), "\(refused)")
    }

    @Test("exposure of kinerjad.service is below systemd-timesyncd's 2.3")
    func exposureScore() throws {
        let score = try Self.exposure(of: TestEnvironment.packageRoot + "/systemd/kinerjad.service")
        print("systemd-analyze security --offline=true systemd/kinerjad.service: \(score)")
        #expect(score < 2.3)
        // Where systemd-timesyncd is installed, measure it in the same run too.
        let timesyncd = "/lib/systemd/system/systemd-timesyncd.service"
        if access(timesyncd, R_OK) == 0 {
            let reference = try Self.exposure(of: timesyncd)
            print("systemd-timesyncd.service: \(reference)")
            #expect(score < reference)
        }
    }

    @Test("exposure of kinerja-web.service is no higher than kinerjad.service's")
    func webExposureScore() throws {
        let web = try Self.exposure(of: TestEnvironment.packageRoot + "/systemd/kinerja-web.service")
        let daemon = try Self.exposure(of: TestEnvironment.packageRoot + "/systemd/kinerjad.service")
        print("systemd-analyze security --offline=true systemd/kinerja-web.service: \(web) (kinerjad.service: \(daemon))")
        #expect(web <= daemon)
    }

    @Test("manual pages render with man -l")
    func manualPages() throws {
        let installation = try Installation(.destdir)
        let man = try tool("man")
        let pages: [(String, [String])] = [
            ("usr/share/man/man8/kinerjad.8", ["KINERJAD(8)", "--config", "--state-dir"]),
            ("usr/share/man/man1/kinerjactl.1", ["KINERJACTL(1)", "import", "people", "--socket"]),
            ("usr/share/man/man5/kinerja.toml.5", ["KINERJA.TOML(5)", "fire_time", "admin_group", "timeout_seconds"]),
        ]
        for (page, phrases) in pages {
            let rendered = try ChildProcess.run(
                man, ["-l", installation.path(page)], environment: ["PATH": "/usr/bin:/bin", "MANWIDTH": "100", "LANG": "C.UTF-8"], timeout: 30)
            #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(rendered)")
            #expect(rendered.stdout.contains("NAME"))
            for phrase in phrases { #expect(rendered.stdout.contains(phrase), "\(page) lacks \(phrase)") }
        }
    }

    @Test("the installed kinerjad, as the kinerja user under systemd-socket-activate, driven by the installed kinerjactl")
    func installedDaemonAsKinerjaUser() throws {
        let installation = try Installation(.destdir)
        // The accounts of the installed sysusers.d file, created on this machine.
        let sysusers = try ChildProcess.run(try tool("systemd-sysusers"), [installation.path("usr/lib/sysusers.d/kinerja.conf")], timeout: 30)
        #expect(sysusers.status == 0, "\(sysusers)")
        let account = try #require(Account(name: "kinerja"))
        #expect(account.uid != 0)

        let daemon = try DaemonProcess(
            launch: .socketActivated, executable: installation.kinerjad, config: installation.config, user: account)
        try daemon.start()
        var cli = CLI(daemon)
        cli.executable = installation.kinerjactl
        let mark = daemon.notify.count
        let status = try cli.status()
        try daemon.waitUntilReady(after: mark)
        #expect(status.storePath == daemon.stateDirectory + "/kinerja.sqlite")

        // The daemon process is the installed binary, running as kinerja.
        let pid = try #require(daemon.pid)
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
        #expect(exe == installation.kinerjad)
        let procStatus = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let uidLine = procStatus.split(separator: "\n").first { $0.hasPrefix("Uid:") } ?? ""
        let uids = uidLine.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().map(String.init)
        #expect(uids == Array(repeating: String(account.uid), count: 4), "real, effective, saved, fs uid: \(uidLine)")

        let imported = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        #expect(imported.applied && imported.problems.isEmpty && imported.added > 0, "\(imported)")
        #expect(try cli.people().count >= imported.rows)
        var store = stat()
        #expect(stat(daemon.stateDirectory + "/kinerja.sqlite", &store) == 0)
        #expect(store.st_uid == account.uid, "the store is not owned by kinerja")

        let stopped = daemon.stop()
        #expect(stopped == 0, "\(daemon.logs())")
        // A stopped daemon leaves no WAL content that a restored copy would be replayed with.
        var wal = stat()
        if stat(daemon.stateDirectory + "/kinerja.sqlite-wal", &wal) == 0 { #expect(wal.st_size == 0) }
    }

    /// `systemd-analyze security --offline=true UNIT`'s overall exposure.
    static func exposure(of unit: String) throws -> Double {
        let result = try ChildProcess.run(try tool("systemd-analyze"), ["security", "--offline=true", "--no-pager", unit], timeout: 60)
        guard let line = result.stdout.split(separator: "\n").first(where: { $0.contains("Overall exposure level") }),
              let number = line.split(separator: ":").last?.split(separator: " ").first, let score = Double(number) else {
            throw TestFailure("no exposure level in:\n\(result)")
        }
        return score
    }
}

/// A tool from the systemd or man-db packages that `make deps` installs.
private func tool(_ name: String) throws -> String {
    guard let path = TestEnvironment.which(name) else { throw TestFailure("\(name) is not installed (run make deps)") }
    return path
}
