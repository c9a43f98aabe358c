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
    /// Recomputes the stored deadline of every plan of `cycle` (new rules may move them);
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

    // MARK: Status

    func counts(cycle: CycleID, overdueOn: LocalDate) throws -> StoreCounts
}
