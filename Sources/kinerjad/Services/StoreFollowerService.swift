import KinerjaStore
import Logging
import ServiceLifecycle

/// Runs the store's watch for other writers (`OfficeStore.followOtherWriters`): what another
/// daemon or an administrator's tool commits reaches the office's listeners, as its own
/// writes do.
struct StoreFollowerService: Service {
    let store: any OfficeStore
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await store.followOtherWriters() }
        } catch is CancellationError {
        } catch {
            logger.warning("changes by other writers of the store are not followed: \(error)")
        }
    }
}
