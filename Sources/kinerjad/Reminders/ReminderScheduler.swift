import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import ServiceLifecycle
import Synchronization

/// Fires reminders: sleeps until the next fire instant or the next local midnight,
/// whichever comes first (no polling), wakes early when the store reports a change that
/// makes its plan stale, and on each wake:
/// 0. on the first pass of each local day, makes the plans that must exist (a new cycle's
///    on its eve) and closes the cycles whose grace ended (`CycleLifecycle`), so a daemon
///    that runs for months crosses cycle boundaries by itself;
/// 1. plans every occurrence due since its checkpoint (the agenda the preview reads too,
///    `Office+Agenda`, across cycles) into the store's log, once (`planReminders`);
/// 2. claims the due ones in one statement (`claimReminders`): a reminder is fired by the
///    one daemon whose claim moved it from planned to firing, however many share the store;
/// 3. settles each claimed one as fired (journal entry first), missed (older than the
///    catch-up horizon) or silenced, as `ReminderSuppression` decides, with its hook
///    deliveries in the settling transaction.
/// A claim left firing (the store refused the settle) is settled by its claimant on its
/// next pass, without a second entry when it was journaled (`JournaledOccurrences`); one
/// left by a daemon that stopped beating (`HeartbeatService`) becomes uncertain, never
/// fired again: a crash may lose an entry, never repeat one or a hook delivery.
struct ReminderScheduler: Service {
    let office: Office
    let journal: ReminderJournal
    let hooks: HookDirectory
    let waker: Waker
    let hookWaker: Waker
    let feed: ReminderFeed
    let logger: Logger
    /// Names this daemon in the claims it makes.
    let claimant: String
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
    /// (the store reported no change of plans, roster, silences or acknowledgements, and no
    /// reload happened), the same local day. Until `next`, a pass would then only find what
    /// this one found, so a wake-up that merely bounds the sleep (`maxSleep`) skips it; a
    /// country's pass costs a second of CPU.
    private struct QuietPass {
        let day: LocalDate
        let next: Date
    }

