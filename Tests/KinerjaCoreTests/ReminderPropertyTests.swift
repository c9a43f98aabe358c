import Foundation
import KinerjaCore
import KinerjaSampleData
import Testing

typealias ReminderRandom = SplitMix64

/// A random plan, position, policy and zone, and a naive reference planner written
/// straight from the semantics (every nominal date generated, moved by searching day by
/// day, merged by grouping) to check the fast planner against.
struct ReminderScenario: CustomStringConvertible {
    let plan: Plan
    let position: Position
    let policy: ReminderPolicy
    let calendar: OfficeCalendar
    let rules = Fixtures.rules2025

    var description: String { "\(plan.standing) \(plan.id) policy \(policy) zone \(calendar.timeZone.identifier)" }

    static func random(_ g: inout ReminderRandom) -> ReminderScenario {
        let rules = Fixtures.rules2025
        let start = d("2025-01-01")
        func day(_ n: Int) -> String { start.adding(days: n).description }
        func step(_ p: Plan, _ action: PlanAction, _ date: String) -> Plan {
            (try? p.then(action, on: date, rules: rules)) ?? p
        }
        var plan: Plan
        switch Int.random(in: 0..<8, using: &g) {
        case 0:
            plan = Fixtures.principalPlan("2025-1")
        case 1:
            plan = step(Fixtures.principalPlan("2025-1"), .complete(.praktikKinerja, Fixtures.praktik), day(Int.random(in: 0...45, using: &g)))
        case 2:
            plan = (try? Fixtures.submittedPrincipalPlan("2025-1", submitted: day(Int.random(in: 0...90, using: &g)), rules: rules))
                ?? Fixtures.principalPlan("2025-1")
        case 3:
            let submitted = Int.random(in: 0...60, using: &g)
            plan = (try? Fixtures.submittedPrincipalPlan("2025-1", submitted: day(submitted), rules: rules)) ?? Fixtures.principalPlan("2025-1")
            plan = step(plan, .complete(.dokumenPersiapan, .none), day(submitted + Int.random(in: 0...60, using: &g)))
        case 4:
            plan = Fixtures.supervisorPlan("2025-1")
        case 5:
            plan = step(Fixtures.supervisorPlan("2025-1"), .complete(.penyusunan, Fixtures.penyusunan), day(Int.random(in: 0...50, using: &g)))
        case 6:
            let composed = Int.random(in: 0...40, using: &g)
            plan = step(Fixtures.supervisorPlan("2025-1"), .complete(.penyusunan, Fixtures.penyusunan), day(composed))
            plan = step(plan, .complete(.pemeriksaan, .none), day(composed + Int.random(in: 0...15, using: &g)))
        default:
            let composed = Int.random(in: 0...40, using: &g)
            plan = step(Fixtures.supervisorPlan("2025-1"), .complete(.penyusunan, Fixtures.penyusunan), day(composed))
            plan = step(plan, .returnForRevision(.pemeriksaan, reason: "kurang"), day(composed + Int.random(in: 0...15, using: &g)))
        }
        // Sometimes blocked, sometimes blocked and unblocked again.
        if Bool.random(using: &g), Bool.random(using: &g) {
            let last = lastEvent(plan)
            let since = last.adding(days: Int.random(in: 0...20, using: &g))
            plan = step(plan, .block(BlockCause.allCases.randomElement(using: &g)!, note: nil), since.description)
            if Bool.random(using: &g) {
                plan = step(plan, .unblock, since.adding(days: Int.random(in: 0...40, using: &g)).description)
            }
        }
        let people = [ReminderFixtures.timA, ReminderFixtures.timB, PersonID(trusted: "199001012015011005")]
        let position = Position(
            key: plan.id.position, namaSekolah: "SD Negeri 1 Sukamaju",
            atasanID: Bool.random(using: &g) ? ReminderFixtures.atasan : nil,
            timKinerja: Array(people.shuffled(using: &g).prefix(Int.random(in: 0...3, using: &g))),
            pejabatPenilaiID: Bool.random(using: &g) ? ReminderFixtures.kadis : nil)

        var lead: [Int] = []
        for _ in 0..<Int.random(in: 0...4, using: &g) { lead.append(Int.random(in: -1...30, using: &g)) }
        var working: Set<Int> = Int.random(in: 0..<4, using: &g) == 0
            ? Set((1...7).filter { _ in Bool.random(using: &g) }) : [1, 2, 3, 4, 5]
        if working.isEmpty { working = [3] }
        var holidays: Set<LocalDate> = []
        for _ in 0..<Int.random(in: 0...12, using: &g) { holidays.insert(start.adding(days: Int.random(in: 0...240, using: &g))) }
        if Bool.random(using: &g) { // a Lebaran-like run of days off
            let first = Int.random(in: 0...200, using: &g)
            for n in first..<(first + Int.random(in: 1...10, using: &g)) { holidays.insert(start.adding(days: n)) }
        }
        let moves: [NonWorkingDayRule] = [.before, .after, .skip]
        let policy = ReminderPolicy(
            leadDays: lead, onDueDay: Bool.random(using: &g),
            overdueRepeatDays: Int.random(in: 0..<4, using: &g) == 0 ? 0 : Int.random(in: 1...14, using: &g),
            escalateAfterDays: Int.random(in: 0..<3, using: &g) == 0 ? 0 : Int.random(in: 1...30, using: &g),
            fireHour: Int.random(in: 0...23, using: &g), fireMinute: Int.random(in: 0...59, using: &g),
            workingDays: working, holidays: holidays, nonWorkingDay: moves.randomElement(using: &g)!,
            afterDeadlineNonWorkingDay: moves.randomElement(using: &g)!)
        let zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
        return ReminderScenario(
            plan: plan, position: position, policy: policy, calendar: OfficeCalendar(identifier: zones.randomElement(using: &g)!)!)
    }

