import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import ServiceLifecycle
import Synchronization

/// Fires reminders: sleeps until the next fire instant or the next local midnight, whichever
/// comes first (no polling), wakes early when a change makes its plan stale, and on each
/// wake fires every occurrence due since its checkpoint exactly once. What is due comes
/// from the agenda the preview reads too (`Office+Agenda`), across cycles. On the first
/// pass of each local day it makes the plans that must exist (a new cycle's on its eve)
/// and closes the cycles whose grace ended (`CycleLifecycle`), so a daemon that runs for
/// months crosses cycle boundaries by itself. Occurrences found older than `catch_up_horizon` (the daemon was
/// down) are recorded as missed instead of sent. The journal entry is written before the
/// transaction that records the occurrence and its hook deliveries: a crash in between
/// repeats at most that one entry, never a delivered hook; a transaction the store refuses
/// is retried without writing the entry again (`JournaledOccurrences`).
struct ReminderScheduler: Service {
    let office: Office
    let journal: ReminderJournal
    let hooks: HookDirectory
    let waker: Waker
    let hookWaker: Waker
    let feed: ReminderFeed
    let logger: Logger
    let journaled = JournaledOccurrences()
    /// The local day whose plans were made and cycles closed last.
    let advancedOn = DayMark()

    /// The longest sleep: bounds how late a jump of the wall clock is noticed where the
    /// kernel cannot tell it (`WallClockWatcher` failed to start).
    static let maxSleep: Duration = .seconds(300)

