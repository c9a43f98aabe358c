import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import ServiceLifecycle

/// Fires reminders: sleeps until the next fire instant (no polling), wakes early when the
/// store reports a change that makes its plan stale, and on each wake:
/// 1. plans every occurrence due since its checkpoint (Core plans them from the plans'
///    facts) into the store's log, once (`planReminders`);
/// 2. claims the due ones in one statement (`claimReminders`): a reminder is fired by the
///    one daemon whose claim moved it from planned to firing, however many share the store;
/// 3. settles each claimed one as fired (journal entry first), missed (older than the
///    catch-up horizon) or silenced, as `ReminderSuppression` decides, with its hook
///    deliveries in the settling transaction.
/// A claim left firing (the store refused the settle) is settled by its claimant on its
/// next pass, without a second entry when it was journaled (`JournaledOccurrences`); one
/// left by a daemon that stopped is claimed again once stale: a crash repeats at most that
/// one entry, never a hook delivery.
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

    /// The longest sleep: bounds how late a jump of the wall clock is noticed where the
    /// kernel cannot tell it (`WallClockWatcher` failed to start).
    static let maxSleep: Duration = .seconds(300)
    /// A claim not settled within this is taken as its claimant's crash.
    static let staleClaim: TimeInterval = 300

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
                } catch {
                    logger.error("reminder pass failed; retrying in a minute: \(error)")
                    next = office.clock.now().addingTimeInterval(60)
                    quiet = nil
                }
            }
            let delay = next.map { max(0, $0.timeIntervalSince(office.clock.now())) } ?? 86_400
            if await waker.wait(upTo: min(.milliseconds(Int64(delay * 1000) + 5), ReminderScheduler.maxSleep)) {
                quiet = nil
                await settle()
            }
        }
    }

    /// After a change, waits until changes have stopped for `settleTime` (at most
    /// `maxSettle`): an administrator's burst of transitions, or a script's, costs one pass
    /// rather than one per change, and a pass does not compete with the reads that follow a
    /// change. A reminder due meanwhile fires that much later.
    private func settle() async {
        var waited: Duration = .zero
        while waited < ReminderScheduler.maxSettle, await waker.wait(upTo: ReminderScheduler.settleTime) {
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
        let policy = settings.config.reminders
        let store = office.store
        let checkpoint = try await store.schedulerCheckpoint() ?? now
        let cycle = CycleID(containing: calendar.date(of: now))
        guard settings.rules.rules(for: cycle) != nil else { return nil }
        let subjects = try await store.reminderSubjects(cycle: cycle, person: nil)
        if checkpoint < now {
            var due: [(ReminderOccurrence, ReminderSubject)] = []
            for subject in subjects {
                for o in ReminderPlanner.occurrences(
                    of: subject.plan, position: subject.position, policy: policy, calendar: calendar, from: checkpoint, through: now) {
                    due.append((o, subject))
                }
            }
            if !due.isEmpty { try await plan(due, now: now, settings: settings) }
        }
        try await fire(now: now, settings: settings)
        try await store.advanceSchedulerCheckpoint(to: now)
        var next: Date? = nil
        for subject in subjects {
            if let o = ReminderPlanner.next(of: subject.plan, position: subject.position, policy: policy, calendar: calendar, after: now),
               next == nil || o.fireAt < next! {
                next = o.fireAt
            }
        }
        office.nextReminder.withLock { $0 = next }
        return next
    }

    /// Records the due occurrences as planned, each with its message.
    private func plan(_ due: [(ReminderOccurrence, ReminderSubject)], now: Date, settings: Settings) async throws {
        let names = try await office.store.names(of: Set(due.compactMap(\.0.recipientID)))
        let records = due.map { o, subject in
            ReminderRecord(
                id: o.id, planID: o.plan.description, personID: o.plan.position.personID.rawValue, step: o.step?.rawValue, kind: o.kind.rawValue,
                due: o.due.description, fireAt: o.fireAt, recipientRole: o.recipientRole.rawValue, recipientID: o.recipientID?.rawValue,
                state: .planned, late: false, recordedAt: now,
                message: ReminderText.message(
                    o, personName: subject.personName, schoolName: subject.position.namaSekolah,
                    recipientName: o.recipientID.flatMap { names[$0] }, language: settings.config.language))
        }
        _ = try await office.store.planReminders(records, at: now)
    }

    /// Settles what this daemon holds (a settle that failed before), then claims and
    /// settles what is due, one by one: entry, then settle.
    private func fire(now: Date, settings: Settings) async throws {
        let store = office.store
        let held = try await store.claimedReminders(claimant: claimant)
        let claimed = try await store.claimReminders(
            dueBy: now, claimant: claimant, staleBefore: now.addingTimeInterval(-ReminderScheduler.staleClaim), at: now)
        guard !held.isEmpty || !claimed.isEmpty else { return }
        let calendar = settings.config.calendar
        let earliest = (held + claimed).map { calendar.date(of: $0.fireAt) }.min() ?? calendar.date(of: now)
        let silences = try await store.silences(activeOn: earliest.description, includeRemoved: false).compactMap { s -> ReminderSuppression.Silence? in
            guard let until = LocalDate(s.until) else { return nil }
            return ReminderSuppression.Silence(personID: s.personID.map(PersonID.init(trusted:)), npsn: s.npsn.map(NPSN.init(trusted:)), until: until)
        }
        let rule = ReminderSuppression(
            silences: silences, acknowledged: try await store.acknowledgedKeys(planIDs: nil),
            catchUpHorizonDays: settings.config.reminders.catchUpHorizonDays)
        let names = try await store.names(of: Set((held + claimed).map { PersonID(trusted: $0.personID) }))
        let hookNames = hooks.names()
        var fired = 0, missed = 0, silenced = 0
        for record in held + claimed {
            guard let planID = PlanID(record.planID), let key = AcknowledgementKey(reminderID: record.id) else { continue }
            let state: ReminderState
            var late = false
            switch rule.outcome(plan: planID, key: key, fireDate: calendar.date(of: record.fireAt), fireAt: record.fireAt, now: now) {
            case .silenced:
                state = .silenced
                silenced += 1
            case .missed:
                state = .missed
                late = true
                missed += 1
            case .send(let isLate):
                state = .fired
                late = isLate
                fired += 1
                if journaled.insert(record.id) {
                    journal.write(FiredReminder(record: record, personName: names[PersonID(trusted: record.personID)], late: late))
                }
            }
            let settled = try await store.settleReminder(
                id: record.id, claimant: claimant, state: state, late: late, hooks: state == .fired ? hookNames : [], at: now)
            journaled.remove(record.id)
            if settled, state == .fired {
                var item = record
                item.state = .fired
                item.late = late
                feed.publish(ReminderItems.item(item, calendar: calendar))
            }
        }
        logger.info("reminders processed", metadata: [
            "KINERJA_FIRED": "\(fired)", "KINERJA_MISSED": "\(missed)", "KINERJA_SILENCED": "\(silenced)",
        ])
        if fired > 0 && !hookNames.isEmpty { hookWaker.poke() }
    }
}