    /// The plan's latest event: the day its current step became current (or later).
    static func lastEvent(_ plan: Plan) -> LocalDate {
        var dates = [plan.id.cycle.start]
        for r in plan.records { dates += [r.startedOn, r.completedOn].compactMap { $0 } }
        for b in plan.blocks { dates += [b.since, b.until].compactMap { $0 } }
        dates += plan.revisions.map(\.on)
        return dates.max()!
    }

    func occurrences(from: Date, through: Date) -> [ReminderOccurrence] {
        ReminderPlanner.occurrences(
            of: plan, position: position, rules: rules, policy: policy, calendar: calendar, from: from, through: through)
    }

    func next(after: Date) -> ReminderOccurrence? {
        ReminderPlanner.next(of: plan, position: position, rules: rules, policy: policy, calendar: calendar, after: after)
    }

    // MARK: The naive reference

    func working(_ day: LocalDate) -> Bool {
        policy.workingDays.contains(day.isoWeekday) && !policy.holidays.contains(day)
    }

    func place(_ nominal: LocalDate, lo: LocalDate, hi: LocalDate, rule: NonWorkingDayRule) -> LocalDate? {
        guard nominal >= lo, nominal <= hi else { return nil }
        if working(nominal) { return nominal }
        let down = sequence(first: nominal, next: { $0.adding(days: -1) }).lazy.prefix { $0 >= lo }.first(where: working)
        let up = sequence(first: nominal, next: { $0.adding(days: 1) }).lazy.prefix { $0 <= hi }.first(where: working)
        switch rule {
        case .skip: return nil
        case .before: return down ?? up
        case .after: return up ?? down
        }
    }

    func reference(from: Date, through: Date) -> [ReminderOccurrence] {
        guard let step = plan.currentStep else { return [] }
        let since = ReminderScenario.lastEvent(plan)
        let far = calendar.date(of: through).adding(days: 400)
        let due: LocalDate
        var series: [(ReminderKind, Int)] = []
        var recipients: [(RecipientRole, PersonID?)]
        let block = plan.openBlock
        if let block {
            due = block.since
            let every = policy.overdueRepeatDays > 0 ? policy.overdueRepeatDays : 7
            var k = every
            while due.adding(days: k) <= far { series.append((.blocked, k)); k += every }
            recipients = [(.atasan, position.atasanID)]
        } else {
            due = Timeline.entries(of: plan, rules: rules)[plan.currentIndex].due
            for n in Set(policy.leadDays.filter { $0 > 0 }).sorted(by: >) { series.append((.lead, -n)) }
            if policy.onDueDay { series.append((.due, 0)) }
            if policy.overdueRepeatDays > 0 {
                var k = policy.overdueRepeatDays
                while due.adding(days: k) <= far { series.append((.overdue, k)); k += policy.overdueRepeatDays }
            }
            switch step.actor {
            case .pegawai: recipients = [(.pegawai, plan.id.position.personID)]
            case .pejabatPenilai: recipients = [(.pejabatPenilai, position.pejabatPenilaiID)]
            case .timKinerja:
                recipients = position.timKinerja.isEmpty ? [(.timKinerja, nil)] : position.timKinerja.map { (.timKinerja, $0) }
            }
        }
        func fire(_ offset: Int) -> LocalDate? {
            let nominal = due.adding(days: offset)
            guard nominal >= since else { return nil }
            // After the deadline never the day before: a `.before` there means `.after`.
            let after: NonWorkingDayRule = policy.afterDeadlineNonWorkingDay == .skip ? .skip : .after
            return offset <= 0
                ? place(nominal, lo: since, hi: due, rule: policy.nonWorkingDay)
                : place(nominal, lo: max(since, due.adding(days: 1)), hi: far.adding(days: 1000), rule: after)
        }
        // Placed, then merged: per fire day, the largest offset.
        var byDay: [LocalDate: (ReminderKind, Int)] = [:]
        for (kind, offset) in series {
            guard let day = fire(offset) else { continue }
            if let kept = byDay[day], kept.1 > offset { continue }
            byDay[day] = (kind, offset)
        }
        var result: [ReminderOccurrence] = []
        func add(_ kind: ReminderKind, _ offset: Int, _ day: LocalDate, _ role: RecipientRole, _ id: PersonID?) {
            let at = calendar.instant(day, hour: policy.fireHour, minute: policy.fireMinute)
            guard at > from, at <= through else { return }
            result.append(ReminderOccurrence(
                plan: plan.id, step: step, due: due, kind: kind, offsetDays: offset, fireDate: day, fireAt: at,
                recipientRole: role, recipientID: id, blockCause: block?.cause, blockNote: block?.note))
        }
        for (day, (kind, offset)) in byDay {
            for (role, id) in recipients { add(kind, offset, day, role, id) }
        }
        if block == nil, policy.escalateAfterDays > 0, let day = fire(policy.escalateAfterDays) {
            add(.escalation, policy.escalateAfterDays, day, .atasan, position.atasanID)
        }
        return result.sorted { $0.fireAt != $1.fireAt ? $0.fireAt < $1.fireAt : $0.id < $1.id }
    }
}

