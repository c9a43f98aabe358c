import NIOCore

/// Runs a connection's call tasks on the connection's own event loop thread.
///
/// A call used to start on Swift's global pool and hand its reply back to the event loop: two
/// thread wake-ups per call, more than half of a small read's round trip. On the event loop a
/// call that does not wait on the disk is answered in the same loop iteration that read it.
/// Handlers that do wait on the disk are registered with
/// ``VarlinkRouter/registerBlocking(_:handler:)`` and run on the router's thread pool instead,
/// so the event loop never blocks.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
