import Foundation

/// What fires between two instants, across days, cycles and years: the one computation
/// behind both the scheduler's firing and the preview, so that a preview lists exactly
/// what will fire (DESIGN.md, "Preview").
///
/// - Each plan's occurrences come from `ReminderPlanner`, cut at its cycle's closing day
///   (`CycleLifecycle`): a closed cycle reminds no one.
/// - A cycle that has not begun yet is planned with the plans it will have: every active
///   position's fresh plan (`plansToCome(of:on:positions:having:)`), which is what the daemon makes
///   on the cycle's eve, so the next cycle's planning reminders show before they exist.
/// - Each occurrence carries its suppression (silence, acknowledgement), if any.
public struct ReminderAgenda: Sendable {
    public let policy: ReminderPolicy
    public let calendar: OfficeCalendar
    public let lifecycle: CycleLifecycle
    public let suppressions: ReminderSuppressions

    /// An occurrence and why it is not sent, if it is not.
    public struct Item: Sendable, Hashable {
        public let occurrence: ReminderOccurrence
        public let suppression: ReminderSuppression?
    }

    public init(policy: ReminderPolicy, calendar: OfficeCalendar, lifecycle: CycleLifecycle, suppressions: ReminderSuppressions) {
        self.policy = policy
        self.calendar = calendar
        self.lifecycle = lifecycle
        self.suppressions = suppressions
    }

    /// The first instant at which nothing of `cycle` fires any more.
    public func closingInstant(of cycle: CycleID) -> Date { calendar.instant(lifecycle.closingDay(of: cycle)) }

    /// The occurrences of one plan (its facts, as the store keeps them) with `fireAt` in
    /// (`from`, `through`], sorted by `fireAt` then id, each with its suppression.
    public func items(of plan: PlanFacts, position: Position, from: Date, through: Date) -> [Item] {
        // Fire instants are at the policy's time of day: none falls on the closing instant
        // itself unless that time is 00:00, which the closing day excludes as well.
        let end = min(through, closingInstant(of: plan.plan.cycle).addingTimeInterval(-0.001))
        guard from < end, plan.closure == nil else { return [] }
        return ReminderPlanner.occurrences(of: plan, position: position, policy: policy, calendar: calendar, from: from, through: end)
            .map { Item(occurrence: $0, suppression: suppressions.suppression(of: $0)) }
    }

    /// The plan's first occurrence after `instant` before its cycle closes, suppressed or not
    /// (the scheduler records a suppressed one as silenced when its instant comes).
    public func next(of plan: PlanFacts, position: Position, after instant: Date) -> ReminderOccurrence? {
        guard plan.closure == nil,
              let o = ReminderPlanner.next(of: plan, position: position, policy: policy, calendar: calendar, after: instant),
              o.fireAt < closingInstant(of: plan.plan.cycle)
        else { return nil }
        return o
    }

    /// The fresh plans `cycle` will have for the positions of `positions` that have none in
    /// `having`: none for a cycle that is over on `today` (no plan is made for it any more),
    /// else what the daemon makes for it on its eve or at a roster import.
    public static func plansToCome(
        of cycle: CycleID, on today: LocalDate, positions: some Sequence<PositionKey>, having: Set<PositionKey>
    ) -> [Plan] {
        guard cycle >= CycleID(containing: today) else { return [] }
        return positions.filter { !having.contains($0) }.map { Plan(id: PlanID(cycle: cycle, position: $0)) }
    }
}
