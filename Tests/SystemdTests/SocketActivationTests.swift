import Foundation
import Testing

@testable import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ProcessEnvironmentTests {
    /// `sd_listen_fds_with_names` paths.
    ///
    /// The real-descriptor case runs in a child process (see
    /// ``SocketActivationProbe``): placing sockets at descriptors 3 and 4 of
    /// *this* process would clobber whatever other tests opened there.
    @Suite struct SocketActivationTests {
        private func clearListenEnvironment() {
            unsetenv("LISTEN_FDS")
            unsetenv("LISTEN_PID")
            unsetenv("LISTEN_FDNAMES")
        }

        @Test func withoutListenFdsThereAreNoSockets() {
            clearListenEnvironment()
            #expect(SocketActivation.listenedSockets().isEmpty)
            #expect(SocketActivation.listenedSockets(unsetEnvironment: false).isEmpty)
            #expect(SocketActivation.socket(named: "varlink") == nil)
        }

        /// Variables meant for another process (e.g. inherited from a parent that
        /// did not unset them) must be ignored. sd_listen_fds checks the PID
        /// before touching any descriptor, so this is safe in-process.
        @Test func variablesForAnotherPidAreIgnored() {
            setenv("LISTEN_FDS", "1", 1)
            setenv("LISTEN_PID", String(getpid() + 1), 1)
            setenv("LISTEN_FDNAMES", "varlink", 1)
            defer { clearListenEnvironment() }
            #expect(SocketActivation.listenedSockets(unsetEnvironment: false).isEmpty)
        }

        @Test func socketSelection() {
            let varlink = ListenedSocket(fd: 3, name: "varlink")
            let other = ListenedSocket(fd: 4, name: "other")
            #expect(SocketActivation.socket(named: "other", from: [varlink, other]) == other)
            #expect(SocketActivation.socket(named: "missing", from: [varlink, other]) == nil)
            // A single socket is taken whatever its name.
            let unnamed = ListenedSocket(fd: 3, name: "unknown")
            #expect(SocketActivation.socket(named: "varlink", from: [unnamed]) == unnamed)
            #expect(SocketActivation.socket(named: "varlink", from: []) == nil)
        }

        /// Re-runs this test binary as a socket-activated child: two listening
        /// sockets at descriptors 3 and 4, `LISTEN_FDS=2`,
        /// `LISTEN_FDNAMES=varlink:extra`, and `LISTEN_PID` set to the child's
        /// own PID by `sh` just before it execs. The child runs only
        /// ``SocketActivationProbe`` and writes what it found to a file.
        @Test(.enabled(if: ProcessInfo.processInfo.environment[SocketActivationProbe.reportVariable] == nil))
        func passedSocketsAreFoundInAChildProcess() throws {
            let first = try UnixSocket(type: Int32(SOCK_STREAM.rawValue))
            let second = try UnixSocket(type: Int32(SOCK_STREAM.rawValue))
            defer {
                first.close()
                second.close()
            }
            // Sources far above 3/4, so dup2 in the child never maps a descriptor
            // onto itself (which would keep its close-on-exec flag).
            let firstSource = fcntl(first.fd, F_DUPFD_CLOEXEC, 200)
            let secondSource = fcntl(second.fd, F_DUPFD_CLOEXEC, 200)
            defer {
                close(firstSource)
                close(secondSource)
            }
            try #require(firstSource >= 200 && secondSource >= 200)

            let reportPath = TemporaryPath.make(suffix: ".probe")
            defer { unlink(reportPath) }
            // Inherit the environment minus Swift Testing's own settings (SWT_*),
            // so the child cannot write into this run's output or configuration.
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWT_") }
            environment["LISTEN_FDS"] = "2"
            environment["LISTEN_FDNAMES"] = "varlink:extra"
            environment[SocketActivationProbe.reportVariable] = reportPath
            for variable in ["LISTEN_PID", "NOTIFY_SOCKET"] { environment[variable] = nil }

            let testBinary = try #require(SocketActivationProbe.currentExecutable())
            let result = try ChildProcess.run(
                "/bin/sh",
                ["-c", #"LISTEN_PID=$$; export LISTEN_PID; exec "$0" "$@""#, testBinary]
                    + SocketActivationProbe.arguments,
                environment: environment,
                descriptors: [(firstSource, 3), (secondSource, 4)]
            )

            let report = try? String(contentsOfFile: reportPath, encoding: .utf8)
            #expect(result.status == 0, "probe output:\n\(result.output)")
            #expect(
                report == """
                    3 varlink socket \(first.path) cloexec
                    4 extra socket \(second.path) cloexec
                    environment unset

                    """, "probe output:\n\(result.output)")
        }
    }
}
