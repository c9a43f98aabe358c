import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The read methods of the office head's dashboard (kinerja-web): a cycle's progress week by
/// week, per role and per school, and the mark that tells a client when its kept answers
/// may be stale. Built from the store's existing reads; nothing here writes.
extension Office {
    /// A mark that moves with every committed write (the store's write count: changes,
    /// imports, fired reminders, the scheduler's bookkeeping), every reload of the settings,
    /// and the office's date (a new day makes plans overdue without a write). It may move
    /// without a change a client would see; it never stays when one happened.
    func dataVersion() -> Kinerja.GetDataVersion.Result {
        let (settings, settingsVersion) = versionedSettings
        let today = settings.config.calendar.date(of: clock.now())
        return .init(version: "\(store.writeCount).\(settingsVersion).\(today)", today: today.description)
    }

    /// How many schools `ShowProgress` lists as behind when the call does not say.
    static let defaultBehindSchools = 20

    func progress(_ p: Kinerja.ShowProgress.Parameters) throws -> CycleProgress {
        let tally = try dashboardTally(cycle: p.cycle)
        let roles = Role.allCases.enumerated().compactMap { r, role -> RoleProgress? in
            guard tally.roles[r].plans > 0 else { return nil }
            let steps = Workflow.steps(for: role).enumerated().map { s, step in
                StepProgress(step: step.rawValue, past: tally.past[r][s])
            }
            return RoleProgress(role: role.rawValue, counts: tally.roles[r], steps: steps)
        }
        let withPlans = tally.schools.filter { $0.counts.plans > 0 }
        let behind = withPlans.sorted {
            // Least progress first (a ratio compared without division), then most late.
            let left = $0.stepsDone * max($1.steps, 1), right = $1.stepsDone * max($0.steps, 1)
            return left != right ? left < right : ($0.counts.late, $1.npsn) > ($1.counts.late, $0.npsn)
        }
        let limit = p.behind ?? Office.defaultBehindSchools
        return CycleProgress(
            cycle: tally.cycle.description, asOf: tally.today.description, weeks: tally.weeks.map(\.description), roles: roles,
            schools: withPlans.count, behind: Array(behind.prefix(limit)))
    }

    func schools(_ p: Kinerja.ListSchools.Parameters) throws -> [SchoolProgress] {
        let npsn = try WireToCore.npsn(p.npsn)
        let schools = try dashboardTally(cycle: p.cycle, npsn: npsn).schools
        if let npsn, schools.isEmpty {
            throw WireToCore.invalid(
                "npsn", id: "tidak ada sekolah \(npsn) di roster", en: "the roster names no school \(npsn)")
        }
        return schools
    }

    /// One pass over a cycle's plans and the roster: each plan's track (`PlanTrack`) counted
    /// per role and school, and for each step of each role how many plans had completed it
    /// by the end of each week. A step counts as passed in the week of its completion date
    /// (dates outside the cycle fall into its first or last week); a plan at a later step
    /// whose record has no date counts from the current week.
    private func dashboardTally(cycle text: String?, npsn: NPSN? = nil) throws -> DashboardTally {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        let schedule = TimelineSchedule(cycle: cycle, rules: rules)
        let lifecycle = settings.config.reminders.lifecycle
        let lastDay = min(today, cycle.end)
        let weekCount = lastDay < cycle.start ? 0 : cycle.start.days(until: lastDay) / 7 + 1
        let weeks = (0..<weekCount).map { min(cycle.start.adding(days: 7 * $0 + 6), cycle.end) }
        let roles = Role.allCases
        let workflows = roles.map { Workflow.steps(for: $0) }
        var counts = roles.map { _ in TrackCounts() }
        var completedIn = workflows.map { steps in steps.map { _ in [Int](repeating: 0, count: weekCount) } }
        var schools: [String: SchoolProgress] = [:]

        func row(_ npsn: String, names: [String: String]) -> SchoolProgress {
            schools[npsn] ?? SchoolProgress(
                npsn: npsn, name: names[npsn], counts: TrackCounts(), stepsDone: 0, steps: 0, principals: [], supervisors: [])
        }
        let names = try store.schoolNames()
        for (person, position) in try store.positionsWithPeople(matching: PositionQuery()) {
            let named = SchoolPerson(id: person.id.rawValue, nama: person.nama, jabatan: position.jabatan.rawValue)
            if let school = position.key.npsn?.rawValue, npsn == nil || school == npsn?.rawValue {
                schools[school] = row(school, names: names)
                schools[school]!.principals.append(named)
            }
            for binaan in position.sekolahBinaan.map(\.rawValue) where npsn == nil || binaan == npsn?.rawValue {
                schools[binaan] = row(binaan, names: names)
                schools[binaan]!.supervisors.append(named)
            }
        }
        for stored in try store.plans(matching: PlanQuery(cycle: cycle, npsn: npsn)) {
            let plan = stored.plan
            let r = roles.firstIndex(of: plan.role)!
            let timeline = schedule.entries(of: plan)
            let closure = lifecycle.closure(of: plan, kept: stored.closure, on: today)
            let status = PlanStatus(of: plan, timeline: timeline, on: today, rules: rules, closure: closure)
            let track = PlanTrack(complete: plan.isComplete, flags: status.flags)
            counts[r].add(track)
            if weekCount > 0 {
                for (index, entry) in timeline.enumerated() where index < plan.currentIndex {
                    guard let s = workflows[r].firstIndex(of: entry.step) else { continue }
                    let week = entry.completedOn.map { min(max(cycle.start.days(until: $0) / 7, 0), weekCount - 1) } ?? weekCount - 1
                    completedIn[r][s][week] += 1
                }
            }
            if let school = plan.id.position.npsn?.rawValue {
                var counted = row(school, names: names)
                counted.counts.add(track)
                counted.stepsDone += min(plan.currentIndex, timeline.count)
                counted.steps += timeline.count
                schools[school] = counted
            }
        }
        // Completions per week, summed into plans past the step by each week's end.
        let past = completedIn.map { steps in
            steps.map { weekly in weekly.reduce(into: [Int]()) { sums, n in sums.append((sums.last ?? 0) + n) } }
        }
        return DashboardTally(
            cycle: cycle, today: today, weeks: weeks, roles: counts, past: past,
            schools: schools.keys.sorted().map { schools[$0]! })
    }
}

/// What `dashboardTally` counted.
private struct DashboardTally {
    var cycle: CycleID
    var today: LocalDate
    var weeks: [LocalDate]
    /// Per role, in `Role.allCases` order.
    var roles: [TrackCounts]
    /// Per role and step of its workflow: plans past the step by each week's end.
    var past: [[[Int]]]
    var schools: [SchoolProgress]
}

extension TrackCounts {
    mutating func add(_ track: PlanTrack) {
        plans += 1
        switch track {
        case .done: done += 1
        case .onTrack: onTrack += 1
        case .late: late += 1
        case .blocked: blocked += 1
        case .unfinished: unfinished += 1
        }
    }
}
