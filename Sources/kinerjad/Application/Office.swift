import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import Synchronization

/// The district office as the daemon serves it: the store (through its port), the clock,
/// the reloadable settings, and the operations of `id.kinerja.Kinerja` (in the extensions
/// beside this file). Every operation reads the clock once, so one call sees one "today".
/// Operations throw the domain's refusals (`OfficeError`, `TransitionError`, …); the RPC
/// edge words them for the wire.
final class Office: Sendable {
    let store: any OfficeStore
    let clock: any WallClock
    let startedAt: Date
    let logger: Logger
    /// Poked when the store says plans, the roster, silences or acknowledgements changed
    /// (whoever changed them) and after a reload: the reminder scheduler's plan is stale.
    let changed = Waker()
    /// The next reminder's fire instant, as the scheduler last planned it (for STATUS=).
    let nextReminder = Mutex<Date?>(nil)
    /// The settings, and how many times they were replaced.
    private let settingsBox: Mutex<(settings: Settings, version: UInt64)>
    /// The status figures, kept until the store reports a change (see `StatusCache`).
    let statusCache: StatusCache
    /// How many committed writes the store has reported (any writer's): the dashboard's
    /// data version moves with it.
    let commits = CommitCount()
    /// The last reminder preview, kept until the store reports a change (see `PreviewCache`).
    let previewCache: PreviewCache
    /// `people list` answers, kept until the store reports a change to plans or the roster.
    let listingCache: AnswerCache<ListingKey>
    /// The last status answered from kept figures, with what it was built from.
    let lastStatus = Mutex<(second: Int64, uptime: Int64, settingsVersion: UInt64, figures: StatusFigures, status: Status)?>(nil)

    init(store: any OfficeStore, settings: Settings, clock: any WallClock, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
        startedAt = clock.now()
        settingsBox = Mutex((settings, 0))
        // No answer is kept when another daemon's change may reach the next call before its
        // notification reaches this daemon (`OfficeStore.answersMayBeKept`).
        let keeps = store.answersMayBeKept
        statusCache = StatusCache(enabled: keeps)
        previewCache = PreviewCache(enabled: keeps)
        listingCache = AnswerCache(reads: [.plans, .roster], enabled: keeps)
        let statusCache = statusCache, changed = changed, commits = commits, previewCache = previewCache
        let listingCache = listingCache
        store.observeChanges { change in
            commits.add()
            statusCache.invalidate()
            previewCache.invalidate(change)
            listingCache.invalidate(change)
            if !change.isDisjoint(with: [.plans, .roster, .silences, .acknowledgements]) { changed.poke() }
        }
    }

    var settings: Settings { settingsBox.withLock { $0.settings } }

    /// The settings with their version, read together.
    var versionedSettings: (settings: Settings, version: UInt64) { settingsBox.withLock { $0 } }

    /// The language of the texts being made: the call's (`CallLanguage`), else the one the
    /// office reads its texts in.
    var language: OfficeLanguage { CallLanguage.current ?? settings.config.language }

    /// Brings the store up to the rules at start: plans derived under other rules (or none,
    /// after a migration) are derived again, and the plans that must exist today are made.
    func start() async throws {
        for cycle in try await store.cycles() {
            try await rederive(cycle: cycle, settings: settings)
        }
        try await ensureCurrentPlans(actor: Office.daemonActor)
    }

    /// Replaces config and rules at once (SIGHUP) and derives again the plans whose rules
    /// changed: new rules may move their deadlines.
    func replaceSettings(_ new: Settings) async throws {
        settingsBox.withLock { $0 = (new, $0.version + 1) }
        defer { changed.poke() }
        statusCache.invalidate()
        for cycle in try await store.cycles() {
            try await rederive(cycle: cycle, settings: new)
        }
    }

    private func rederive(cycle: CycleID, settings: Settings) async throws {
        guard let rules = settings.rules.rules(for: cycle) else { return }
        let states = try await preconditionStates(cycle: cycle, settings: settings)
        let changed = try await store.rederivePlans(
            cycle: cycle, rules: settings.rulesName(rules), derive: Office.derive(cycle: cycle, rules: rules, states: states))
        if changed > 0 { logger.info("plans derived under the rules", metadata: ["KINERJA_CYCLE": "\(cycle)", "KINERJA_PLANS": "\(changed)"]) }
    }

    var calendar: OfficeCalendar { settings.config.calendar }

    func today() -> LocalDate { calendar.date(of: clock.now()) }

    func currentCycle() -> CycleID { CycleID(containing: today()) }

    /// The rules that judge `cycle` (in `settings`, by default the current ones), or a
    /// refusal naming the missing file.
    func rules(for cycle: CycleID, in settings: Settings? = nil) throws(OfficeError) -> YearRules {
        let settings = settings ?? self.settings
        guard let rules = settings.rules.rules(for: cycle) else {
            let directory = settings.config.rulesDirectory
            throw WireToCore.invalid(
                "cycle", id: "tidak ada aturan untuk \(cycle): tambahkan \(cycle.year).toml (atau berkas tahun sebelumnya) ke \(directory)",
                en: "no rules apply to \(cycle): add \(cycle.year).toml (or an older year's file) to \(directory)")
        }
        return rules
    }

