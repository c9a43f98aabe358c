import Dispatch
import Logging
import Systemd

/// Pokes wakers each time the system's wall clock is set (`WallClockTimer`), so that the
/// reminder scheduler and the hook retries, which sleep on the monotonic clock until a
/// wall-clock instant, plan again at once instead of waking late or early. Under
/// `--clock-start` the daemon's clock is the system's plus a fixed offset: it jumps with
/// the system's, and the same poke re-plans it. Owned by the task that starts it, which
/// cancels it when it ends.
final class WallClockWatcher {
    private let source: any DispatchSourceRead

    init(poking wakers: [Waker], logger: Logger) throws {
        let timer = try WallClockTimer()
        let source = DispatchSource.makeReadSource(
            fileDescriptor: timer.fileDescriptor, queue: DispatchQueue(label: "kinerjad.wall-clock"))
        source.setEventHandler {
            do {
                if try timer.wasSet() {
                    logger.info("the wall clock was set: planning reminders and hook retries again")
                    for waker in wakers { waker.poke() }
                }
            } catch {
                logger.warning("watching the wall clock stopped: \(error)")
                source.cancel()
            }
        }
        // The descriptor stays open until the source has let go of it; cancelling releases
        // the handlers, and with them the source they hold.
        source.setCancelHandler { withExtendedLifetime(timer) {} }
        source.resume()
        self.source = source
    }

    func cancel() { source.cancel() }
}