    private func loop() async {
        var quiet: QuietPass? = nil
        while !Task.isCancelled {
            let now = office.clock.now()
            let today = office.calendar.date(of: now)
            var next: Date? = nil
            if let quiet, quiet.day == today, now < quiet.next {
                next = quiet.next
            } else {
                do {
                    next = try await tick()
                    quiet = next.map { QuietPass(day: today, next: $0) }
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
            if await waker.wait(upTo: min(sleep, ReminderScheduler.maxSleep)) {
                quiet = nil
                await settle(before: wake)
            }
        }
    }

    /// After a change, waits until changes have stopped for `settleTime` (at most
    /// `maxSettle`): an administrator's burst of transitions, or a script's, costs one pass
    /// rather than one per change, and a pass does not compete with the reads that follow a
    /// change. It ends at `wake` (the next fire instant found before the change) at the
    /// latest: on an accelerated clock (the drill's ×100,000) 250 ms are hours of the
    /// daemon's time, and a reminder due meanwhile would fire that much later.
    private func settle(before wake: Date) async {
        var waited: Duration = .zero
        while waited < ReminderScheduler.maxSettle {
            let left = office.clock.realDuration(until: wake)
            guard left > .zero, await waker.wait(upTo: min(ReminderScheduler.settleTime, left)) else { return }
            waited += ReminderScheduler.settleTime
        }
    }

    static let settleTime: Duration = .milliseconds(250)
    static let maxSettle: Duration = .seconds(2)

    /// Fires what is due up to now; returns the next fire instant.
    @discardableResult
    func tick() async throws -> Date? {
        let now = office.clock.now()
        let settings = office.settings
        let calendar = settings.config.calendar
        let today = calendar.date(of: now)
        let store = office.store
        if advancedOn.day != today {
            try await office.ensureCurrentPlans(actor: Office.daemonActor)
            try await office.closeFinishedCycles(actor: Office.daemonActor)
            advancedOn.day = today
        }
        let checkpoint = try await store.schedulerCheckpoint() ?? now
        let agenda = try await office.agenda(in: settings)
        // One pass over the open plans, a chunk at a time: what fell due since the
        // checkpoint is planned, and the next fire instant after now is found.
        var next: Date? = nil
        try await office.forEachAgendaSubjects(
            from: min(calendar.date(of: checkpoint), today), through: today, person: nil, settings: settings, today: today
        ) { subjects in
            if checkpoint < now {
                var due: [(ReminderOccurrence, ReminderSubject)] = []
                for subject in subjects {
                    for item in agenda.items(of: subject.plan, position: subject.position, from: checkpoint, through: now) {
                        due.append((item.occurrence, subject))
                    }
                }
                if !due.isEmpty { try await plan(due, now: now, settings: settings) }
            }
            for subject in subjects {
                if let o = agenda.next(of: subject.plan, position: subject.position, after: now), next == nil || o.fireAt < next! {
                    next = o.fireAt
                }
            }
        }
        try await fire(now: now, settings: settings, agenda: agenda)
        try await store.advanceSchedulerCheckpoint(to: now)
        office.nextReminder.withLock { $0 = next }
        return next
    }

    /// Records the due occurrences as planned, each with its message.
    private func plan(_ due: [(ReminderOccurrence, ReminderSubject)], now: Date, settings: Settings) async throws {
        let names = try await office.directory(of: Set(due.compactMap(\.0.recipientID)))
        let records = due.map { o, subject in
            ReminderRecord(
                id: o.id, planID: o.plan.description, personID: o.plan.position.personID.rawValue, step: o.step?.rawValue, kind: o.kind.rawValue,
                due: o.due.description, fireAt: o.fireAt, recipientRole: o.recipientRole.rawValue, recipientID: o.recipientID?.rawValue,
                state: .planned, late: false, recordedAt: now,
                message: ReminderText.message(
                    o, personName: subject.personName, schoolName: subject.position.namaSekolah,
                    recipientName: names.party(o.recipientRole, o.recipientID).nama, language: settings.config.language))
        }
        _ = try await office.store.planReminders(records, at: now)
    }

    /// Settles what this daemon holds (a settle that failed before), then claims and
    /// settles what is due: each item is fired, missed or silenced on its own; the fired
    /// ones of one recipient and one local day go out as one digest (`ReminderDigest`): one
    /// journal entry, then each item's settle, its most urgent item's last, carrying the
    /// hook deliveries, so that a hook's run finds every item of its digest settled.
    private func fire(now: Date, settings: Settings, agenda: ReminderAgenda) async throws {
        let store = office.store
        // Before anything is claimed, journaled or recorded: hooks that cannot be listed keep
        // every occurrence due (the pass fails and is retried), never "no hooks".
        let hookEntries = try hooks.entries()
        let held = try await store.claimedReminders(claimant: claimant)
        let claimed = try await store.claimReminders(dueBy: now, claimant: claimant, at: now)
        guard !held.isEmpty || !claimed.isEmpty else { return }
        let calendar = settings.config.calendar
        let policy = settings.config.reminders
        // Late: a minute after its instant, or, on an accelerated clock, the daemon's time
        // that a real second takes (the pass itself takes milliseconds of real time).
        let lateAfter = max(60, office.clock.rate)
        for entry in hookEntries where entry.executable {
            guard let skipped = entry.skipped else { continue }
            logger.warning("hook \(entry.name) skipped: \(skipped.message(in: settings.config.language))", metadata: ["KINERJA_HOOK": "\(entry.name)", "KINERJA_HOOK_PATH": "\(entry.path)"])
        }
        let hookNames = hookEntries.filter(\.runs).map(\.name)
        var toFire: [ReminderRecord] = []
        var missed = 0, silenced = 0
        for record in held + claimed {
            guard let planID = PlanID(record.planID), let key = AcknowledgementKey(occurrenceID: record.id) else { continue }
            let late = record.fireAt < now.addingTimeInterval(-lateAfter)
            let state: ReminderState
            if agenda.suppressions.suppression(plan: planID, key: key, fireDate: calendar.date(of: record.fireAt)) != nil {
                state = .silenced
                silenced += 1
            } else if policy.isPastCatchUp(record.fireAt, now: now) {
                state = .missed
                missed += 1
            } else {
                var item = record
                item.late = late
                toFire.append(item)
                continue
            }
            _ = try await store.settleReminder(id: record.id, claimant: claimant, state: state, late: late, hooks: [], at: now)
        }
        let digests = ReminderRecord.digests(toFire, calendar: calendar)
        if !digests.isEmpty {
            let names = try await office.directory(
                of: Set(toFire.flatMap { [PersonID(trusted: $0.personID)] + [$0.recipientID.map(PersonID.init(trusted:))].compactMap { $0 } }))
            for items in digests {
                // An item this daemon journaled before (its settle was refused) is not written again.
                let fresh = items.filter { journaled.insert($0.id) }
                if !fresh.isEmpty {
                    let recipient = names.party(
                        RecipientRole(rawValue: items[0].recipientRole) ?? .atasan, items[0].recipientID.map(PersonID.init(trusted:)))
                    journal.write(FiredDigest(
                        items: fresh.map { FiredReminder(record: $0, personName: names.name(PersonID(trusted: $0.personID)), late: $0.late, days: $0.days(calendar: calendar)) },
                        recipientName: recipient.nama, recipientJabatan: recipient.jabatan, calendar: calendar, language: settings.config.language))
                }
                // The lead (most urgent) item last: its settle creates the digest's deliveries.
                for item in items.dropFirst() + [items[0]] {
                    let settled = try await store.settleReminder(
                        id: item.id, claimant: claimant, state: .fired, late: item.late, hooks: item.id == items[0].id ? hookNames : [], at: now)
                    journaled.remove(item.id)
                    if settled {
                        var fired = item
                        fired.state = .fired
                        feed.publish(ReminderItems.item(fired, calendar: calendar))
                    }
                }
            }
        }
        logger.info("reminders processed", metadata: [
            "KINERJA_FIRED": "\(toFire.count)", "KINERJA_DIGESTS": "\(digests.count)", "KINERJA_MISSED": "\(missed)",
            "KINERJA_SILENCED": "\(silenced)",
        ])
        if !toFire.isEmpty && !hookNames.isEmpty { hookWaker.poke() }
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
