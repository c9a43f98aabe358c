extension Plan {
    /// The opening day of a plan made on `today` for an active position without one: `today`
    /// for a newcomer, nil otherwise. A position that appears after its cycle's plans were
    /// made (a roster import adds a principal appointed in April, a Plt.) is a newcomer, and
    /// plans within `DeadlineRelief.newcomerPlanningDays` of that day (issue 12's question: a
    /// fresh plan mid-cycle was overdue the day it appeared). Plans made with the cycle's own
    /// (on its eve, or by an office's first roster import into a cycle without plans) are
    /// not: those positions existed from the cycle's start, and the office only began
    /// recording them.
    public static func openingDay(in cycle: CycleID, on today: LocalDate, cycleHasPlans: Bool) -> LocalDate? {
        cycleHasPlans && today > cycle.start ? today : nil
    }
}
