import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the end-to-end tests find the package, the binaries under test and the Python
/// reference client, and a few helpers shared by the suites.
enum TestEnvironment {
    /// The package root: this file is `<root>/Tests/EndToEndTests/TestEnvironment.swift`.
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// `$KINERJA_BIN_DIR` (what `make test` passes: `swift build --show-bin-path`), else `<root>/.build/debug`.
    static let binDirectory: String = {
        if let dir = ProcessInfo.processInfo.environment["KINERJA_BIN_DIR"], !dir.isEmpty { return dir }
        return packageRoot + "/.build/debug"
    }()

    static var kinerjad: String { binDirectory + "/kinerjad" }
    static var kinerjactl: String { binDirectory + "/kinerjactl" }

    /// The shipped configuration; its `rules_directory = "rules"` resolves to `<root>/config/rules`.
    static var configPath: String { packageRoot + "/config/kinerja.toml" }
    static var rulesDirectory: String { packageRoot + "/config/rules" }
    static func example(_ name: String) -> String { packageRoot + "/config/examples/" + name }

    /// `$KINERJA_PYTHON`: the interpreter with `varlink` installed (`make test-deps`).
    static var python: String? {
        guard let path = ProcessInfo.processInfo.environment["KINERJA_PYTHON"], !path.isEmpty else { return nil }
        return path
    }

    /// The "today" of the example district (config/examples/README.md): 25 November 2026.
    static let exampleClockStart = "2026-11-25T08:00:00+07:00"

    /// A fresh directory `/tmp/kinerja-e2e-XXXXXX` (short, so Unix socket paths stay far
    /// below the 108-byte limit of `sun_path`).
    static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/kinerja-e2e-XXXXXX".utf8CString)
        guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestFailure("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        return String(cString: result)
    }

    /// Finds an executable on `$PATH` (plus the sbin directories, which a root shell has).
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        for directory in directories where access(directory + "/" + name, X_OK) == 0 {
            return directory + "/" + name
        }
        return nil
    }

    /// `CLOCK_MONOTONIC` now, in microseconds: what systemd compares `MONOTONIC_USEC=` with.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }

    /// Removes a directory tree, ignoring errors (cleanup).
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A failure of the test machinery itself, with a message meant for the person reading the test log.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