@Suite("Reminder planning: properties")
struct ReminderPropertyTests {
    static let start = Fixtures.instant("2024-12-20T00:00:00Z").timeIntervalSince1970
    static let span = 400.0 * 86_400

    @Test("occurrences equal the naive reference for random plans, policies, zones and windows")
    func matchesReference() {
        var g = ReminderRandom(seed: 20_250_131)
        for round in 0..<1500 {
            let s = ReminderScenario.random(&g)
            let a = Date(timeIntervalSince1970: Self.start + Double.random(in: 0..<Self.span, using: &g).rounded())
            let b = a.addingTimeInterval(Double.random(in: 0...(120 * 86_400), using: &g).rounded())
            let fast = s.occurrences(from: a, through: b)
            let naive = s.reference(from: a, through: b)
            #expect(fast == naive, "round \(round): \(s) window \(a) – \(b)")
            if fast != naive { return }
        }
    }

    @Test("next(after:) is the first occurrence after the instant, for many random instants")
    func nextIsFirst() {
        var g = ReminderRandom(seed: 7)
        for round in 0..<300 {
            let s = ReminderScenario.random(&g)
            for _ in 0..<12 {
                // Whole minutes, and sometimes exactly a fire instant (the window is open at its start).
                var t = Date(timeIntervalSince1970: Self.start + (Double.random(in: 0..<Self.span, using: &g) / 60).rounded() * 60)
                if Int.random(in: 0..<4, using: &g) == 0, let o = s.occurrences(from: t, through: t.addingTimeInterval(60 * 86_400)).first {
                    t = o.fireAt
                }
                let window = s.occurrences(from: t, through: t.addingTimeInterval(3 * 365 * 86_400))
                let next = s.next(after: t)
                #expect(next == window.first, "round \(round): \(s) after \(t)")
                if next != window.first { return }
            }
        }
    }

    @Test("invariants: sorted, unique ids, working fire days, lead/due never after the deadline, overdue after it")
    func invariants() {
        var g = ReminderRandom(seed: 42)
        for _ in 0..<200 {
            let s = ReminderScenario.random(&g)
            let all = s.occurrences(from: Fixtures.instant("2024-12-01T00:00:00Z"), through: Fixtures.instant("2026-06-01T00:00:00Z"))
            #expect(zip(all, all.dropFirst()).allSatisfy { ($0.fireAt, $0.id) < ($1.fireAt, $1.id) })
            #expect(Set(all.map(\.id)).count == all.count)
            for o in all {
                #expect(s.working(o.fireDate), "\(o.id) fires on \(o.fireDate)")
                #expect(o.nominalDate == o.due.adding(days: o.offsetDays))
                #expect(o.fireAt == s.calendar.instant(o.fireDate, hour: s.policy.fireHour, minute: s.policy.fireMinute))
                #expect(o.fireDate >= ReminderScenario.lastEvent(s.plan))
                #expect(o.step == s.plan.currentStep)
                switch o.kind {
                case .lead, .due: #expect(o.fireDate <= o.due && o.offsetDays <= 0)
                case .overdue, .escalation, .blocked: #expect(o.fireDate > o.due && o.offsetDays > 0)
                }
                #expect((o.kind == .blocked) == (s.plan.openBlock != nil))
            }
            // The same inputs plan the same ids.
            let again = s.occurrences(from: Fixtures.instant("2024-12-01T00:00:00Z"), through: Fixtures.instant("2026-06-01T00:00:00Z"))
            #expect(again.map(\.id) == all.map(\.id))
        }
    }
}
