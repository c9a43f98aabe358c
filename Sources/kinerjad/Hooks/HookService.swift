import Foundation
import KinerjaRPC
import KinerjaStore
import Logging
import ServiceLifecycle

/// Delivers fired reminders to the hooks: each (reminder, hook) is a row of its own, so a
/// restart resumes pending retries and never runs a delivered one again. Reminders are
/// delivered in parallel up to `max_concurrent`; one reminder's hooks run in name order.
/// Exit 0 is delivered, 75 (or a timeout) is retried with doubling backoff up to
/// `max_attempts`, anything else failed, logged with the hook's stderr.
struct HookService: Service {
    let office: Office
    let hooks: HookDirectory
    let waker: Waker
    let logger: Logger

    func run() async throws {
        // On shutdown running hooks finish (bounded by their timeout); no new one starts.
        await withGracefulShutdownHandler {
            await loop()
        } onGracefulShutdown: {
            waker.poke()
        }
    }

    private func loop() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var wait: Duration = .seconds(3600)
            do {
                try await deliverDue()
                if let next = try await office.store.nextDeliveryAttempt() {
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

    func deliverDue() async throws {
        let settings = office.settings.config.hooks
        let due = try await office.store.dueDeliveries(at: office.clock.now(), limit: settings.maxConcurrent * 16)
        guard !due.isEmpty else { return }
        var byReminder: [String: [DueDelivery]] = [:]
        var order: [String] = []
        for item in due {
            if byReminder[item.reminder.id] == nil { order.append(item.reminder.id) }
            byReminder[item.reminder.id, default: []].append(item)
        }
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for id in order {
                if running >= settings.maxConcurrent {
                    await group.next()
                    running -= 1
                }
                let items = byReminder[id]!.sorted { $0.delivery.hook < $1.delivery.hook }
                group.addTask { await self.deliver(items) }
                running += 1
            }
        }
    }

    private func deliver(_ items: [DueDelivery]) async {
        let settings = office.settings.config.hooks
        for item in items {
            let delivery = item.delivery, record = item.reminder
            guard let entry = hooks.entry(named: delivery.hook), entry.executable else {
                await finish(delivery, .failed(exitCode: nil, error: "hook \(delivery.hook) is no longer in \(hooks.path) or not executable"))
                continue
            }
            let event = (try? await office.hookEvent(for: record)) ?? office.bareHookEvent(for: record)
            let result = await HookProcess.run(path: entry.path, event: event, timeout: .seconds(settings.timeoutSeconds))
            let attempt = delivery.attempts + 1
            switch result.outcome {
            case .delivered:
                await finish(delivery, .delivered)
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
    }

    private func finish(_ delivery: HookDelivery, _ outcome: DeliveryOutcome) async {
        let level: Logger.Level
        switch outcome {
        case .delivered: level = .info
        case .retry: level = .warning
        case .failed: level = .error
        }
        logger.log(level: level, "hook delivery \(outcome)", metadata: [
            "KINERJA_HOOK": "\(delivery.hook)", "KINERJA_DELIVERY_OF": "\(delivery.reminderID)",
        ])
        do {
            try await office.store.finishDelivery(reminderID: delivery.reminderID, hook: delivery.hook, outcome: outcome, at: office.clock.now())
        } catch {
            logger.error("cannot record a hook delivery: \(error)")
        }
    }
}
