import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The compliance report: how the cycle's plans meet their deadlines, per step, school and role.
extension Office {
    func compliance(_ text: String?) throws -> ComplianceReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        var steps: [StepKey: StepCompliance] = [:]
        var order: [StepKey] = []
        for role in Role.allCases {
            for step in Workflow.steps(for: role) {
                let key = StepKey(role: role, step: step)
                steps[key] = StepCompliance(role: role.rawValue, step: step.rawValue)
                order.append(key)
            }
        }
        var schools: [String: GroupCompliance] = [:]
        var roles: [String: GroupCompliance] = [:]
        let names = Dictionary(
            try store.positions(matching: PositionQuery(role: .kepalaSekolah, npsn: nil, activeOnly: false))
                .compactMap { p in p.key.npsn.map { ($0.rawValue, p.namaSekolah) } },
            uniquingKeysWith: { first, _ in first })
        for stored in try store.plans(matching: PlanQuery(cycle: cycle)) {
            let plan = stored.plan
            let timeline = Timeline.entries(of: plan, rules: rules)
            let status = PlanStatus(of: plan, timeline: timeline, on: today, rules: rules)
            for (index, entry) in timeline.enumerated() {
                let key = StepKey(role: plan.role, step: entry.step)
                if let done = entry.completedOn, index < plan.currentIndex {
                    steps[key]!.done += 1
                    if done <= entry.due { steps[key]!.onTime += 1 } else { steps[key]!.late += 1 }
                } else if index == plan.currentIndex {
                    if status.flags.contains(.blocked) {
                        steps[key]!.blocked += 1
                    } else if status.flags.contains(.overdue) {
                        steps[key]!.overdue += 1
                    } else {
                        steps[key]!.pending += 1
                    }
                }
            }
            func count(_ group: inout GroupCompliance) {
                group.plans += 1
                if plan.isComplete { group.complete += 1 }
                if status.flags.contains(.overdue) { group.overdue += 1 }
                if status.flags.contains(.blocked) { group.blocked += 1 }
                if status.flags.contains(.notSubmitted) { group.notSubmitted += 1 }
            }
            count(&roles[plan.role.rawValue, default: GroupCompliance(key: plan.role.rawValue, name: nil)])
            if let npsn = plan.id.position.npsn?.rawValue {
                count(&schools[npsn, default: GroupCompliance(key: npsn, name: names[npsn] ?? nil)])
            }
        }
        return ComplianceReport(
            cycle: cycle.description, asOf: today.description, steps: order.map { steps[$0]! },
            schools: schools.keys.sorted().map { schools[$0]! },
            roles: Role.allCases.compactMap { roles[$0.rawValue] })
    }
}

/// A row of the report's step table (a key of enums: the report counts every step of
/// every plan, and building a text key for each was a fifth of it).
private struct StepKey: Hashable {
    let role: Role
    let step: Step
}
