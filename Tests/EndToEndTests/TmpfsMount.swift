import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted on a directory for one test, so the test can run the daemon's
/// state directory out of space without touching the machine's disks. Mounting needs root
/// (CAP_SYS_ADMIN); without it the constructor throws, so the test fails and says why.
/// The test must call ``unmount()`` (in a `defer`) after stopping the daemon.
final class TmpfsMount {
    let path: String

    init(path: String, bytes: Int) throws {
        guard let mount = TestEnvironment.which("mount") else { throw TestFailure("mount (util-linux) is not installed") }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try ChildProcess.run(mount, ["-t", "tmpfs", "-o", "size=\(bytes),mode=0750", "kinerja-e2e", path], timeout: 30)
        guard result.status == 0 else {
            throw TestFailure("""
                cannot mount a \(bytes)-byte tmpfs on \(path): this test needs root (CAP_SYS_ADMIN) to give \
                kinerjad a state directory that fills up; run it as root. \(result)
                """)
        }
        self.path = path
    }

    /// Unmounts; lazily (`umount -l`) when something still holds a file open.
    func unmount() {
        guard let umount = TestEnvironment.which("umount") else { return }
        if let result = try? ChildProcess.run(umount, [path], timeout: 30), result.status == 0 { return }
        _ = try? ChildProcess.run(umount, ["-l", path], timeout: 30)
    }

    /// Bytes an unprivileged writer may still use.
    var available: Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return -1 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Writes `name` under the mount until the file system has no page left; the bytes written.
    func fill(_ name: String) throws -> Int {
        let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TestFailure("cannot create \(path)/\(name): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        // Whole pages, large then small: tmpfs hands out space in pages.
        for size in [1 << 20, 1 << 16, 1 << 12] {
            let chunk = [UInt8](repeating: 0x5A, count: size)
            while true {
                let count = chunk.withUnsafeBytes { write(fd, $0.baseAddress, size) }
                if count > 0 { written += count; continue }
                if count < 0 && errno == EINTR { continue }
                guard count < 0 && errno == ENOSPC else {
                    throw TestFailure("writing \(path)/\(name): \(String(cString: strerror(errno)))")
                }
                break
            }
        }
        return written
    }
}
