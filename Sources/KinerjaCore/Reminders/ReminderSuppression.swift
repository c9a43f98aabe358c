/// Why a planned occurrence is not sent: it stays in the log (recorded as silenced) and in
/// the preview (marked), so that nothing is lost without a trace (DESIGN.md, Reminders).
public enum ReminderSuppression: String, Sendable, Hashable, CaseIterable {
    /// A silence of the plan's person or school covers the day it fires.
    case silenced
    /// Someone acknowledged a reminder of the same plan, step and deadline.
    case acknowledged
}

/// A silence as the planner reads it: a person (the plan's owner) or a school, until a day
/// (inclusive).
public struct ReminderSilence: Sendable, Hashable {
    public let personID: PersonID?
    public let npsn: NPSN?
    public let until: LocalDate

    public init(personID: PersonID?, npsn: NPSN?, until: LocalDate) {
        self.personID = personID
        self.npsn = npsn
        self.until = until
    }
}

/// The silences and acknowledgements in force: the one rule of which occurrence is
/// suppressed, used when firing and when previewing alike.
public struct ReminderSuppressions: Sendable, Hashable {
    public let silences: [ReminderSilence]
    public let acknowledged: Set<AcknowledgementKey>

    public init(silences: [ReminderSilence] = [], acknowledged: Set<AcknowledgementKey> = []) {
        self.silences = silences
        self.acknowledged = acknowledged
    }

    /// Nil when `o` is to be sent. A silence counts on the day the occurrence fires, so a
    /// catch-up honours a silence that covered that day; an acknowledgement covers every
    /// occurrence of its deadline.
    public func suppression(of o: ReminderOccurrence) -> ReminderSuppression? {
        suppression(plan: o.plan, key: o.acknowledgementKey, fireDate: o.fireDate)
    }

    /// The same for an occurrence known by its plan, acknowledgement key and fire day (a
    /// reminder the log holds).
    public func suppression(plan: PlanID, key: AcknowledgementKey, fireDate: LocalDate) -> ReminderSuppression? {
        if !acknowledged.isEmpty, acknowledged.contains(key) { return .acknowledged }
        let person = plan.position.personID, school = plan.position.npsn
        for silence in silences where silence.until >= fireDate {
            if silence.personID == person || (silence.npsn != nil && silence.npsn == school) { return .silenced }
        }
        return nil
    }
}
