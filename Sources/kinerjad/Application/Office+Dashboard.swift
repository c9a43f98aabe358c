import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The read methods of the office head's dashboard (kinerja-web): a cycle's progress week by
/// week, per role and per school, and the mark that tells a client when its kept answers
/// may be stale. Built from the store's existing reads; nothing here writes.
extension Office {
    /// A mark that moves with every committed write (as the store reports them, any
    /// writer's: changes, imports, fired reminders, the scheduler's bookkeeping), every reload of the settings,
    /// and the office's date (a new day makes plans overdue without a write). It may move
    /// without a change a client would see; it never stays when one happened.
    func dataVersion() -> Kinerja.GetDataVersion.Result {
        let (settings, settingsVersion) = versionedSettings
        let today = settings.config.calendar.date(of: clock.now())
        return .init(version: "\(commits.value).\(settingsVersion).\(today)", today: today.description)
    }

    /// How many schools `ShowProgress` lists as behind when the call does not say.
    static let defaultBehindSchools = 20

    func progress(_ p: Kinerja.ShowProgress.Parameters) async throws -> CycleProgress {
        let tally = try await dashboardTally(cycle: p.cycle)
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

    func schools(_ p: Kinerja.ListSchools.Parameters) async throws -> [SchoolProgress] {
        let npsn = try WireToCore.npsn(p.npsn)
        let schools = try await dashboardTally(cycle: p.cycle, npsn: npsn).schools
        if let npsn, schools.isEmpty {
            throw WireToCore.invalid(
                "npsn", id: "tidak ada sekolah \(npsn) di roster", en: "the roster names no school \(npsn)")
        }
        return schools
    }

    /// One pass over a cycle's positions with their holders and plans' facts (a listing),
    /// and the store's count of step completions per day: each plan's track (`PlanTrack`)
    /// counted per role and school, and for each step of each role how many plans had
    /// completed it by the end of each week. A step counts as passed in the week of its
    /// completion date (dates outside the cycle fall into its first or last week); a plan
    /// past a step with no date for it counts from the current week.
    private func dashboardTally(cycle text: String?, npsn: NPSN? = nil) async throws -> DashboardTally {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        _ = try rules(for: cycle)
        let lifecycle = settings.config.lifecycle
        let lastDay = min(today, cycle.end)
        let weekCount = lastDay < cycle.start ? 0 : cycle.start.days(until: lastDay) / 7 + 1
        let weeks = (0..<weekCount).map { min(cycle.start.adding(days: 7 * $0 + 6), cycle.end) }
        let roles = Role.allCases
        let workflows = roles.map { Workflow.steps(for: $0) }
        var counts = roles.map { _ in TrackCounts() }
        var schools: [String: SchoolProgress] = [:]

        // The positions (inactive ones too: their plans count), one school's when asked:
        // its principals', and the supervisors' who mentor it.
        var rows: [ListedPosition]
        if let npsn {
            rows = try await store.listing(ListingQuery(cycle: cycle, npsn: npsn, activeOnly: false))
            let principals = Set(rows.map(\.position.key))
            rows += try await store.listing(ListingQuery(cycle: cycle, sekolahBinaan: npsn)).filter { !principals.contains($0.position.key) }
        } else {
            rows = try await store.listing(ListingQuery(cycle: cycle, activeOnly: false))
        }
        // A school's name, kecamatan and jenjang as its principals' rows give them, the first by person id.
        var names: [String: (person: PersonID, position: Position)] = [:]
        for row in rows where row.position.key.role == .kepalaSekolah {
            guard let school = row.position.key.npsn?.rawValue, row.position.namaSekolah != nil else { continue }
            if let known = names[school], known.person < row.person.id { continue }
            names[school] = (row.person.id, row.position)
        }
        func row(_ npsn: String) -> SchoolProgress {
            let named = names[npsn]?.position
            return schools[npsn] ?? SchoolProgress(
                npsn: npsn, name: named?.namaSekolah, counts: TrackCounts(), stepsDone: 0, steps: 0, principals: [], supervisors: [],
                kecamatan: named?.kecamatan, jenjang: named?.jenjang)
        }
        var passed = workflows.map { steps in [Int](repeating: 0, count: steps.count) }
        for listed in rows {
            let position = listed.position
            if position.active {
                let named = SchoolPerson(id: listed.person.id.rawValue, nama: listed.person.nama, jabatan: position.jabatan.rawValue)
                if let school = position.key.npsn?.rawValue, npsn == nil || school == npsn?.rawValue {
                    schools[school] = row(school)
                    schools[school]!.principals.append(named)
                }
                for binaan in position.sekolahBinaan.map(\.rawValue) where npsn == nil || binaan == npsn?.rawValue {
                    schools[binaan] = row(binaan)
                    schools[binaan]!.supervisors.append(named)
                }
            }
            guard let facts = listed.plan, npsn == nil || position.key.npsn == npsn else { continue }
            let r = roles.firstIndex(of: position.key.role)!
            let track = PlanTrack(complete: facts.isComplete, flags: lifecycle.status(of: facts, on: today).flags)
            counts[r].add(track)
            let steps = workflows[r].count, done = min(facts.currentIndex, steps)
            for s in 0..<done { passed[r][s] += 1 }
            if let school = position.key.npsn?.rawValue {
                var counted = row(school)
                counted.counts.add(track)
                counted.stepsDone += done
                counted.steps += steps
                schools[school] = counted
            }
        }
        // Completions per week: the dated ones in the week of their date, the rest of the
        // plans past a step in the current week; summed into plans past the step by each
        // week's end.
        var completedIn = workflows.map { steps in steps.map { _ in [Int](repeating: 0, count: weekCount) } }
        if weekCount > 0 {
            var dated = passed.map { $0.map { _ in 0 } }
            for c in try await store.stepCompletions(cycle: cycle, npsn: npsn) {
                guard let day = c.completedOn, let r = roles.firstIndex(of: c.role), let s = workflows[r].firstIndex(of: c.step) else { continue }
                completedIn[r][s][min(max(cycle.start.days(until: day) / 7, 0), weekCount - 1)] += c.plans
                dated[r][s] += c.plans
            }
            for r in roles.indices {
                for s in workflows[r].indices { completedIn[r][s][weekCount - 1] += max(passed[r][s] - dated[r][s], 0) }
            }
        }
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
