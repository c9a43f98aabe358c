import Foundation
import Logging
import ServiceLifecycle
import Systemd

/// Talks to systemd: READY=1 once started (the store is open and the socket listens before
/// this service runs), STATUS= a one-line summary, WATCHDOG=1 at half of WatchdogSec, and
/// STOPPING=1 on shutdown. Without NOTIFY_SOCKET (a development run) it only waits, so an
/// idle daemon has no timer of its own.
struct NotifierService: Service {
    let notifier: SystemdNotifier
    let summary: @Sendable () async -> String
    let logger: Logger

    func run() async throws {
        notifier.ready(status: await summary())
        guard notifier.isEnabled else {
            try? await gracefulShutdown()
            return
        }
        let interval = SystemdNotifier.watchdogInterval().map { $0 / 2 }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval ?? .seconds(60))
                if interval != nil { notifier.watchdog() }
                notifier.status(await summary())
            }
        }
        notifier.stopping()
    }
}
