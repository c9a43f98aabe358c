import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The compliance report: how the cycle's plans meet their deadlines, per step, school and role.
extension Office {
    func compliance(_ text: String?) throws -> ComplianceReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        // Each role's step rows in workflow order, the order of a plan's timeline.
        var steps: [Role: [StepCompliance]] = [:]
        var rowOf: [Role: [Step: Int]] = [:]
        for role in Role.allCases {
            let workflow = Workflow.steps(for: role)
            steps[role] = workflow.map { StepCompliance(role: role.rawValue, step: $0.rawValue) }
            rowOf[role] = Dictionary(uniqueKeysWithValues: workflow.enumerated().map { ($1, $0) })
        }
        var schools: [String: GroupCompliance] = [:]
        var roles: [Role: GroupCompliance] = [:]
        for stored in try store.plans(matching: PlanQuery(cycle: cycle)) {
            let plan = stored.plan
            let timeline = Timeline.entries(of: plan, rules: rules)
            let status = PlanStatus(of: plan, timeline: timeline, on: today, rules: rules)
            let blocked = status.flags.contains(.blocked), overdue = status.flags.contains(.overdue)
            for (index, entry) in timeline.enumerated() {
                guard let row = rowOf[plan.role]![entry.step] else { continue }
                if let done = entry.completedOn, index < plan.currentIndex {
                    steps[plan.role]![row].done += 1
                    if done <= entry.due { steps[plan.role]![row].onTime += 1 } else { steps[plan.role]![row].late += 1 }
                } else if index == plan.currentIndex {
                    if blocked {
                        steps[plan.role]![row].blocked += 1
                    } else if overdue {
                        steps[plan.role]![row].overdue += 1
                    } else {
                        steps[plan.role]![row].pending += 1
                    }
                }
            }
            func count(_ group: inout GroupCompliance) {
                group.plans += 1
                if plan.isComplete { group.complete += 1 }
                if overdue { group.overdue += 1 }
                if blocked { group.blocked += 1 }
                if status.flags.contains(.notSubmitted) { group.notSubmitted += 1 }
            }
            count(&roles[plan.role, default: GroupCompliance(key: plan.role.rawValue, name: nil)])
            if let npsn = plan.id.position.npsn?.rawValue {
                count(&schools[npsn, default: GroupCompliance(key: npsn, name: nil)])
            }
        }
        // Names once per school, not per plan.
        let names = try store.schoolNames()
        return ComplianceReport(
            cycle: cycle.description, asOf: today.description, steps: Role.allCases.flatMap { steps[$0]! },
            schools: schools.keys.sorted().map { npsn in
                var school = schools[npsn]!
                school.name = names[npsn]
                return school
            },
            roles: Role.allCases.compactMap { roles[$0] })
    }
}
