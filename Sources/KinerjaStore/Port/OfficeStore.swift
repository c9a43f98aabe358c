import Foundation
import KinerjaCore

/// The store port: every read and write of the office's data the daemon makes, and nothing
/// else. `SQLiteStore` implements it on one SQLite file; a PostgreSQL adapter implements the
/// same for several daemons on one database. `StoreConformance` (its own module) is the
/// suite of checks any adapter must pass.
///
/// Shaped for more than one writer per database:
/// - Every method is one transaction, and `async`, so an adapter over the network suspends
///   rather than blocks. Nothing spans two calls: a change that depends on what was read
///   (a transition) carries the version it read, and a save whose plan moved meanwhile fails
///   with `StoreError.conflict`, to be read and applied again.
/// - Closures passed in (`PlanDerivation` builders) are pure Core rules, called inside the
///   adapter's transaction; they do no I/O.
/// - A reminder fires once because one statement claims it (`claimReminders` moves it from
///   planned to firing for one claimant), not because one process remembers it.
/// - What changed is told by the database (`observeChanges`), whoever wrote it, so that what
///   a daemon keeps in memory follows every writer.
/// - Every change is written with its audit row in the same transaction.
public protocol OfficeStore: Sendable {
    // MARK: The store

    /// Where the data lives (a path, a database without its password), for `status` and errors.
    var location: String { get }
    /// Bytes the data takes (SQLite: the file and its write-ahead log).
    func size() async throws -> Int64
    /// Identifiers of the applied schema migrations, in order.
    func schemaVersion() async throws -> [String]
    /// Writes a consistent copy of the whole store to `path` (which must not exist) while
    /// the store stays in use.
    func backup(to path: String) async throws
    /// Closes the store; it must not be used afterwards.
    func close() async throws
    /// Calls `listener` after each committed change, with what it touched: at once, before
    /// the writing call returns, for this process's writes; as soon as noticed for another
    /// writer's (`followOtherWriters`). Listeners must be quick and must not call the store.
    func observeChanges(_ listener: @escaping @Sendable (StoreChange) -> Void)
    /// Notices the changes of other writers of the same database and tells the listeners,
    /// until cancelled (the daemon runs it as one of its services).
    func followOtherWriters() async throws
    /// Whether a reader may keep answers until `observeChanges` reports a change: true when
    /// every change a client can have made is reported before that client's next call (one
    /// daemon per SQLite file); false when another daemon's commit is told by a notification
    /// that may arrive after a client, having written through that daemon, asks this one.
    var answersMayBeKept: Bool { get }

    // MARK: Roster

    /// Applies a roster: upserts its persons and positions, with `markMissingInactive`
    /// marks those it does not list inactive (never deleted: their history stays; the active
    /// persons it does not list are counted either way, `RosterSummary.missing`), and creates
    /// the plans of `plans`'s cycles for active positions without one. One audit
    /// row for the import (`record`) and one per person or position: added (naming the
    /// import; the row holds the values), changed or deactivated (with the fields that
    /// changed, before and after). A dry run writes nothing and returns the same summary.
    func applyRoster(
        _ entries: [RosterEntry], markMissingInactive: Bool, plans: [PlanCreation], dryRun: Bool, record: ImportRecord,
        actor: AuditActor, at: Date
    ) async throws -> RosterSummary
    func person(_ id: PersonID) async throws -> Person?
    /// Every position the person holds or held (inactive ones too), in key order.
    func positions(of person: PersonID) async throws -> [Position]
    /// The same for many persons in one read; persons without a position are left out.
    func positions(of persons: Set<PersonID>) async throws -> [PersonID: [Position]]
    func position(_ key: PositionKey) async throws -> Position?
    /// People whose name or id contains `text` (any case); all people when it is nil.
    func people(matching text: String?, activeOnly: Bool) async throws -> [Person]
    /// The names of these persons (those the roster has).
    func names(of persons: Set<PersonID>) async throws -> [PersonID: String]
    /// The names the roster gives these schools (on their principals' rows).
    func schoolNames(_ npsns: Set<NPSN>) async throws -> [NPSN: String]
    /// Each active position's atasan, with the person holding it: the stored chains of
    /// superiors a roster could close into a ring (`AtasanCycles`).
    func atasanLinks() async throws -> [AtasanLink]
    /// Positions with their holder and the facts of their plan in the query's cycle,
    /// ordered by school, then name, id and role.
    func listing(_ query: ListingQuery) async throws -> [ListedPosition]
    /// The same listing, `size` rows at a time from one snapshot, as it is read: what a
    /// country's lists are sent from.
    func listingChunks(_ query: ListingQuery, size: Int) -> StoreChunks<ListedPosition>

