import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The compliance report: how the cycle's plans meet their deadlines, per step, school and role.
extension Office {
    func compliance(_ text: String?) throws -> ComplianceReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        let schedule = TimelineSchedule(cycle: cycle, rules: rules)
        let lifecycle = settings.config.reminders.lifecycle
        // Rows and groups by role in arrays rather than tables keyed by role and step:
        // hashing them for every step of every plan was a sixth of the report's time.
        let roles = Role.allCases
        let workflows = roles.map { Workflow.steps(for: $0) }
        var steps = zip(roles, workflows).map { role, workflow in
            workflow.map { StepCompliance(role: role.rawValue, step: $0.rawValue) }
        }
        var roleGroups = roles.map { GroupCompliance(key: $0.rawValue, name: nil) }
        var schools: [String: GroupCompliance] = [:]
        for stored in try store.plans(matching: PlanQuery(cycle: cycle)) {
            let plan = stored.plan
            let r = roles.firstIndex(of: plan.role)!
            let workflow = workflows[r]
            let timeline = schedule.entries(of: plan)
            let closure = lifecycle.closure(of: plan, kept: stored.closure, on: today)
            let status = PlanStatus(of: plan, timeline: timeline, on: today, rules: rules, closure: closure)
            let blocked = status.flags.contains(.blocked), overdue = status.flags.contains(.overdue)
            for (index, entry) in timeline.enumerated() {
                // A timeline follows the workflow; a stored plan of another shape is looked up.
                guard let row = index < workflow.count && workflow[index] == entry.step ? index : workflow.firstIndex(of: entry.step)
                else { continue }
                if let done = entry.completedOn, index < plan.currentIndex {
                    steps[r][row].done += 1
                    if done <= entry.due { steps[r][row].onTime += 1 } else { steps[r][row].late += 1 }
                } else if index == plan.currentIndex {
                    if closure != nil {
                        steps[r][row].unfinished += 1
                    } else if blocked {
                        steps[r][row].blocked += 1
                    } else if overdue {
                        steps[r][row].overdue += 1
                    } else {
                        steps[r][row].pending += 1
                    }
                }
            }
            func count(_ group: inout GroupCompliance) {
                group.plans += 1
                if plan.isComplete { group.complete += 1 }
                if overdue { group.overdue += 1 }
                if blocked { group.blocked += 1 }
                if status.flags.contains(.notSubmitted) { group.notSubmitted += 1 }
                if closure != nil { group.unfinished += 1 }
            }
            count(&roleGroups[r])
            if let npsn = plan.id.position.npsn?.rawValue {
                count(&schools[npsn, default: GroupCompliance(key: npsn, name: nil)])
            }
        }
        // Names once per school, not per plan.
        let names = try store.schoolNames()
        return ComplianceReport(
            cycle: cycle.description, asOf: today.description, steps: steps.flatMap { $0 },
            schools: schools.keys.sorted().map { npsn in
                var school = schools[npsn]!
                school.name = names[npsn]
                return school
            },
            roles: roleGroups.filter { $0.plans > 0 })
    }
}
