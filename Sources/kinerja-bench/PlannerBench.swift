import Foundation
import KinerjaCore

/// ReminderPlanner alone, in memory, at a country's scale: the CPU a scheduler pass spends
/// planning, apart from the store and the RPC. The plans are the national workload's
/// (`Workload`, same seed): its roster and progress files read by Core's own parsers and
/// applied to the plans of cycle 2026-2 as of `Bench.today`, as an import would, so that
/// principals (definitif and Plt.) and supervisors sit at every step, some blocked.
struct PlannerBench {
    let report: Report
    let workload: Workload
    /// Timed runs of each figure; the median is reported.
    let repeats: Int

    /// The shipped rules (the rules directory beside the bench's kinerja.toml), as the daemon
    /// loads them: the rules of cycle 2026-2 judge the plans.
    let rulesBook: RulesBook

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A plan with the position its reminders go to.
    struct Planned {
        let plan: Plan
        let position: Position
    }

    func run() throws {
        report.begin("Planner: ReminderPlanner on \(workload.positions.formatted()) plans in memory (cycle 2026-2)")
        let calendar = OfficeCalendar(identifier: "Asia/Jakarta")!
        let policy = ReminderPolicy() // kinerja.toml's defaults: 14, 7, 1 days before, on the day, weekly, escalation at 14
        guard let today = LocalDate(Bench.today), let cycle = CycleID("2026-2") else { throw Failure("bad bench constants") }
        guard let rules = rulesBook.rules(for: cycle) else { throw Failure("no rules file judges \(cycle)") }
        let planned = try plans(today: today, cycle: cycle, rules: rules)
        let blocked = planned.filter { $0.plan.openBlock != nil }.count
        let supervisors = planned.filter { $0.position.key.role == .pengawasSekolah }.count
        let open = planned.filter { !$0.plan.isComplete }
        report.note(String(
            format: "%d plans (%d supervisors, %d principals), %d blocked, %d complete",
            planned.count, supervisors, planned.count - supervisors, blocked, planned.count - open.count))

        let now = calendar.instant(today, hour: 10)
        let cycleStart = calendar.instant(cycle.start).addingTimeInterval(-1)
        let cycleEnd = calendar.endOfDay(cycle.end).addingTimeInterval(-1)
        let how = "kinerja-bench --only planner (median of \(repeats))"

        var occurrences = 0
        let whole = Stopwatch.samples(repeats) {
            occurrences = 0
            for p in open {
                occurrences += ReminderPlanner.occurrences(
                    of: p.plan, position: p.position, rules: rules, policy: policy, calendar: calendar, from: cycleStart,
                    through: cycleEnd).count
            }
        }.median
        report.add("every occurrence of the cycle, all plans", whole, "s", how: "ReminderPlanner.occurrences 2026-07-01…12-31 per plan; \(how)")
        report.add("every occurrence of the cycle, per plan", whole / Double(open.count) * 1e6, "µs", how: "the figure above / plans")
        report.note("\(occurrences.formatted()) occurrences in the cycle")

        var found = 0
        let next = Stopwatch.samples(repeats) {
            found = 0
            for p in open where ReminderPlanner.next(
                of: p.plan, position: p.position, rules: rules, policy: policy, calendar: calendar, after: now) != nil {
                found += 1
            }
        }.median
        report.add("next(after:) of all plans", next, "s", how: "ReminderPlanner.next after \(Bench.clockStart) per plan; \(how)")
        report.add("next(after:), per plan", next / Double(open.count) * 1e6, "µs", how: "the figure above / plans")
        report.note("\(found.formatted()) plans have a next reminder")

        // What one scheduler pass plans: the occurrences since its checkpoint (a sleep of at
        // most five minutes earlier), then every plan's next fire instant.
        var earliest: Date? = nil
        var due = 0
        let pass = Stopwatch.samples(repeats) {
            earliest = nil
            due = 0
            for p in open {
                due += ReminderPlanner.occurrences(
                    of: p.plan, position: p.position, rules: rules, policy: policy, calendar: calendar,
                    from: now.addingTimeInterval(-300), through: now).count
                if let o = ReminderPlanner.next(
                    of: p.plan, position: p.position, rules: rules, policy: policy, calendar: calendar, after: now),
                   earliest.map({ o.fireAt < $0 }) ?? true {
                    earliest = o.fireAt
                }
            }
        }.median
        report.add("one scheduler pass's planning (5-minute window + next)", pass, "s", how: "as ReminderScheduler.tick plans; \(how)")
        report.note("\(due) due in the window; next fire instant after the pass: \(earliest?.formatted(Date.ISO8601FormatStyle(timeZone: calendar.timeZone)) ?? "none")")
    }

    /// `text`, a CSV, as files of at most `rows` rows each, every one with its header.
    static func parts(of text: String, rows: Int) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let header = lines.popFirst() else { return [text] }
        var parts: [String] = []
        while !lines.isEmpty {
            parts.append(([header] + lines.prefix(rows)).joined(separator: "\n") + "\n")
            lines = lines.dropFirst(rows)
        }
        return parts.isEmpty ? [text] : parts
    }

    /// The workload's plans: every position of the roster gets a plan of `cycle`, and every
    /// progress row is applied to its plan in file order; a row Core refuses is counted.
    func plans(today: LocalDate, cycle: CycleID, rules: YearRules) throws -> [Planned] {
        let (_, rosterText, progressText, generating) = workload.files()
        var roster: (lines: [RosterLine], problems: [ImportProblem]) = ([], [])
        var progress: (lines: [ProgressLine], problems: [ImportProblem]) = ([], [])
        let parsingRoster = Stopwatch.time { roster = RosterParser.parse(rosterText) }
        let parsingProgress = Stopwatch.time {
            // Every plan's progress is more rows than one import takes (`CSVTable.maxRows`):
            // parsed in parts, as an office would import it.
            for part in Self.parts(of: progressText, rows: CSVTable.maxRows) {
                let parsed = ProgressParser.parse(part)
                progress.lines += parsed.lines
                progress.problems += parsed.problems
            }
        }
        guard roster.problems.isEmpty, progress.problems.isEmpty else {
            throw Failure("the generated files have problems: \((roster.problems + progress.problems).prefix(3))")
        }
        var positions: [PositionKey: Position] = [:]
        var keysOf: [PersonID: [PositionKey]] = [:]
        for line in roster.lines {
            positions[line.position.key] = line.position
            keysOf[line.person.id, default: []].append(line.position.key)
        }
        var plans: [PositionKey: Plan] = [:]
        var refused = 0
        let applying = Stopwatch.now()
        for line in progress.lines {
            let keys = keysOf[line.personID] ?? []
            guard let key = keys.count == 1 ? keys[0] : keys.first(where: { $0.npsn == line.npsn }) else {
                refused += 1
                continue
            }
            let plan = plans[key] ?? Plan(id: PlanID(cycle: cycle, position: key))
            do {
                plans[key] = try plan.applying(line.action, on: line.date, today: today, rules: rules)
            } catch {
                refused += 1
            }
        }
        report.note(String(
            format: "set-up: files generated in %.1f s; roster parsed in %.1f s, progress in %.1f s; %d progress rows applied in %.1f s (%d refused)",
            generating, parsingRoster, parsingProgress, progress.lines.count, Stopwatch.now() - applying, refused))
        return roster.lines.map { line in
            Planned(plan: plans[line.position.key] ?? Plan(id: PlanID(cycle: cycle, position: line.position.key)), position: line.position)
        }
    }
}