    // MARK: Officials

    /// Adds or updates the officials (never removes one: the roster may still name them), with
    /// one audit row for the import (`record`) and one per official added or changed. A dry
    /// run writes nothing and returns the same summary.
    func applyOfficials(_ officials: [Official], dryRun: Bool, record: ImportRecord, actor: AuditActor, at: Date) async throws -> OfficialsSummary
    /// Every official recorded, by id.
    func officials() async throws -> [Official]
    /// The officials of these ids that are recorded.
    func officials(_ ids: Set<PersonID>) async throws -> [PersonID: Official]

    // MARK: Stages 1–2

    /// The stages 1–2 (Pemutakhiran Data, Plotting Tim Kinerja) recorded in `cycle`.
    func preconditions(cycle: CycleID) async throws -> [PreconditionRecord]
    /// How many active persons have each stage recorded in `cycle`.
    func preconditionTally(cycle: CycleID) async throws -> PreconditionTally
    /// Records stages 1–2 as done (added or replaced, one audit row per record that changed),
    /// then derives again the plans of their persons in `cycle` with `derive`, which must see
    /// the new records (they may free a blocked plan), all in one transaction.
    func recordPreconditions(
        _ records: [PreconditionRecord], cycle: CycleID, rules: String,
        derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation, actor: AuditActor, at: Date
    ) async throws -> PreconditionSummary

    // MARK: Plans

