import KinerjaRPC
import Logging
import NIOCore
import Synchronization

/// Serves one connection: queues decoded frames, runs them one at a time through the router (so
/// replies keep call order while other connections proceed independently), closes idle
/// connections, applies backpressure to pipelining clients, and drains on server shutdown.
///
/// A client must take its replies: the next call starts only once the channel is writable
/// again (the previous reply went to the socket but for NIO's low-water mark), so a client
/// that pipelines calls and reads nothing makes the server hold one reply, not one per call;
/// every reply is charged to the server's ``OutputBudget`` until the socket took it; and a
/// client whose replies wait for it longer than the idle timeout is dropped.
final class VarlinkConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = VarlinkInboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Configuration: Sendable {
        /// Close the connection when no complete message arrives for this long while no call runs.
        var idleTimeout: TimeAmount?
        /// Stop reading from the socket while this many calls are queued.
        var maxQueuedCalls: Int
        /// Replies waiting for their clients, over all connections.
        var outputBudget: OutputBudget
    }

    /// User inbound event: finish the running call (streaming calls are cancelled), drop queued
    /// calls, then close.
    struct DrainRequest: Sendable {}

    /// Shared between the event loop and the call's task.
    final class CallState: Sendable {
        let more = Atomic<Bool>(false)
    }

    private struct RunningCall {
        let task: Task<Void, Never>
        let state: CallState
    }

    private let router: VarlinkRouter
    private let peer: PeerCredentials
    private let configuration: Configuration
    private let logger: Logger
    /// Created with the first call, on the channel's event loop.
    private var executor: EventLoopTaskExecutor?

    private var queue = CircularBuffer<VarlinkInboundFrame>()
    private var running: RunningCall?
    /// The write of the latest last reply (see `writeLast`).
    private var lastWrite: EventLoopFuture<Void>?
    private var idleTimer: Scheduled<Void>?
    /// Armed while replies wait for a client that does not read (the channel is not writable).
    private var stallTimer: Scheduled<Void>?
    /// When the connection last became idle (its last call ended) or a message arrived, on
    /// the event loop's clock (virtual in tests).
    private var lastActivity = NIODeadline.uptimeNanoseconds(0)
    private var started = false
    private var readPending = false
    private var inputClosed = false
    private var draining = false
    private var closing = false

    init(router: VarlinkRouter, peer: PeerCredentials, configuration: Configuration, logger: Logger) {
        self.router = router
        self.peer = peer
        self.configuration = configuration
        self.logger = logger
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            start(context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        logger.debug("Connection opened", metadata: ["varlink.peer": "\(peer)"])
        armIdleTimer(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closing = true
        cancelIdleTimer()
        stallTimer?.cancel()
        stallTimer = nil
        queue.removeAll()
        running?.task.cancel()
        logger.debug("Connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("Connection error", metadata: ["error": "\(error)"])
        close(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is DrainRequest {
            beginDrain(context: context)
            return
        }
        if let channelEvent = event as? ChannelEvent, channelEvent == .inputClosed {
            // Half-close: answer what was received, then close.
            inputClosed = true
            if running == nil && queue.isEmpty {
                close(context: context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard !closing, !draining else { return }
        lastActivity = context.eventLoop.now
        queue.append(frame)
        processNext(context: context)
    }

    // MARK: Outbound (backpressure)

    /// A client that took its replies gets its next call answered; one that leaves them
    /// waiting for the idle timeout is dropped, its replies with it.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
            processNext(context: context)
        } else if stallTimer == nil, let timeout = configuration.idleTimeout {
            stallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                self.stallTimer = nil
                guard !context.channel.isWritable else { return }
                self.drop(context: context, reason: "its replies waited for it longer than the idle timeout")
            }
        }
        context.fireChannelWritabilityChanged()
    }

    /// Sends one encoded reply, charging it to the output budget until the socket took it;
    /// a reply that does not fit (other clients leave theirs waiting) drops this connection.
    private func send(_ reply: ByteBuffer, context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        let bytes = reply.readableBytes
        let budget = configuration.outputBudget
        guard budget.take(bytes) else {
            drop(context: context, reason: "the replies waiting for clients fill the output budget")
            return context.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }
        let written = context.writeAndFlush(wrapOutboundOut(reply))
        written.whenComplete { _ in budget.release(bytes) }
        return written
    }

    /// Closes at once, replies not yet written included, and cancels the running call; the
    /// memory they held goes back to the system.
    private func drop(context: ChannelHandlerContext, reason: String) {
        guard context.channel.isActive else { return }
        logger.notice("Dropping a client: \(reason)", metadata: ["varlink.budget.used": "\(configuration.outputBudget.inUse)"])
        closing = true
        queue.removeAll()
        running?.task.cancel()
        cancelIdleTimer()
        context.close().whenComplete { _ in FreedMemory.release() }
    }

    func read(context: ChannelHandlerContext) {
        if queue.count >= configuration.maxQueuedCalls {
            readPending = true
        } else {
            context.read()
        }
    }

    private func resumeReadingIfNeeded(context: ChannelHandlerContext) {
        if readPending && queue.count < configuration.maxQueuedCalls {
            readPending = false
            context.read()
        }
    }

    // MARK: Calls

    /// Runs queued calls until one needs a task or the queue is empty: calls the router can
    /// answer at once (``VarlinkRouter/answerNow(frame:peer:logger:)``) are answered here,
    /// in the loop iteration that read them.
    private func processNext(context: ChannelHandlerContext) {
        // Not writable: the last reply waits for the client; the next call waits with it.
        while running == nil, !closing, context.channel.isWritable {
            guard let frame = queue.popFirst() else {
                if draining || inputClosed {
                    close(context: context)
                } else {
                    armIdleTimer(context: context)
                }
                return
            }
            resumeReadingIfNeeded(context: context)
            switch frame {
            case .oversized(let limit):
                logger.notice("Closing connection after an oversized message", metadata: ["varlink.limit": "\(limit)"])
                closing = true
                queue.removeAll()
                let reply = ByteBuffer(bytes: VarlinkReplyEncoding.encode(error: .invalidParameter("message")))
                send(reply, context: context).assumeIsolated().whenComplete { _ in
                    context.close(promise: nil)
                }
                return
            case .message(let buffer):
                switch router.answerNow(frame: buffer, peer: peer, logger: logger) {
                case .answered(let reply, let outcome):
                    if let reply {
                        writeLast(ByteBuffer(bytes: reply), context: context)
                    }
                    if outcome == .closeConnection {
                        return close(context: context)
                    }
                case .needsTask(let call):
                    start(call: call, context: context)
                }
            }
        }
    }

    private func start(call: VarlinkCall, context: ChannelHandlerContext) {
        let state = CallState()
        let eventLoop = context.eventLoop
        let boundSelf = NIOLoopBound(self, eventLoop: eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: eventLoop)
        let output = VarlinkReplyOutput(
            write: { reply in
                try await eventLoop.flatSubmit { boundSelf.value.send(reply, context: boundContext.value) }.get()
            },
            callStarted: { callContext in state.more.store(callContext.more, ordering: .relaxed) },
            enqueueLast: { reply in
                eventLoop.execute { boundSelf.value.writeLast(reply, context: boundContext.value) }
            }
        )
        let router = self.router
        let peer = self.peer
        let logger = self.logger
        let executor = self.executor ?? EventLoopTaskExecutor(eventLoop: eventLoop)
        self.executor = executor
        let task = Task(executorPreference: executor) {
            let outcome = await router.handle(call: call, peer: peer, logger: logger, output: output)
            eventLoop.execute {
                boundSelf.value.callFinished(outcome: outcome, context: boundContext.value)
            }
        }
        running = RunningCall(task: task, state: state)
    }

    /// Writes a call's last reply, which the call does not wait for; a close waits for it.
    private func writeLast(_ reply: ByteBuffer, context: ChannelHandlerContext) {
        lastWrite = send(reply, context: context)
    }

    private func callFinished(outcome: VarlinkCallOutcome, context: ChannelHandlerContext) {
        running = nil
        guard !closing else { return }
        switch outcome {
        case .closeConnection:
            close(context: context)
        case .keepOpen:
            processNext(context: context)
        }
    }

    private func beginDrain(context: ChannelHandlerContext) {
        guard !draining else { return }
        draining = true
        cancelIdleTimer()
        queue.removeAll()
        if let running {
            if running.state.more.load(ordering: .relaxed) {
                // Streams are typically subscriptions without an end: stop them now.
                running.task.cancel()
            }
        } else {
            close(context: context)
        }
    }

    private func close(context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        cancelIdleTimer()
        // Closing drops unwritten data: a last reply still in the socket's buffer goes first.
        guard let lastWrite else { return context.close(promise: nil) }
        lastWrite.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    // MARK: Idle timeout

    /// Marks the connection idle from now and makes sure a timer will look at it. The timer
    /// stays armed across calls and, when it fires early, re-arms for what is left: cancelling
    /// and scheduling it around every call was a tenth of a small call's work.
    private func armIdleTimer(context: ChannelHandlerContext) {
        lastActivity = context.eventLoop.now
        scheduleIdleCheck(in: configuration.idleTimeout, context: context)
    }

    private func scheduleIdleCheck(in delay: TimeAmount?, context: ChannelHandlerContext) {
        guard let timeout = configuration.idleTimeout, let delay, idleTimer == nil, !closing else { return }
        idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            self.idleTimer = nil
            guard !self.closing else { return }
            guard self.running == nil, self.queue.isEmpty else {
                // Busy: a call running is not idleness; look again a whole timeout later.
                return self.scheduleIdleCheck(in: timeout, context: context)
            }
            let idle = context.eventLoop.now - self.lastActivity
            guard idle >= timeout else { return self.scheduleIdleCheck(in: timeout - idle, context: context) }
            self.logger.debug("Closing idle connection")
            self.close(context: context)
        }
    }

    private func cancelIdleTimer() {
        idleTimer?.cancel()
        idleTimer = nil
    }
}
