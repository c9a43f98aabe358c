import Foundation
import KinerjaStore
import Logging
import ServiceLifecycle

/// Tells the store every `interval` that this daemon is alive, and so settles what daemons
/// silent for `timeout` left claimed (`OfficeStore.beat`): their firing reminders become
/// uncertain, their running hook deliveries fail; none is fired or run twice. Times are the
/// database's, so two hosts' clocks are never compared. A daemon stopped (SIGSTOP, a frozen
/// host) longer than `timeout` finds, once it runs again, that its claims are no longer its
/// own: its settles are refused and change nothing.
struct HeartbeatService: Service {
    let store: any OfficeStore
    let clock: any WallClock
    let claimant: String
    let logger: Logger

    static let interval: Duration = .seconds(5)
    /// Six beats missed: far longer than any pause of a loaded host, short enough that an
    /// office learns of a dead daemon's uncertain reminders within the minute.
    static let timeout: Duration = .seconds(30)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let uncertain = try await store.beat(claimant: claimant, timeout: HeartbeatService.timeout, at: clock.now())
                    if uncertain > 0 {
                        logger.warning("reminders left firing by a daemon silent for \(HeartbeatService.timeout) are now uncertain: check by hand whether they were sent", metadata: [
                            "KINERJA_UNCERTAIN": "\(uncertain)",
                        ])
                    }
                } catch {
                    logger.warning("heartbeat not recorded (retrying in \(HeartbeatService.interval)): \(error)")
                }
                try? await Task.sleep(for: HeartbeatService.interval)
            }
        }
    }
}
