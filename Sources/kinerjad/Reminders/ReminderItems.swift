import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Reminders as clients see them.
enum ReminderItems {
    static func item(_ r: ReminderRecord, calendar: OfficeCalendar) -> ReminderItem {
        ReminderItem(
            id: r.id, plan: r.planID, person: r.personID, step: r.step, kind: r.kind, due: r.due,
            fireAt: CoreToWire.timestamp(r.fireAt, in: calendar), recipientRole: r.recipientRole, recipient: r.recipientID,
            state: r.state.rawValue, late: r.late, message: r.message, digest: r.digestID(calendar: calendar))
    }

    /// A previewed occurrence: state `planned`, or `silenced` / `acknowledged` when it will
    /// not be sent.
    static func item(
        _ o: ReminderOccurrence, id: String? = nil, suppression: ReminderSuppression?, message: String, calendar: OfficeCalendar
    ) -> ReminderItem {
        ReminderItem(
            id: id ?? o.id, plan: o.plan.description, person: o.plan.position.personID.rawValue, step: o.step?.rawValue,
            kind: o.kind.rawValue, due: o.due.description, fireAt: CoreToWire.timestamp(o.fireAt, in: calendar),
            recipientRole: o.recipientRole.rawValue, recipient: o.recipientID?.rawValue, state: suppression?.rawValue ?? ReminderItem.plannedState, late: false,
            message: message, digest: ReminderDigest.id(of: o, itemID: id ?? o.id))
    }
}
