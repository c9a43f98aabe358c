/// A delivery to run, with the reminder it delivers.
public struct DueDelivery: Sendable, Hashable {
    public var delivery: HookDelivery
    public var reminder: ReminderRecord

    public init(delivery: HookDelivery, reminder: ReminderRecord) {
        self.delivery = delivery
        self.reminder = reminder
    }
}
