import Foundation
import KinerjaCore

/// The reads and writes of the office's data. A store runs each call in its own
/// transaction; inside `KinerjaStoring.transaction` the same calls share one, so that many
/// changes (an import) are written together or not at all.
///
/// Every write records its audit row(s) in the same transaction as the change: if the
/// change is on disk, so is the record of who made it.
public protocol StoreOperations {
    // MARK: Roster

    /// Upserts the persons and positions of a roster, and, with `markMissingInactive`,
    /// marks those absent from it inactive (never deleted: their history stays). One audit
    /// row per person or position added, changed or deactivated.
    func applyRoster(_ positions: [RosterEntry], actor: AuditActor, at: Date, markMissingInactive: Bool) throws -> RosterSummary
    func person(_ id: PersonID) throws -> Person?
    /// Every position the person holds or held (inactive ones too), in key order.
    func positions(of person: PersonID) throws -> [Position]
    func position(_ key: PositionKey) throws -> Position?
    func positions(matching query: PositionQuery) throws -> [Position]
    /// Positions with their holder, for listings: ordered by school, then name.
    func positionsWithPeople(matching query: PositionQuery) throws -> [(person: Person, position: Position)]
    /// People whose name or id contains `text` (any case); all people when it is nil.
    func people(matching text: String?, activeOnly: Bool) throws -> [Person]

    // MARK: Plans

    func plan(_ id: PlanID) throws -> Plan?
    /// The plan with the deadline stored beside it.
    func storedPlan(_ id: PlanID) throws -> StoredPlan?
    func plans(matching query: PlanQuery) throws -> [StoredPlan]
    /// Writes the plan, with `due` (the deadline of its current step) beside it for indexed
    /// "overdue" questions, and an audit row whose `before` is the previous state.
    func savePlan(_ plan: Plan, due: LocalDate?, action: String, actor: AuditActor, at: Date) throws
    /// Creates the initial plan of every active position that has none in `cycle`, with one
    /// summary audit row; returns how many were created.
    func ensurePlans(cycle: CycleID, due: (Plan) -> LocalDate?, actor: AuditActor, at: Date) throws -> Int
    /// Writes the final standing (`PlanClosure`) of every unfinished plan of a cycle that
    /// closed on `day`, with one summary audit row; returns how many were closed (0 when
    /// they were closed before).
    func closePlans(cycle: CycleID, on day: LocalDate, actor: AuditActor, at: Date) throws -> Int
    /// Recomputes the stored deadline of every open plan of `cycle` (new rules may move them);
    /// returns how many changed. Not audited: the due date is derived, not a change of state.
    func updateDues(cycle: CycleID, due: (Plan) -> LocalDate?) throws -> Int

    // MARK: Audit

    /// Appends an audit row for a change the caller made through other means (a silence,
    /// an acknowledgement), in the same transaction as that change.
    @discardableResult
    func appendAudit(action: String, subject: String, before: String?, after: String?, actor: AuditActor, at: Date) throws -> AuditRecord
    /// The latest `limit` rows (all when nil) about `subject` or anything under it (a
    /// person id also covers their positions `ID/ks@NPSN`), oldest first.
    func history(subject: String, limit: Int?) throws -> [AuditRecord]
    /// The latest `limit` rows of the whole history, oldest first.
    func recentAudit(limit: Int) throws -> [AuditRecord]

    // MARK: Reminders

    /// Whether the occurrence `id` was handled (fired, missed or silenced) already.
    func reminderExists(_ id: String) throws -> Bool
    /// Which of `ids` were handled already: one question per batch of ids, not per id,
    /// for the scheduler's check of a whole planning horizon.
    func knownReminderIDs(_ ids: [String]) throws -> Set<String>
    /// Logs a handled occurrence exactly once: false, writing nothing, when its id is
    /// already logged. A new `.fired` one gets one pending delivery per name in `hooks`,
    /// due at `at`, in the same transaction: a fired reminder always has its deliveries.
    /// Call it inside `transaction { }` with the rest of what firing writes.
    func recordReminder(_ reminder: ReminderRecord, hooks: [String], at: Date) throws -> Bool
    /// Logged reminders, newest fire time first.
    func reminders(matching query: ReminderQuery) throws -> [ReminderRecord]
    /// How many logged reminders are in each state (every state present, 0 when none),
    /// counting those whose fire time is at or after `since` (all when nil).
    func reminderCounts(since: Date?) throws -> [ReminderState: Int]

