import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore
import Logging
import Synchronization

/// The district office as the daemon serves it: the store, the clock, the reloadable
/// settings, and the operations of `id.kinerja.Kinerja` (in the extensions beside this
/// file). Every operation reads the clock once, so one call sees one "today".
final class Office: Sendable {
    let store: SQLiteStore
    let clock: any WallClock
    let startedAt: Date
    let logger: Logger
    /// Poked after every change, import and reload: the reminder scheduler's plan is stale.
    let changed = Waker()
    /// The next reminder's fire instant, as the scheduler last planned it (for STATUS=).
    let nextReminder = Mutex<Date?>(nil)
    /// The settings, and how many times they were replaced: what was derived from one
    /// version of them (a kept preview) is not reused with another.
    private let settingsBox: Mutex<(settings: Settings, version: UInt64)>
    /// A week's reminders of each plan, kept between previews.
    let keptPreview = KeptPreview()
    /// The last status answered from kept figures, with what it was built from.
    let lastStatus = Mutex<(second: Int64, uptime: Int64, settingsVersion: UInt64, figures: StatusFigures, status: Status)?>(nil)

    init(store: SQLiteStore, settings: Settings, clock: any WallClock, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
        startedAt = clock.now()
        settingsBox = Mutex((settings, 0))
        Office.useLanguage(of: settings)
    }

    var settings: Settings { settingsBox.withLock { $0.settings } }

    /// The settings with their version, read together.
    var versionedSettings: (settings: Settings, version: UInt64) { settingsBox.withLock { $0 } }

    /// Replaces config and rules at once (SIGHUP) and recomputes the deadlines stored with
    /// the open cycles' plans, since new rules may move them.
    func replaceSettings(_ new: Settings) throws {
        settingsBox.withLock { $0 = (new, $0.version + 1) }
        Office.useLanguage(of: new)
        defer { changed.poke() }
        let today = today()
        let lifecycle = new.config.reminders.lifecycle
        for cycle in Set(lifecycle.openCycles(from: today, through: today) + lifecycle.cyclesWithPlans(on: today)) {
            guard let rules = new.rules.rules(for: cycle) else { continue }
            let schedule = TimelineSchedule(cycle: cycle, rules: rules)
            _ = try store.updateDues(cycle: cycle, due: { Office.due(of: $0, in: schedule) })
        }
    }

    /// Refusals are written in the configured language from now on.
    private static func useLanguage(of settings: Settings) {
        Refusal.language = settings.config.language
    }

    var calendar: OfficeCalendar { settings.config.calendar }

    func today() -> LocalDate { calendar.date(of: clock.now()) }

    func currentCycle() -> CycleID { CycleID(containing: today()) }

    /// The rules that judge `cycle` (in `settings`, by default the current ones), or an error
    /// naming the missing file.
    func rules(for cycle: CycleID, in settings: Settings? = nil) throws(VarlinkError) -> YearRules {
        let settings = settings ?? self.settings
        guard let rules = settings.rules.rules(for: cycle) else {
            let directory = settings.config.rulesDirectory
            throw WireToCore.invalid(
                "cycle", id: "tidak ada aturan untuk \(cycle): tambahkan \(cycle.year).toml (atau berkas tahun sebelumnya) ke \(directory)",
                en: "no rules apply to \(cycle): add \(cycle.year).toml (or an older year's file) to \(directory)")
        }
        return rules
    }

    /// The deadline of the plan's current step, stored with the plan so that "overdue on a
    /// date" is an indexed query.
    static func due(of plan: Plan, rules: YearRules) -> LocalDate? {
        due(of: plan, in: TimelineSchedule(cycle: plan.id.cycle, rules: rules, roles: [plan.role]))
    }

    /// The same for many plans of the schedule's cycle.
    static func due(of plan: Plan, in schedule: TimelineSchedule) -> LocalDate? {
        guard !plan.isComplete else { return nil }
        return schedule.entries(of: plan)[plan.currentIndex].due
    }

    /// Creates the plans that must exist today for positions that have none yet: the
    /// current cycle's and, on its last day, the next one's (`CycleLifecycle`), so that a
    /// cycle's plans exist from its first instant.
    func ensureCurrentPlans(actor: AuditActor) throws {
        let settings = settings
        let now = clock.now()
        for cycle in settings.config.reminders.lifecycle.cyclesWithPlans(on: settings.config.calendar.date(of: now)) {
            guard let rules = settings.rules.rules(for: cycle) else { continue }
            let schedule = TimelineSchedule(cycle: cycle, rules: rules)
            let created = try store.ensurePlans(cycle: cycle, due: { Office.due(of: $0, in: schedule) }, actor: actor, at: now)
            if created > 0 { logger.info("created plans for cycle", metadata: ["KINERJA_CYCLE": "\(cycle)", "KINERJA_PLANS": "\(created)"]) }
        }
    }

    /// Writes the final standing of the unfinished plans of every cycle closed by today
    /// that still has open ones (the two before the current one are the only candidates:
    /// a cycle closes at most `CycleLifecycle.maxGraceDays` after its end).
    func closeFinishedCycles(actor: AuditActor) throws {
        let settings = settings
        let now = clock.now()
        let today = settings.config.calendar.date(of: now)
        let lifecycle = settings.config.reminders.lifecycle
        var cycle = CycleID(containing: today)
        for _ in 0..<2 {
            cycle = cycle.previous
            guard lifecycle.isClosed(cycle, on: today) else { continue }
            let closed = try store.closePlans(cycle: cycle, on: lifecycle.closingDay(of: cycle), actor: actor, at: now)
            if closed > 0 {
                logger.notice("cycle closed: unfinished plans keep the step they reached", metadata: [
                    "KINERJA_CYCLE": "\(cycle)", "KINERJA_PLANS": "\(closed)",
                ])
            }
        }
    }

    /// The daemon itself, as the actor of automatic changes in the audit history.
    static let daemonActor = AuditActor(uid: getuid(), user: "kinerjad")

    /// Maps a store failure to the interface's error, so a client learns that nothing was
    /// changed instead of seeing a dropped connection. The store's own failures (a full
    /// disk) say what to do in the office's language; anything else is passed on as it is.
    static func storeFailure(_ error: any Error) -> VarlinkError {
        let message = (error as? StoreError)?.message(in: Refusal.language) ?? "\(error)"
        return VarlinkError(name: KinerjaError.storeFailure, parameters: ["message": .string(message)])
    }
}
