import KinerjaCore

/// The compliance report's counting, fed row by row by an adapter's queries: the school
/// names in school order, then the cycle's plans in school order with the rules' verdicts
/// (the database evaluates `PlanFactsSQL`), then the completed steps with whether each met
/// its deadline. One home for how the report counts, whatever database read the rows.
package struct ComplianceTally {
    private let allRoles = Role.allCases
    private let workflows = Role.allCases.map { Workflow.steps(for: $0) }
    private var steps: [[ComplianceCounts.StepCounts]]
    private var roles: [ComplianceCounts.GroupCounts]
    private var schools: [ComplianceCounts.SchoolCounts] = []
    private var names: [(npsn: String, name: String)] = []
    private var nameIndex = 0

    package init() {
        let allRoles = Role.allCases
        steps = allRoles.indices.map { r in Workflow.steps(for: allRoles[r]).map { ComplianceCounts.StepCounts(role: allRoles[r], step: $0) } }
        roles = allRoles.map { _ in ComplianceCounts.GroupCounts() }
    }

    /// A principal's school and its name, in school order (the first per school is kept).
    package mutating func name(_ npsn: String, _ name: String) {
        guard names.last?.npsn != npsn else { return }
        names.append((npsn, name))
    }

    private mutating func name(of npsn: String) -> String? {
        while nameIndex < names.count, names[nameIndex].npsn < npsn { nameIndex += 1 }
        return nameIndex < names.count && names[nameIndex].npsn == npsn ? names[nameIndex].name : nil
    }

    /// The last school counted, for an adapter that compares its bytes without a new string.
    package var lastSchool: String? { schools.last?.npsn }

    /// One plan of the cycle, in school order.
    package mutating func plan(
        npsn: String, role: Role, step: Step?, overdue: Bool, blocked: Bool, unsubmitted: Bool, closed: Bool, complete: Bool
    ) {
        guard let r = allRoles.firstIndex(of: role) else { return }
        func count(_ g: inout ComplianceCounts.GroupCounts) {
            g.plans += 1
            if complete { g.complete += 1 }
            if overdue { g.overdue += 1 }
            if blocked { g.blocked += 1 }
            if unsubmitted { g.notSubmitted += 1 }
            if closed { g.unfinished += 1 }
        }
        count(&roles[r])
        if let step, let s = workflows[r].firstIndex(of: step) {
            if blocked { steps[r][s].blocked += 1 }
            if overdue { steps[r][s].overdue += 1 }
            if closed { steps[r][s].unfinished += 1 }
            if !blocked && !overdue && !closed { steps[r][s].pending += 1 }
        }
        guard role == .kepalaSekolah else { return }
        if schools.last?.npsn != npsn { schools.append(ComplianceCounts.SchoolCounts(npsn: npsn, name: name(of: npsn), counts: .init())) }
        count(&schools[schools.count - 1].counts)
    }

    /// A completed step of one of the cycle's plans, and whether it met its deadline.
    package mutating func completion(role: Role, index: Int, onTime: Bool) {
        guard let r = allRoles.firstIndex(of: role), index >= 0, index < steps[r].count else { return }
        steps[r][index].done += 1
        if onTime { steps[r][index].onTime += 1 } else { steps[r][index].late += 1 }
    }

    package var counts: ComplianceCounts {
        var byRole: [Role: ComplianceCounts.GroupCounts] = [:]
        for (r, role) in allRoles.enumerated() where roles[r].plans > 0 { byRole[role] = roles[r] }
        return ComplianceCounts(steps: steps.flatMap { $0 }, roles: byRole, schools: schools)
    }
}