    func plan(_ id: PlanID) async throws -> StoredPlan?
    /// The plans of these ids that are stored, in one read.
    func plans(_ ids: Set<PlanID>) async throws -> [PlanID: StoredPlan]
    /// Every plan id of a person, in every cycle.
    func planIDs(of person: PersonID) async throws -> [PlanID]
    /// The cycles that have plans, oldest first.
    func cycles() async throws -> [CycleID]
    /// Writes the plans together, each with an audit row of the fields that changed (and,
    /// with `record`, one audit row for the import they came from), or none of them:
    /// `StoreError.noSuchPosition` for a plan of a position the roster lacks,
    /// `StoreError.conflict` when a plan is no longer at the version its save read.
    func savePlans(_ saves: [PlanSave], record: ImportRecord?, actor: AuditActor, at: Date) async throws
    /// Creates the initial plan of every active position that has none in the cycle, with
    /// one summary audit row; returns how many were created.
    func ensurePlans(_ creation: PlanCreation, actor: AuditActor, at: Date) async throws -> Int
    /// Derives again every plan of `cycle` whose derivation was made under other rules than
    /// `rules` (or none: a migrated store); returns how many changed. Not audited: it is
    /// derived, not a change of state.
    func rederivePlans(cycle: CycleID, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation) async throws -> Int
    /// Writes the final standing (`PlanClosure`) of every unfinished plan of a cycle that
    /// closed on `day`, derived again with it (`rules` names the rules of `derive`), with one
    /// summary audit row; returns how many were closed (0 when they were closed before).
    func closePlans(
        cycle: CycleID, on day: LocalDate, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation,
        actor: AuditActor, at: Date
    ) async throws -> Int
    /// Open plans of `cycle` (neither complete nor closed; of one person when given) with
    /// their position and holder's name, for planning reminders.
    func reminderSubjects(cycle: CycleID, person: PersonID?) async throws -> [ReminderSubject]
    /// The same, `size` at a time from one snapshot: a reminder pass over a country.
    func reminderSubjectChunks(cycle: CycleID, person: PersonID?, size: Int) -> StoreChunks<ReminderSubject>
    /// Those of `plans` that are reminder subjects (open, with an active position), each as
    /// `reminderSubjects` lists it: an answer kept by a reader is brought up to date with
    /// the plans that changed.
    func reminderSubjects(plans: Set<PlanID>) async throws -> [ReminderSubject]
    /// Which plans of `cycle` were saved since `known`, a snapshot of their versions this
    /// store returned before (nil: none), and the snapshot of now: what tells a reader
    /// keeping an answer which plans to read again (a version moves with every save,
    /// whoever saves). `changed` is nil when the store cannot tell (a plan was removed).
    func plansChanged(cycle: CycleID, since known: PlanVersions?) async throws -> (changed: Set<PlanID>?, now: PlanVersions)
    /// What the cycle's plans chose and how they were rated at their completed steps, and how
    /// many carry advice, counted by the database.
    func choiceCounts(cycle: CycleID) async throws -> ChoiceCounts
    /// How the cycle's plans meet their deadlines on `today`, counted by the database.
    func compliance(cycle: CycleID, on today: LocalDate) async throws -> ComplianceCounts
    /// How many plans of `cycle` (of the principals of school `npsn`, when given) have
    /// completed each step of their workflow, per day of completion (nil for a step passed
    /// without a date): the dashboard's progress week by week.
    func stepCompletions(cycle: CycleID, npsn: NPSN?) async throws -> [StepCompletions]
    /// The figures of `status` on `today`, in one snapshot.
    func statusFigures(cycle: CycleID, on today: LocalDate) async throws -> StatusFigures

    // MARK: Audit

    /// The latest `limit` rows (all when nil) about `subject` or anything under it (a
    /// person id also covers their positions `ID/ks@NPSN`), oldest first.
    func history(subject: String, limit: Int?) async throws -> [AuditRecord]
    /// The latest `limit` rows of the whole history, oldest first.
    func recentAudit(limit: Int) async throws -> [AuditRecord]

    // MARK: Reminders

    /// Records occurrences as planned, each once: those already recorded (planned, or
    /// handled by any claimant) are left as they are. Returns how many were new.
    func planReminders(_ reminders: [ReminderRecord], at: Date) async throws -> Int
    /// Claims for `claimant`, in one statement, every planned reminder due by `dueBy`: they
    /// move to `firing` and are returned, oldest first. Another claimant's call cannot return
    /// the same reminder. Records `claimant`'s heartbeat in the same transaction, so that no
    /// claim is ever older than its claimant's first beat.
    func claimReminders(dueBy: Date, claimant: String, at: Date) async throws -> [ReminderRecord]
    /// Records that `claimant` is alive, at the database's own time (hosts' clocks are never
    /// compared), and, in the same transaction, settles what claimants not heard from within
    /// `timeout` of that time left behind: their firing reminders become `uncertain` (they
    /// may have been journaled; no one fires them again) and the hook deliveries they were
    /// running fail (they may have run; no one runs them again), recorded at `at`. Returns
    /// how many reminders it made uncertain.
    func beat(claimant: String, timeout: Duration, at: Date) async throws -> Int
    /// Reminders `claimant` claimed and has not settled (a settle that failed), oldest first.
    func claimedReminders(claimant: String) async throws -> [ReminderRecord]
    /// Settles a reminder `claimant` claimed as fired, missed or silenced; a fired one gets
    /// one pending delivery per name in `hooks` in the same transaction. False, writing
    /// nothing, when `claimant` does not hold it.
    func settleReminder(id: String, claimant: String, state: ReminderState, late: Bool, hooks: [String], at: Date) async throws -> Bool
    /// Handled reminders, newest fire time first.
    func reminders(matching query: ReminderQuery) async throws -> [ReminderRecord]