    // MARK: Hook deliveries

    /// Pending and retrying deliveries whose next attempt is at or before `at` (a NULL
    /// time counts as now), each with its reminder, oldest first, at most `limit`; only to
    /// `hook` when given, and none of the reminders `excluding` names (those already running).
    func dueDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>) throws
        -> [(delivery: HookDelivery, reminder: ReminderRecord)]
    /// The earliest next attempt among pending and retrying deliveries (only to `hook`, when
    /// given, and not of the reminders `excluding` names), for the daemon's sleep; nil when
    /// none waits.
    func nextDeliveryAttempt(hook: String?, excluding: Set<String>) throws -> Date?
    /// The hooks that pending or retrying deliveries wait for, in name order.
    func queuedHooks() throws -> [String]
    /// Records the end of one run: counts the attempt, moves the delivery to delivered,
    /// retrying (due at the outcome's time) or failed, and keeps the exit code and the
    /// error (cut to `HookDelivery.errorLimit` bytes); a run that never started (postponed)
    /// keeps its state and attempts and is due again at the outcome's time. A delivery
    /// already final is left as it is; an unknown one is `StoreError.noSuchDelivery`.
    func finishDelivery(reminderID: String, hook: String, outcome: DeliveryOutcome, at: Date) throws
    /// Deliveries, most recently updated first.
    func deliveries(matching query: DeliveryQuery) throws -> [HookDelivery]

    // MARK: Silences

    /// Silences a person or a school (exactly one) up to and including `until`
    /// (`YYYY-MM-DD`), with an audit row `silence/<id>`; `StoreError.invalidSilence` for
    /// neither or both, a malformed date or an empty reason.
    func addSilence(personID: String?, npsn: String?, until: String, reason: String, actor: AuditActor, at: Date) throws -> Silence
    /// Silences covering the local day `activeOn` (`YYYY-MM-DD`; every one when nil),
    /// removed ones only with `includeRemoved`; oldest first.
    func silences(activeOn: String?, includeRemoved: Bool) throws -> [Silence]
    /// Lifts a silence (kept, with `removedAt` set) with an audit row; nil when there is no
    /// such silence, the silence unchanged when it was removed already.
    func removeSilence(id: Int64, actor: AuditActor, at: Date) throws -> Silence?

    // MARK: Acknowledgements

    /// Acknowledges a reminder, which stops the further reminders of the same plan, step
    /// and deadline (see `AcknowledgementKey` for how the id is read), with an audit row on
    /// the plan; false when this reminder was acknowledged before.
    /// `StoreError.malformedReminderID` when the id is not `plan|step|due|…`.
    func acknowledge(reminderID: String, actor: AuditActor, at: Date) throws -> Bool
    /// The keys acknowledged for the given plans (every plan when nil).
    func acknowledgedKeys(planIDs: [String]?) throws -> Set<AcknowledgementKey>

    // MARK: Scheduler

    /// The instant up to which the scheduler has handled occurrences (nil before its first
    /// run): after a restart it catches up from here.
    func schedulerCheckpoint() throws -> Date?
    func setSchedulerCheckpoint(_ date: Date) throws

    // MARK: Status

    func counts(cycle: CycleID, overdueOn: LocalDate) throws -> StoreCounts
}

extension StoreOperations {
    /// Every due delivery, of every hook.
    public func dueDeliveries(at: Date, limit: Int) throws -> [(delivery: HookDelivery, reminder: ReminderRecord)] {
        try dueDeliveries(at: at, limit: limit, hook: nil, excluding: [])
    }

    /// The earliest next attempt of any delivery.
    public func nextDeliveryAttempt() throws -> Date? {
        try nextDeliveryAttempt(hook: nil, excluding: [])
    }
}
