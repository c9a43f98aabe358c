import Testing

@testable import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ProcessEnvironmentTests {
    /// `sd_notify` against a datagram socket that stands in for systemd.
    @Suite struct SystemdNotifierTests {
        /// Runs `body` with `NOTIFY_SOCKET` pointing at a fresh datagram socket.
        private func withNotifySocket(_ body: (UnixSocket) throws -> Void) throws {
            let socket = try UnixSocket(type: Int32(SOCK_DGRAM.rawValue))
            setenv("NOTIFY_SOCKET", socket.path, 1)
            defer {
                unsetenv("NOTIFY_SOCKET")
                socket.close()
            }
            try body(socket)
        }

        @Test func sendsExactDatagrams() throws {
            try withNotifySocket { socket in
                let notifier = SystemdNotifier()
                #expect(notifier.isEnabled)

                notifier.ready(status: "Serving 3 cycles")
                #expect(socket.receiveDatagram() == "READY=1\nSTATUS=Serving 3 cycles")

                notifier.ready()
                #expect(socket.receiveDatagram() == "READY=1")

                notifier.status("Reminding")
                #expect(socket.receiveDatagram() == "STATUS=Reminding")

                notifier.watchdog()
                #expect(socket.receiveDatagram() == "WATCHDOG=1")

                notifier.stopping()
                #expect(socket.receiveDatagram() == "STOPPING=1")

                notifier.send([("EXTEND_TIMEOUT_USEC", "5000000"), ("STATUS", "Migrating")])
                #expect(socket.receiveDatagram() == "EXTEND_TIMEOUT_USEC=5000000\nSTATUS=Migrating")

                notifier.send(["STATUS": "b", "ERRNO": "2"])
                #expect(socket.receiveDatagram() == "ERRNO=2\nSTATUS=b")
            }
        }

        @Test func reloadingCarriesCurrentMonotonicTime() throws {
            try withNotifySocket { socket in
                let before = SystemdNotifier.monotonicMicroseconds()
                SystemdNotifier().reloading()
                let after = SystemdNotifier.monotonicMicroseconds()

                let datagram = try #require(socket.receiveDatagram())
                let match = try #require(datagram.wholeMatch(of: /RELOADING=1\nMONOTONIC_USEC=(\d+)/))
                let usec = try #require(UInt64(match.1))
                #expect(usec >= before && usec <= after)
            }
        }

        @Test func isSilentWithoutNotifySocket() throws {
            unsetenv("NOTIFY_SOCKET")
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            notifier.ready(status: "nobody listens")
            notifier.reloading()
            notifier.watchdog()
            notifier.stopping()
            #expect(notifier.send([("STATUS", "x")]) == false)
        }

        @Test func emptyNotifySocketCountsAsDisabled() {
            setenv("NOTIFY_SOCKET", "", 1)
            defer { unsetenv("NOTIFY_SOCKET") }
            #expect(!SystemdNotifier().isEnabled)
        }

        @Test func watchdogIntervalIsTheFullWatchdogSec() {
            setenv("WATCHDOG_USEC", "3000000", 1)
            setenv("WATCHDOG_PID", String(getpid()), 1)
            defer {
                unsetenv("WATCHDOG_USEC")
                unsetenv("WATCHDOG_PID")
            }
            #expect(SystemdNotifier.watchdogInterval() == .seconds(3))
            // Not unset: asking again gives the same answer.
            #expect(SystemdNotifier.watchdogInterval() == .seconds(3))
        }

        @Test func watchdogIntervalIsNilForAnotherProcessOrWhenUnset() {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
            #expect(SystemdNotifier.watchdogInterval() == nil)

            setenv("WATCHDOG_USEC", "3000000", 1)
            setenv("WATCHDOG_PID", String(getpid() + 1), 1)
            defer {
                unsetenv("WATCHDOG_USEC")
                unsetenv("WATCHDOG_PID")
            }
            #expect(SystemdNotifier.watchdogInterval() == nil)
        }
    }
}
