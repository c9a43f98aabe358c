import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The compliance report: how the cycle's plans meet their deadlines, per step, school and
/// role, and what they chose and how they were rated, counted by the store
/// (`OfficeStore.compliance`, `OfficeStore.choiceCounts`).
extension Office {
    func compliance(_ text: String?) async throws -> ComplianceReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        async let choices = store.choiceCounts(cycle: cycle)
        let counts = try await store.compliance(cycle: cycle, on: today)
        let chosen = try await choices
        let schools = try await store.schoolNames(Set(chosen.tallies.filter { $0.choice == .sekolah || $0.choice == .sekolahFokus }
            .map { NPSN(trusted: $0.id) }))
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
            roles: Role.allCases.compactMap { role in counts.roles[role].map { group(role.rawValue, nil, $0) } },
            choices: chosen.tallies.map { t in
                ChoiceCount(
                    role: t.role.rawValue, step: t.step.rawValue, choice: t.choice.rawValue, id: t.id,
                    nama: CoreToWire.choiceName(t.choice, t.id, role: t.role, rules: rules, schoolNames: schools),
                    aspect: t.aspect?.rawValue, plans: t.plans)
            },
            advised: chosen.advised, preconditions: try await trackedPreconditionCounts(cycle: cycle, settings: settings))
    }
}
