import Foundation
import KinerjaRPC
import KinerjaStore
import Logging
import ServiceLifecycle
import Synchronization

/// Delivers fired reminders to the hooks: each (reminder, hook) is a row of its own, so a
/// restart resumes pending retries and never runs a delivered one again. Exit 0 is
/// delivered, 75 (or a timeout) is retried with doubling backoff up to `max_attempts`,
/// anything else failed, logged with the hook's stderr.
///
/// Deliveries to different hooks never wait on each other: each hook has `max_concurrent`
/// runs of its own, started as soon as a delivery is due and a run of that hook is free, so
/// a slow or hanging hook holds only its own runs and every retry keeps its own schedule. A
/// run that cannot start (no descriptor or process left, the directory unreadable) stays
/// pending, its attempt not counted, and is tried again a minute later.
struct HookService: Service {
    let office: Office
    let hooks: HookDirectory
    let waker: Waker
    let logger: Logger
    /// Names this daemon in the delivery claims it makes (the scheduler's claimant): a
    /// delivery runs on the one daemon whose claim took it.
    let claimant: String

    /// Hook runs at once over all hooks: each takes a few descriptors (its stderr pipe, the
    /// pipes and process handle of its start), counted in the daemon's budget (`DescriptorBudget`).
    static let maxRuns = 32
    /// How many times the end of a run is offered to the store.
    static let finishAttempts = 5
    /// How long a run that could not start waits before the next try.
    static let postponement: TimeInterval = 60

    /// The deliveries running now, by hook: the reminders whose run has not ended.
    final class Running: Sendable {
        private let byHook = Mutex<[String: Set<String>]>([:])

        func start(_ hook: String, _ reminder: String) { _ = byHook.withLock { $0[hook, default: []].insert(reminder) } }
        func end(_ hook: String, _ reminder: String) { _ = byHook.withLock { $0[hook]?.remove(reminder) } }
        func reminders(of hook: String) -> Set<String> { byHook.withLock { $0[hook] ?? [] } }
        var count: Int { byHook.withLock { $0.values.reduce(0) { $0 + $1.count } } }
    }

    func run() async throws {
        // On shutdown no new run starts; running hooks finish (bounded by their timeout).
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                await loop(group: &group)
            }
        } onGracefulShutdown: {
            waker.poke()
        }
    }

    private func loop(group: inout DiscardingTaskGroup) async {
        let running = Running()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var wait: Duration = .seconds(3600)
            do {
                if let next = try await startDue(running: running, group: &group) {
                    // The backoff is of the daemon's time: under --clock-rate it passes faster.
                    wait = office.clock.realDuration(until: next) + .milliseconds(5)
                }
            } catch {
                logger.error("hook deliveries failed; retrying in a minute: \(error)")
                wait = .seconds(60)
            }
            if Task.isShuttingDownGracefully { break }
            await waker.wait(upTo: min(wait, .seconds(3600)))
        }
    }

    /// Starts every delivery that is due and has a free run of its hook; returns when the
    /// next one not yet started falls due (a run that ends pokes the waker itself).
    func startDue(running: Running, group: inout DiscardingTaskGroup) async throws -> Date? {
        let settings = office.settings.config.hooks
        let now = office.clock.now()
        var next: Date?
        for hook in try await office.store.queuedHooks() {
            let busy = running.reminders(of: hook)
            let free = min(settings.maxConcurrent - busy.count, Self.maxRuns - running.count)
            guard free > 0 else { continue }
            let due = try await office.store.claimDeliveries(at: now, limit: free, hook: hook, excluding: busy, claimant: claimant)
            for item in due {
                let delivery = item.delivery, record = item.reminder
                running.start(hook, delivery.reminderID)
                group.addTask {
                    await deliver(delivery, record)
                    running.end(hook, delivery.reminderID)
                    waker.poke()
                }
            }
            if due.count < free, let attempt = try await office.store.nextDeliveryAttempt(hook: hook, excluding: running.reminders(of: hook)) {
                next = min(next ?? attempt, attempt)
            }
        }
        return next
    }

    private func deliver(_ delivery: HookDelivery, _ record: ReminderRecord) async {
        let settings = office.settings.config.hooks
        let entry: HookDirectory.Entry?
        do {
            entry = try hooks.entry(named: delivery.hook)
        } catch {
            return await finish(delivery, .postponed(at: office.clock.now().addingTimeInterval(Self.postponement), error: "\(error)"))
        }
        guard let entry, entry.runs else {
            let reason = entry?.skipped?.message(in: office.language) ?? "hook \(delivery.hook) is no longer in \(hooks.path) or not executable"
            return await finish(delivery, .failed(exitCode: nil, error: reason))
        }
        let event: HookEvent
        do {
            event = try await office.hookEvent(for: record)
        } catch {
            // The reminder itself is recorded: the hook still gets it, without the names looked up.
            logger.warning("hook event without names: \(error)", metadata: ["KINERJA_DELIVERY_OF": "\(record.id)"])
            event = office.bareHookEvent(for: record)
        }
        let result = await HookProcess.run(path: entry.path, event: event, timeout: .seconds(settings.timeoutSeconds))
        let attempt = delivery.attempts + 1
        switch result.outcome {
        case .delivered:
            await finish(delivery, .delivered)
        case .notStarted:
            await finish(delivery, .postponed(at: office.clock.now().addingTimeInterval(Self.postponement), error: result.stderr))
        case .temporaryFailure, .timedOut:
            let reason = result.outcome == .timedOut ? "timed out after \(settings.timeoutSeconds) s" : "exit 75"
            if attempt >= settings.maxAttempts {
                await finish(delivery, .failed(exitCode: result.exitCode, error: "\(reason), gave up after \(attempt) attempts: \(result.stderr)"))
            } else {
                let backoff = Double(settings.retryBackoffSeconds) * pow(2, Double(attempt - 1))
                await finish(delivery, .retry(at: office.clock.now().addingTimeInterval(backoff), exitCode: result.exitCode, error: "\(reason): \(result.stderr)"))
            }
        case .failed(let code):
            await finish(delivery, .failed(exitCode: code, error: result.stderr))
        }
    }

    private func finish(_ delivery: HookDelivery, _ outcome: DeliveryOutcome) async {
        let level: Logger.Level
        switch outcome {
        case .delivered: level = .info
        case .retry, .postponed: level = .warning
        case .failed: level = .error
        }
        logger.log(level: level, "hook delivery \(outcome)", metadata: [
            "KINERJA_HOOK": "\(delivery.hook)", "KINERJA_DELIVERY_OF": "\(delivery.reminderID)",
        ])
        // Tried again a few times: until it is recorded the delivery stays claimed by this
        // daemon, and no one runs it (a lost connection is gone in a second or two).
        for attempt in 1...Self.finishAttempts {
            do {
                return try await office.store.finishDelivery(
                    reminderID: delivery.reminderID, hook: delivery.hook, outcome: outcome, at: office.clock.now())
            } catch {
                logger.error("cannot record a hook delivery (attempt \(attempt) of \(Self.finishAttempts)): \(error)")
                try? await Task.sleep(for: .seconds(2))
            }
        }
    }
}