    // MARK: Hook deliveries

    /// Pending and retrying deliveries not claimed, whose next attempt is at or before `at`
    /// (a NULL time counts as now), each with its reminder, oldest first, at most `limit`; only to
    /// `hook` when given, and none of the reminders `excluding` names (those already running).
    func dueDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>) async throws -> [DueDelivery]
    /// The same deliveries as `dueDeliveries`, claimed for `claimant` in one transaction: no
    /// other claimant's call returns them until `finishDelivery` records their run. A run is
    /// started only for a delivery its daemon claimed.
    func claimDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>, claimant: String) async throws -> [DueDelivery]
    /// The earliest next attempt among pending and retrying deliveries not claimed (only to `hook`, when
    /// given, and not of the reminders `excluding` names), for the daemon's sleep; nil when
    /// none waits.
    func nextDeliveryAttempt(hook: String?, excluding: Set<String>) async throws -> Date?
    /// The hooks that pending or retrying deliveries wait for, in name order.
    func queuedHooks() async throws -> [String]
    /// Records the end of one run and ends its claim (see `DeliveryOutcome`: a run that never
    /// started keeps its state and attempts and is due again at the outcome's time); a delivery already
    /// final is left as it is; an unknown one is `StoreError.noSuchDelivery`.
    func finishDelivery(reminderID: String, hook: String, outcome: DeliveryOutcome, at: Date) async throws
    /// Deliveries, most recently updated first.
    func deliveries(matching query: DeliveryQuery) async throws -> [HookDelivery]

    // MARK: Silences and acknowledgements

    /// Silences a person or a school (exactly one) up to and including `until`, with an
    /// audit row; `StoreError.invalidSilence` for neither or both, a malformed date or an
    /// empty reason.
    func addSilence(personID: String?, npsn: String?, until: String, reason: String, actor: AuditActor, at: Date) async throws -> Silence
    /// Silences covering the local day `activeOn` (every one when nil), removed ones only
    /// with `includeRemoved`; oldest first.
    func silences(activeOn: String?, includeRemoved: Bool) async throws -> [Silence]
    /// Lifts a silence (kept, with `removedAt` set) with an audit row; nil when there is no
    /// such silence, the silence unchanged when it was removed already.
    func removeSilence(id: Int64, actor: AuditActor, at: Date) async throws -> Silence?
    /// Acknowledges a reminder, which stops the further reminders of its `AcknowledgementKey`,
    /// with an audit row on the plan; false when it was acknowledged before.
    /// `StoreError.malformedReminderID` when the id has no key.
    func acknowledge(reminderID: String, actor: AuditActor, at: Date) async throws -> Bool
    /// The keys acknowledged for the given plans (every plan when nil).
    func acknowledgedKeys(planIDs: [String]?) async throws -> Set<AcknowledgementKey>

    // MARK: Scheduler

    /// The instant up to which reminders were planned and claimed (nil before the first
    /// pass): after a restart the scheduler catches up from here.
    func schedulerCheckpoint() async throws -> Date?
    /// Moves the checkpoint forward (never back: another daemon may be further).
    func advanceSchedulerCheckpoint(to date: Date) async throws
}

extension OfficeStore {
    /// Every due delivery, of every hook.
    public func dueDeliveries(at: Date, limit: Int) async throws -> [DueDelivery] {
        try await dueDeliveries(at: at, limit: limit, hook: nil, excluding: [])
    }

    /// The earliest next attempt of any delivery.
    public func nextDeliveryAttempt() async throws -> Date? {
        try await nextDeliveryAttempt(hook: nil, excluding: [])
    }
}
