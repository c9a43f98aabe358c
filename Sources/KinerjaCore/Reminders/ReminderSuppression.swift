import Foundation

/// Whether a due reminder is sent: the one rule the scheduler (and the preview) applies.
/// In this order:
/// 1. Silenced: a silence of the plan's person or of the plan's school covers the day it
///    fires (a silence's last day included), or its deadline was acknowledged
///    (`AcknowledgementKey`). It is recorded, not sent: nothing is lost.
/// 2. Missed: it was due more than `ReminderPolicy.catchUpHorizonDays` before now (the
///    daemon was down): recorded and shown in `status`, not sent, because a reminder that
///    late would mislead.
/// 3. Sent: anything else, late when it was due a minute or more before now.
public struct ReminderSuppression: Sendable {
    /// A silence as the rule reads it: a person or a school, up to and including a day.
    public struct Silence: Sendable, Hashable {
        public var personID: PersonID?
        public var npsn: NPSN?
        public var until: LocalDate

        public init(personID: PersonID?, npsn: NPSN?, until: LocalDate) {
            self.personID = personID
            self.npsn = npsn
            self.until = until
        }
    }

    public enum Outcome: Hashable, Sendable {
        case silenced
        case missed
        case send(late: Bool)
    }

    public let silences: [Silence]
    public let acknowledged: Set<AcknowledgementKey>
    public let catchUpHorizonDays: Int

    public init(silences: [Silence], acknowledged: Set<AcknowledgementKey>, catchUpHorizonDays: Int) {
        self.silences = silences
        self.acknowledged = acknowledged
        self.catchUpHorizonDays = catchUpHorizonDays
    }

    /// What becomes of the reminder with this acknowledgement key, of `plan`, firing on the
    /// local day `fireDate` at `fireAt`, handled at `now`.
    public func outcome(plan: PlanID, key: AcknowledgementKey, fireDate: LocalDate, fireAt: Date, now: Date) -> Outcome {
        let person = plan.position.personID, school = plan.position.npsn
        if silences.contains(where: { $0.until >= fireDate && ($0.personID == person || ($0.npsn != nil && $0.npsn == school)) })
            || acknowledged.contains(key) {
            return .silenced
        }
        if fireAt < now.addingTimeInterval(-Double(catchUpHorizonDays) * 86_400) { return .missed }
        return .send(late: fireAt < now.addingTimeInterval(-60))
    }
}