    /// A save of `plan` over `old`, derived under the rules of its cycle (as `settings` has
    /// them) with its person's stages 1–2 (`states` of its cycle; nil when not tracked).
    static func save(
        _ plan: Plan, over old: StoredPlan?, rules: YearRules, in settings: Settings, states: [PersonID: PreconditionState]?, action: String
    ) -> PlanSave {
        let schedule = TimelineSchedule(cycle: plan.id.cycle, rules: rules, roles: [plan.role])
        let preconditions = states.map { $0[plan.id.position.personID] ?? PreconditionState() }
        return PlanSave(
            old: old, plan: plan, derivation: schedule.derivation(of: plan, preconditions: preconditions), rules: settings.rulesName(rules),
            action: action)
    }

    /// The plans to create for positions without one in `cycle`, or nil without rules.
    func planCreation(cycle: CycleID, settings: Settings) async throws -> PlanCreation? {
        guard let rules = settings.rules.rules(for: cycle) else { return nil }
        let derive = Office.derive(cycle: cycle, rules: rules, states: try await preconditionStates(cycle: cycle, settings: settings))
        return PlanCreation(cycle: cycle, rules: settings.rulesName(rules), today: today(), derive: { derive($0, nil) })
    }

    /// The plans that must exist today for positions that have none yet: the current
    /// cycle's and, on its last day, the next one's (`CycleLifecycle`), so that a cycle's
    /// plans exist from its first instant.
    func currentPlanCreations() async throws -> [PlanCreation] {
        let settings = settings
        var creations: [PlanCreation] = []
        for cycle in settings.config.lifecycle.cyclesWithPlans(on: today()) {
            if let creation = try await planCreation(cycle: cycle, settings: settings) { creations.append(creation) }
        }
        return creations
    }

    /// Creates the plans that must exist today (`currentPlanCreations`).
    func ensureCurrentPlans(actor: AuditActor) async throws {
        for creation in try await currentPlanCreations() {
            let created = try await store.ensurePlans(creation, actor: actor, at: clock.now())
            if created > 0 { logger.info("created plans for cycle", metadata: ["KINERJA_CYCLE": "\(creation.cycle)", "KINERJA_PLANS": "\(created)"]) }
        }
    }

    /// Writes the final standing of the unfinished plans of every cycle closed by today
    /// that still has open ones (the two before the current one are the only candidates:
    /// a cycle closes at most `CycleLifecycle.maxGraceDays` after its end).
    func closeFinishedCycles(actor: AuditActor) async throws {
        let settings = settings
        let now = clock.now()
        let today = settings.config.calendar.date(of: now)
        let lifecycle = settings.config.lifecycle
        var cycle = CycleID(containing: today)
        for _ in 0..<2 {
            cycle = cycle.previous
            guard lifecycle.isClosed(cycle, on: today), let rules = settings.rules.rules(for: cycle) else { continue }
            let closed = try await store.closePlans(
                cycle: cycle, on: lifecycle.closingDay(of: cycle), rules: settings.rulesName(rules),
                derive: Office.derive(cycle: cycle, rules: rules, states: try await preconditionStates(cycle: cycle, settings: settings)),
                actor: actor, at: now)
            if closed > 0 {
                logger.notice("cycle closed: unfinished plans keep the step they reached", metadata: [
                    "KINERJA_CYCLE": "\(cycle)", "KINERJA_PLANS": "\(closed)",
                ])
            }
        }
    }

    /// The daemon itself, as the actor of automatic changes in the audit history.
    static let daemonActor = AuditActor(uid: getuid(), user: "kinerjad")

    /// Runs a store write, passing the office's refusals through and reporting any other
    /// failure (disk full, read-only file) as `storeFailure`: nothing was written.
    func writing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw failure(error)
        }
    }

    /// `error` as the office reports it: its own refusals as they are, anything else as
    /// `storeFailure`, logged.
    func failure(_ error: any Error) -> any Error {
        if error is OfficeError || error is TransitionError || error is PositionProblem || error is CancellationError { return error }
        logger.error("store write failed", metadata: ["error": "\(error)"])
        return OfficeError.storeFailure(error)
    }
}

/// How many commits the store reported.
final class CommitCount: Sendable {
    private let count = Mutex<UInt64>(0)

    func add() { count.withLock { $0 += 1 } }
    var value: UInt64 { count.withLock { $0 } }
}

/// The last status figures read from the store, kept until the store reports a committed
/// change (`OfficeStore.observeChanges`, any writer), or another cycle or day is asked for.
/// `status` is asked by every `kinerjactl status`, by scripts polling it and for systemd's
/// STATUS= line; GetStatus is answered from it on the connection's event loop.
final class StatusCache: Sendable {
    private struct Kept {
        let generation: UInt64
        let cycle: CycleID
        let day: LocalDate
        let figures: StatusFigures
    }

    private let state = Mutex<(generation: UInt64, kept: Kept?)>((0, nil))
    /// False: nothing is kept (see `OfficeStore.answersMayBeKept`).
    private let enabled: Bool

    init(enabled: Bool = true) { self.enabled = enabled }

    func invalidate() {
        state.withLock { $0 = ($0.generation + 1, nil) }
    }

    /// The generation to read under: take it before reading, so that a change committed
    /// meanwhile makes the figures read stale rather than kept as current.
    var generation: UInt64 { state.withLock { $0.generation } }

    func figures(cycle: CycleID, day: LocalDate) -> StatusFigures? {
        state.withLock { s in
            guard let kept = s.kept, kept.generation == s.generation, kept.cycle == cycle, kept.day == day else { return nil }
            return kept.figures
        }
    }

    func keep(_ figures: StatusFigures, cycle: CycleID, day: LocalDate, readAt generation: UInt64) {
        guard enabled else { return }
        state.withLock { s in
            guard generation == s.generation else { return }
            s.kept = Kept(generation: generation, cycle: cycle, day: day, figures: figures)
        }
    }
}
