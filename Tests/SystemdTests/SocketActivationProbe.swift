import Foundation
import Testing

import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The child half of
/// ``ProcessEnvironmentTests/SocketActivationTests/passedSocketsAreFoundInAChildProcess()``.
///
/// Enabled only when the parent sets ``reportVariable``; in a normal run it is
/// skipped. It reports, one line per socket, the descriptor, its name, whether
/// it is a socket, the path it is bound to and whether it is close-on-exec,
/// then whether the `LISTEN_*` variables were unset.
@Suite struct SocketActivationProbe {
    static let reportVariable = "KINERJA_SOCKET_ACTIVATION_PROBE_REPORT"

    /// Test-binary arguments that run only this probe under Swift Testing.
    static let arguments = ["--testing-library", "swift-testing", "--filter", "SocketActivationProbe"]

    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[reportVariable] != nil))
    func reportPassedSockets() throws {
        let reportPath = try #require(ProcessInfo.processInfo.environment[Self.reportVariable])
        var report = ""
        for socket in SocketActivation.listenedSockets() {
            var status = stat()
            let isSocket = fstat(socket.fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
            let cloexec = (fcntl(socket.fd, F_GETFD) & FD_CLOEXEC) != 0
            report += "\(socket.fd) \(socket.name) \(isSocket ? "socket" : "not-a-socket") "
                + "\(Self.boundPath(socket.fd)) \(cloexec ? "cloexec" : "inheritable")\n"
        }
        let variables: [String] = ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"]
        let unset = variables.allSatisfy { getenv($0) == nil }
        report += unset ? "environment unset\n" : "environment kept\n"
        try report.write(toFile: reportPath, atomically: true, encoding: .utf8)
    }

    private static func boundPath(_ fd: Int32) -> String {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return "?" }
        return withUnsafeBytes(of: address.sun_path) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
