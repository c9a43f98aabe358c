import Foundation
import GRDB

/// Hook delivery calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func dueDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>) async throws -> [DueDelivery] {
        try await reading { try $0.dueDeliveries(at: at, limit: limit, hook: hook, excluding: excluding) }
    }

    public func claimDeliveries(at: Date, limit: Int, hook: String?, excluding: Set<String>, claimant: String) async throws -> [DueDelivery] {
        try await writing { try $0.claimDeliveries(at: at, limit: limit, hook: hook, excluding: excluding, claimant: claimant) }
    }

    public func nextDeliveryAttempt(hook: String?, excluding: Set<String>) async throws -> Date? {
        try await reading { try $0.nextDeliveryAttempt(hook: hook, excluding: excluding) }
    }

    public func queuedHooks() async throws -> [String] {
        try await reading { try $0.queuedHooks() }
    }

    public func finishDelivery(reminderID: String, hook: String, outcome: DeliveryOutcome, at: Date) async throws {
        try await writing { try $0.finishDelivery(reminderID: reminderID, hook: hook, outcome: outcome, at: at) }
    }

    public func deliveries(matching query: DeliveryQuery) async throws -> [HookDelivery] {
        try await reading { try $0.deliveries(matching: query) }
    }
}

extension SQLiteTransaction {
    /// How many deliveries are in `state`, counted by SQLite (for `status`).
    func deliveryCount(state: DeliveryState) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM hook_delivery WHERE state = ?", arguments: [state.rawValue]) ?? 0
    }
}
