import Foundation
import KinerjaCore

/// Stages 1–2 calls, each in its own transaction.
extension SQLiteStore {
    public func preconditions(cycle: CycleID) async throws -> [PreconditionRecord] {
        try await reading { try $0.preconditions(cycle: cycle) }
    }

    public func preconditionTally(cycle: CycleID) async throws -> PreconditionTally {
        try await reading { try $0.preconditionTally(cycle: cycle) }
    }

    public func recordPreconditions(
        _ records: [PreconditionRecord], cycle: CycleID, rules: String,
        derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation, actor: AuditActor, at: Date
    ) async throws -> PreconditionSummary {
        try await writing { try $0.recordPreconditions(records, cycle: cycle, rules: rules, derive: derive, actor: actor, at: at) }
    }
}
