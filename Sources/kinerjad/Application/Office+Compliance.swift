import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The compliance report: how the cycle's plans meet their deadlines, per step, school and
/// role, counted by the store (`OfficeStore.compliance`).
extension Office {
    func compliance(_ text: String?) async throws -> ComplianceReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        _ = try rules(for: cycle)
        let counts = try await store.compliance(cycle: cycle, on: today)
        func group(_ key: String, _ name: String?, _ g: ComplianceCounts.GroupCounts) -> GroupCompliance {
            GroupCompliance(
                key: key, name: name, plans: g.plans, complete: g.complete, overdue: g.overdue, blocked: g.blocked, notSubmitted: g.notSubmitted,
                unfinished: g.unfinished)
        }
        return ComplianceReport(
            cycle: cycle.description, asOf: today.description,
            steps: counts.steps.map {
                StepCompliance(
                    role: $0.role.rawValue, step: $0.step.rawValue, done: $0.done, onTime: $0.onTime, late: $0.late,
                    overdue: $0.overdue, blocked: $0.blocked, pending: $0.pending, unfinished: $0.unfinished)
            },
            schools: counts.schools.map { group($0.npsn, $0.name, $0.counts) },
            roles: Role.allCases.compactMap { role in counts.roles[role].map { group(role.rawValue, nil, $0) } })
    }
}
