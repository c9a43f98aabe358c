import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// This checkout's build installed by `make install-files` into a fresh directory, as an
/// operator's `make install` would lay it out, without touching the machine's /usr or /etc.
///
/// Both layouts put the files at the same places under ``root``; they differ in the paths
/// written into the files:
/// - ``Layout/destdir``: `DESTDIR=root PREFIX=/usr`, what a package build does: the unit
///   says `ExecStart=/usr/bin/kinerjad`.
/// - ``Layout/prefix``: `PREFIX=root/usr` and every other directory under root, so the
///   unit names the binary where it really is and `systemd-analyze verify` can check it.
final class Installation {
    enum Layout {
        case destdir
        case prefix
    }

    let root: String

    init(_ layout: Layout) throws {
        root = try TestEnvironment.makeTemporaryDirectory()
        // Other accounts (the kinerja user) must reach the installed programs and config.
        guard chmod(root, 0o755) == 0 else { throw TestFailure("chmod \(root): \(String(cString: strerror(errno)))") }
        do {
            let variables: [String] = switch layout {
            case .destdir: ["DESTDIR=\(root)", "PREFIX=/usr"]
            case .prefix:
                ["DESTDIR=", "PREFIX=\(root)/usr", "UNITDIR=\(root)/lib/systemd/system", "LIBDIR=\(root)/usr/lib",
                 "SYSCONFDIR=\(root)/etc"]
            }
            let result = try Self.make(["install-files", "BIN_DIR=\(TestEnvironment.binDirectory)"] + variables)
            guard result.status == 0 else { throw TestFailure("make install-files failed:\n\(result)") }
        } catch {
            TestEnvironment.removeTree(root)
            throw error
        }
    }

    deinit { TestEnvironment.removeTree(root) }

    /// Runs the project's Makefile with `arguments`, outside the `make test` that may have
    /// started this process (its jobserver descriptors are not ours).
    static func make(_ arguments: [String]) throws -> CommandResult {
        guard let make = TestEnvironment.which("make") else { throw TestFailure("make is not installed") }
        var environment = ProcessInfo.processInfo.environment
        for key in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"] { environment[key] = nil }
        return try ChildProcess.run(make, ["-s", "-C", TestEnvironment.packageRoot] + arguments, environment: environment, timeout: 120)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    var kinerjad: String { path("usr/bin/kinerjad") }
    var kinerjactl: String { path("usr/bin/kinerjactl") }
    var config: String { path("etc/kinerja/kinerja.toml") }
    func unit(_ name: String) -> String { path("lib/systemd/system/" + name) }

    /// Every regular file under ``root``, relative, with its permission bits.
    func files() -> [String: mode_t] {
        var found: [String: mode_t] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return found }
        while let relative = walker.nextObject() as? String {
            var info = stat()
            if lstat(path(relative), &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                found[relative] = info.st_mode & 0o7777
            }
        }
        return found
    }
}