    func run() async throws {
        // The sleeps (this one, the hook retries') run on the monotonic clock: a set of the
        // wall clock must wake them.
        let watcher = watchWallClock()
        defer { watcher?.cancel() }
        // Nothing is in flight between passes: on shutdown the sleep is simply cancelled.
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    private func watchWallClock() -> WallClockWatcher? {
        do {
            return try WallClockWatcher(poking: [waker, hookWaker], logger: logger)
        } catch {
            logger.warning("a set of the wall clock is noticed only at the next wake-up (within \(ReminderScheduler.maxSleep)): \(error)")
            return nil
        }
    }

    /// What the last pass found, for as long as nothing it read can have changed: no poke
    /// (change, import, reload), no write to the store, the same local day. Until `next`,
    /// a pass would then only find what this one found, so a wake-up that merely bounds the
    /// sleep (`maxSleep`) skips it; a country's pass costs seconds of CPU.
    private struct QuietPass {
        let writes: UInt64
        let day: LocalDate
        let next: Date
    }

    private func loop() async {
        var quiet: QuietPass? = nil
        while !Task.isCancelled {
            let now = office.clock.now()
            let today = office.calendar.date(of: now)
            var next: Date? = nil
            if let quiet, quiet.writes == office.store.writeCount, quiet.day == today, now < quiet.next {
                next = quiet.next
            } else {
                do {
                    next = try tick()
                    quiet = next.map { QuietPass(writes: office.store.writeCount, day: today, next: $0) }
                } catch let error as HookDirectory.ListingFailed {
                    logger.error("\(error): the reminders due now stay due and fire once the hooks can be listed; retrying in a minute")
                    next = office.clock.now().addingTimeInterval(60)
                    quiet = nil
                } catch {
                    logger.error("reminder pass failed; retrying in a minute: \(error)")
                    next = office.clock.now().addingTimeInterval(60)
                    quiet = nil
                }
            }
            // The next midnight too: a new day may open or close a cycle.
            let midnight = office.calendar.instant(today.adding(days: 1))
            let wake = min(next ?? midnight, midnight)
            let sleep = office.clock.realDuration(until: wake) + .milliseconds(1)
            if await waker.wait(upTo: min(sleep, ReminderScheduler.maxSleep)) { quiet = nil }
        }
    }

    /// Fires what is due up to now; returns the next fire instant.
    @discardableResult
    func tick() throws -> Date? {
        let now = office.clock.now()
        let settings = office.settings
        let calendar = settings.config.calendar
        let today = calendar.date(of: now)
        let store = office.store
        if advancedOn.day != today {
            try office.ensureCurrentPlans(actor: Office.daemonActor)
            try office.closeFinishedCycles(actor: Office.daemonActor)
            advancedOn.day = today
        }
        let checkpoint = try store.schedulerCheckpoint() ?? now
        let people = try store.positionsWithPeople(matching: PositionQuery(activeOnly: true))
        var byKey: [PositionKey: (Person, Position)] = [:]
        var names: [PersonID: String] = [:]
        for (person, position) in people {
            byKey[position.key] = (person, position)
            names[person.id] = person.nama
        }
        let agenda = try office.agenda(in: settings)
        let plans = try office.agendaPlans(
            from: min(calendar.date(of: checkpoint), today), through: today, person: nil, positions: byKey.keys, settings: settings,
            today: today)
        var due: [(ReminderAgenda.Item, Person, Position)] = []
        if checkpoint < now {
            for stored in plans.plans {
                guard let (person, position) = byKey[stored.plan.id.position], let schedule = plans.schedules[stored.plan.id.cycle] else { continue }
                for item in agenda.items(of: stored.plan, position: position, schedule: schedule, from: checkpoint, through: now) {
                    due.append((item, person, position))
                }
            }
        }
        if !due.isEmpty {
            try fire(due, now: now, names: names, settings: settings)
        }
        try store.setSchedulerCheckpoint(now)
        var next: Date? = nil
        for stored in plans.plans {
            guard let (_, position) = byKey[stored.plan.id.position], let schedule = plans.schedules[stored.plan.id.cycle],
                  let o = agenda.next(of: stored.plan, position: position, schedule: schedule, after: now)
            else { continue }
            if next == nil || o.fireAt < next! { next = o.fireAt }
        }
        office.nextReminder.withLock { $0 = next }
        return next
    }

    private func fire(_ due: [(ReminderAgenda.Item, Person, Position)], now: Date, names: [PersonID: String], settings: Settings) throws {
        let store = office.store
        let known = try store.knownReminderIDs(due.map(\.0.occurrence.id))
        let calendar = settings.config.calendar
        let horizon = now.addingTimeInterval(-Double(settings.config.reminders.catchUpHorizonDays) * 86_400)
        // Late: a minute after its instant, or, on an accelerated clock, the daemon's time
        // that a real second takes (the pass itself takes milliseconds of real time).
        let lateAfter = max(60, office.clock.rate)
        // Before anything is journaled or recorded: hooks that cannot be listed keep every
        // occurrence due (the pass fails and is retried), never "no hooks".
        let hookEntries = try hooks.entries()
        for entry in hookEntries where entry.executable {
            guard let skipped = entry.skipped else { continue }
            logger.warning("hook \(entry.name) skipped: \(skipped)", metadata: ["KINERJA_HOOK": "\(entry.name)", "KINERJA_HOOK_PATH": "\(entry.path)"])
        }
        let hookNames = hookEntries.filter(\.runs).map(\.name)
        var fired = 0, missed = 0, silenced = 0
        for (item, person, position) in due.sorted(by: { $0.0.occurrence.fireAt < $1.0.occurrence.fireAt }) where !known.contains(item.occurrence.id) {
            let o = item.occurrence
            let late = o.fireAt < now.addingTimeInterval(-lateAfter)
            let reminder = FiredReminder(
                occurrence: o, person: person, position: position, recipientName: o.recipientID.flatMap { names[$0] }, late: late,
                message: ReminderText.message(
                    o, personName: person.nama, schoolName: position.namaSekolah,
                    recipientName: o.recipientID.flatMap { names[$0] }, language: settings.config.language))
            let state: ReminderState
            if item.suppression != nil {
                state = .silenced
                silenced += 1
            } else if o.fireAt < horizon {
                state = .missed
                missed += 1
            } else {
                state = .fired
                fired += 1
                if journaled.insert(o.id) { journal.write(reminder) }
            }
            let record = ReminderRecord(
                id: o.id, planID: o.plan.description, personID: person.id.rawValue, step: o.step?.rawValue, kind: o.kind.rawValue,
                due: o.due.description, fireAt: o.fireAt, recipientRole: o.recipientRole.rawValue, recipientID: o.recipientID?.rawValue,
                state: state, late: late, recordedAt: now, message: reminder.message)
            let inserted = try store.transaction { tx in try tx.recordReminder(record, hooks: state == .fired ? hookNames : [], at: now) }
            journaled.remove(o.id)
            if inserted && state == .fired { feed.publish(ReminderItems.item(record, calendar: calendar)) }
        }
        if fired + missed + silenced > 0 {
            logger.info("reminders processed", metadata: [
                "KINERJA_FIRED": "\(fired)", "KINERJA_MISSED": "\(missed)", "KINERJA_SILENCED": "\(silenced)",
            ])
        }
        if fired > 0 && !hookNames.isEmpty { hookWaker.poke() }
    }
}

/// The local day on which the scheduler last made plans and closed cycles.
final class DayMark: Sendable {
    private let value = Mutex<LocalDate?>(nil)

    var day: LocalDate? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
