/// Which hook deliveries to list, most recently updated first; nil fields do not filter.
public struct DeliveryQuery: Sendable, Hashable {
    public var state: DeliveryState?
    public var reminderID: String?
    public var limit: Int?

    public init(state: DeliveryState? = nil, reminderID: String? = nil, limit: Int? = nil) {
        self.state = state
        self.reminderID = reminderID
        self.limit = limit
    }
}
