import Foundation
import KinerjaCore
import Testing

/// People and helpers for the reminder tests.
enum ReminderFixtures {
    static let wita = OfficeCalendar(identifier: "Asia/Makassar")!
    static let atasan = PersonID(trusted: "196801011990031001")
    static let kadis = PersonID(trusted: "196505051990031003")
    static let timA = PersonID(trusted: "197501012000031002")
    static let timB = PersonID(trusted: "198002022005012004")

    static func position(
        for plan: Plan, atasan: PersonID? = atasan, tim: [PersonID] = [timA], pejabat: PersonID? = kadis
    ) -> Position {
        Position(
            key: plan.id.position, namaSekolah: "SD Negeri 1 Sukamaju", atasanID: atasan, timKinerja: tim,
            pejabatPenilaiID: pejabat)
    }

    /// "kind offset fireDate fireAt(UTC) role recipient": one line per occurrence, easy to compare.
    static func row(_ o: ReminderOccurrence) -> String {
        let f = ISO8601DateFormatter()
        return "\(o.kind.rawValue) \(o.offsetDays) \(o.fireDate) \(f.string(from: o.fireAt)) \(o.recipientRole.rawValue) \(o.recipientID?.rawValue ?? "-")"
    }

    static func rows(
        _ plan: Plan, position: Position? = nil, rules: YearRules = Fixtures.rules2025, policy: ReminderPolicy = ReminderPolicy(),
        from: String, through: String
    ) -> [String] {
        ReminderPlanner.occurrences(
            of: plan, position: position ?? self.position(for: plan), rules: rules, policy: policy, calendar: wita,
            from: Fixtures.instant(from), through: Fixtures.instant(through)
        ).map(row)
    }
}

@Suite("Reminder planning")
struct ReminderPlannerTests {
    typealias F = ReminderFixtures
    let nip = Fixtures.nip
    let atasan = F.atasan.rawValue
    /// A principal who never plans, in 2025-1: Praktik Kinerja is due Friday 31 January 2025.
    let idle = Fixtures.principalPlan("2025-1")

    @Test("January cycle in WITA, principal who never plans: every reminder, at 07:00 WITA = 23:00 UTC the day before")
    func januaryDefaultPolicy() {
        // 2025-01-31 is a Friday, so every nominal date of the default policy is a weekday:
        // 17 Jan (-14), 24 Jan (-7), 30 Jan (-1, Thursday), 31 Jan, 7/14/21/28 Feb (+7k),
        // escalation 14 Feb (+14). In the tie on 14 Feb "escalation" sorts before "overdue".
        let rows = F.rows(idle, from: "2025-01-01T00:00:00+08:00", through: "2025-03-01T00:00:00+08:00")
        #expect(rows == [
            "lead -14 2025-01-17 2025-01-16T23:00:00Z pegawai \(nip)",
            "lead -7 2025-01-24 2025-01-23T23:00:00Z pegawai \(nip)",
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
            "overdue 7 2025-02-07 2025-02-06T23:00:00Z pegawai \(nip)",
            "escalation 14 2025-02-14 2025-02-13T23:00:00Z atasan \(atasan)",
            "overdue 14 2025-02-14 2025-02-13T23:00:00Z pegawai \(nip)",
            "overdue 21 2025-02-21 2025-02-20T23:00:00Z pegawai \(nip)",
            "overdue 28 2025-02-28 2025-02-27T23:00:00Z pegawai \(nip)",
        ])
        // The window is (from, through]: an occurrence exactly at `from` is out, at `through` in.
        let edge = F.rows(idle, from: "2025-01-17T07:00:00+08:00", through: "2025-01-24T07:00:00+08:00")
        #expect(edge == ["lead -7 2025-01-24 2025-01-23T23:00:00Z pegawai \(nip)"])
        // Overdue repeats never end (the daemon asks for a window).
        let later = F.rows(idle, from: "2025-12-01T00:00:00+08:00", through: "2025-12-15T00:00:00+08:00")
        // +308 = 5 December 2025 (a Friday), +315 = 12 December.
        #expect(later == [
            "overdue 308 2025-12-05 2025-12-04T23:00:00Z pegawai \(nip)",
            "overdue 315 2025-12-12 2025-12-11T23:00:00Z pegawai \(nip)",
        ])
    }

    /// Lead days 15, 6, 1, repeats every 8 days, escalation after 15: nominal dates Thu 16 Jan,
    /// Sat 25 Jan, Thu 30 Jan, Fri 31 Jan, Sat 8 Feb, Sat 15 Feb (escalation), Sun 16 Feb, Mon 24 Feb.
    /// `rule` for the reminders before the deadline; after it, `.after` unless `rule` skips.
    func weekendPolicy(_ rule: NonWorkingDayRule) -> ReminderPolicy {
        ReminderPolicy(
            leadDays: [15, 6, 1], overdueRepeatDays: 8, escalateAfterDays: 15, nonWorkingDay: rule,
            afterDeadlineNonWorkingDay: rule == .skip ? .skip : .after)
    }

    @Test("weekend nominal dates before the deadline move to the Friday before (.before), those after it to the Monday after")
    func weekendBefore() {
        let rows = F.rows(idle, policy: weekendPolicy(.before), from: "2025-01-01T00:00:00+08:00", through: "2025-03-01T00:00:00+08:00")
        #expect(rows == [
            "lead -15 2025-01-16 2025-01-15T23:00:00Z pegawai \(nip)",
            "lead -6 2025-01-24 2025-01-23T23:00:00Z pegawai \(nip)",
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
            "overdue 8 2025-02-10 2025-02-09T23:00:00Z pegawai \(nip)",
            "escalation 15 2025-02-17 2025-02-16T23:00:00Z atasan \(atasan)",
            "overdue 16 2025-02-17 2025-02-16T23:00:00Z pegawai \(nip)",
            "overdue 24 2025-02-24 2025-02-23T23:00:00Z pegawai \(nip)",
        ])
        // Asked for "before" after the deadline too, it still never fires before its threshold.
        var asked = weekendPolicy(.before)
        asked.afterDeadlineNonWorkingDay = .before
        #expect(asked.afterDeadlineNonWorkingDay == .after)
        #expect(F.rows(idle, policy: asked, from: "2025-02-01T00:00:00+08:00", through: "2025-02-15T00:00:00+08:00") == [
            "overdue 8 2025-02-10 2025-02-09T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("weekend nominal dates move to the Monday after (.after)")
    func weekendAfter() {
        let rows = F.rows(idle, policy: weekendPolicy(.after), from: "2025-01-01T00:00:00+08:00", through: "2025-03-01T00:00:00+08:00")
        #expect(rows == [
            "lead -15 2025-01-16 2025-01-15T23:00:00Z pegawai \(nip)",
            "lead -6 2025-01-27 2025-01-26T23:00:00Z pegawai \(nip)",
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
            "overdue 8 2025-02-10 2025-02-09T23:00:00Z pegawai \(nip)",
            "escalation 15 2025-02-17 2025-02-16T23:00:00Z atasan \(atasan)",
            "overdue 16 2025-02-17 2025-02-16T23:00:00Z pegawai \(nip)",
            "overdue 24 2025-02-24 2025-02-23T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("weekend nominal dates are dropped (.skip)")
    func weekendSkip() {
        let rows = F.rows(idle, policy: weekendPolicy(.skip), from: "2025-01-01T00:00:00+08:00", through: "2025-03-01T00:00:00+08:00")
        #expect(rows == [
            "lead -15 2025-01-16 2025-01-15T23:00:00Z pegawai \(nip)",
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
            "overdue 24 2025-02-24 2025-02-23T23:00:00Z pegawai \(nip)",
        ])
        // Repeats a whole number of weeks apart that start on a weekend never fire: a
        // finite series, and `next` does not search for ever.
        let weekly = ReminderPolicy(
            leadDays: [], onDueDay: false, overdueRepeatDays: 7, escalateAfterDays: 0, nonWorkingDay: .skip, afterDeadlineNonWorkingDay: .skip)
        let saturday = ReminderPolicy(
            leadDays: [], onDueDay: false, overdueRepeatDays: 8, escalateAfterDays: 0, nonWorkingDay: .skip, afterDeadlineNonWorkingDay: .skip)
        #expect(F.rows(idle, policy: weekly, from: "2025-01-01T00:00:00+08:00", through: "2025-03-01T00:00:00+08:00").count == 4)
        let plan = Fixtures.principalPlan("2025-1")
        // Due Friday 31 January, +8k: Sat 8 Feb and Sun 16 Feb are dropped, Mon 24 Feb fires.
        #expect(ReminderPlanner.next(
            of: plan, position: F.position(for: plan), rules: Fixtures.rules2025, policy: saturday, calendar: F.wita,
            after: Fixtures.instant("2025-02-01T00:00:00Z"))?.fireDate == d("2025-02-24"))
        // Weekly from a Friday deadline in an office working Sunday to Thursday: never.
        let sundayToThursday = ReminderPolicy(
            leadDays: [], onDueDay: false, overdueRepeatDays: 7, escalateAfterDays: 0, workingDays: [7, 1, 2, 3, 4],
            nonWorkingDay: .skip, afterDeadlineNonWorkingDay: .skip)
        #expect(ReminderPlanner.next(
            of: plan, position: F.position(for: plan), rules: Fixtures.rules2025, policy: sundayToThursday,
            calendar: F.wita, after: Fixtures.instant("2025-02-01T00:00:00Z")) == nil)
    }

    @Test("a holiday in the list moves a reminder, per rule")
    func holidayMoves() {
        // Lead 2 days before is Wednesday 29 January 2025 (Tahun Baru Imlek).
        var policy = ReminderPolicy(leadDays: [14, 7, 2], holidays: [d("2025-01-29")])
        let window = ("2025-01-27T00:00:00+08:00", "2025-02-01T00:00:00+08:00")
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "lead -2 2025-01-28 2025-01-27T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
        ])
        policy.nonWorkingDay = .after
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "lead -2 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
        ])
        policy.nonWorkingDay = .skip
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("a holiday on the deadline: the due reminder moves to the day before and absorbs that day's lead reminder")
    func holidayOnDueDay() {
        var policy = ReminderPolicy(holidays: [d("2025-01-31")])
        let window = ("2025-01-27T00:00:00+08:00", "2025-02-01T00:00:00+08:00")
        #expect(policy.isWorkingDay(d("2025-01-30")))
        #expect(!policy.isWorkingDay(d("2025-01-31")))
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "due 0 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
        ])
        // .after would send it after the deadline it announces: the day before instead.
        policy.nonWorkingDay = .after
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "due 0 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
        ])
        policy.nonWorkingDay = .skip
        #expect(F.rows(idle, policy: policy, from: window.0, through: window.1) == [
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("ids are deterministic and spell plan, step, due, kind, offset, recipient")
    func stableIDs() {
        let plan = Fixtures.principalPlan("2025-1")
        let window = (Fixtures.instant("2025-01-01T00:00:00+08:00"), Fixtures.instant("2025-04-01T00:00:00+08:00"))
        func planned(_ p: Plan) -> [ReminderOccurrence] {
            ReminderPlanner.occurrences(
                of: p, position: F.position(for: p), rules: Fixtures.rules2025, policy: ReminderPolicy(), calendar: F.wita,
                from: window.0, through: window.1)
        }
        let first = planned(plan)
        let again = planned(Fixtures.principalPlan("2025-1"))
        #expect(first == again)
        #expect(first.map(\.id) == again.map(\.id))
        #expect(Set(first.map(\.id)).count == first.count)
        #expect(first[0].id == "2025-1/\(nip)/ks@20100001|praktik-kinerja|2025-01-31|lead|-14|\(nip)")
        let escalation = first.first { $0.kind == .escalation }
        #expect(escalation?.id == "2025-1/\(nip)/ks@20100001|praktik-kinerja|2025-01-31|escalation|14|\(atasan)")
        // Without an atasan in the roster: the role stands in for the person.
        let orphan = ReminderPlanner.occurrences(
            of: plan, position: F.position(for: plan, atasan: nil), rules: Fixtures.rules2025, policy: ReminderPolicy(),
            calendar: F.wita, from: window.0, through: window.1
        ).first { $0.kind == .escalation }
        #expect(orphan?.recipientID == nil)
        #expect(orphan?.id.hasSuffix("|escalation|14|atasan") == true)
        // Round trip through JSON (the store and hooks keep occurrences).
        let data = try? JSONEncoder().encode(first)
        #expect(data.flatMap { try? JSONDecoder().decode([ReminderOccurrence].self, from: $0) } == first)
    }

    @Test("completing a step stops its reminders; the next step's start when it became current")
    func advancing() throws {
        let rules = Fixtures.rules2025
        // The four planning steps share the 31 January deadline; each has its own reminders.
        let praktikDone = try idle.then(.complete(.praktikKinerja, Fixtures.praktik), on: "2025-01-20", rules: rules)
        let rows = F.rows(praktikDone, from: "2025-01-01T00:00:00+08:00", through: "2025-02-01T00:00:00+08:00")
        // -14 (17 Jan) is before the step became current (20 Jan): not planned.
        #expect(rows == [
            "lead -7 2025-01-24 2025-01-23T23:00:00Z pegawai \(nip)",
            "lead -1 2025-01-30 2025-01-29T23:00:00Z pegawai \(nip)",
            "due 0 2025-01-31 2025-01-30T23:00:00Z pegawai \(nip)",
        ])
        let occurrences = ReminderPlanner.occurrences(
            of: praktikDone, position: F.position(for: praktikDone), rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2025-01-01T00:00:00Z"), through: Fixtures.instant("2025-12-31T00:00:00Z"))
        #expect(occurrences.allSatisfy { $0.step == .pengembanganKompetensi })

        // Submitted late on Thursday 20 February: Dokumen Persiapan is due Friday 28 February.
        let submitted = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-02-20", rules: rules)
        #expect(F.rows(submitted, from: "2025-01-01T00:00:00+08:00", through: "2025-03-08T00:00:00+08:00") == [
            "lead -7 2025-02-21 2025-02-20T23:00:00Z pegawai \(nip)",
            "lead -1 2025-02-27 2025-02-26T23:00:00Z pegawai \(nip)",
            "due 0 2025-02-28 2025-02-27T23:00:00Z pegawai \(nip)",
            "overdue 7 2025-03-07 2025-03-06T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("a reminder never moves before the step became current: .before then takes the day after")
    func neverBeforeCurrent() throws {
        let rules = Fixtures.rules2025
        // Submitted on Saturday 22 February; 5 days before the 28 February deadline is Sunday 23.
        let submitted = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-02-22", rules: rules)
        let policy = ReminderPolicy(leadDays: [5], onDueDay: false, overdueRepeatDays: 0, escalateAfterDays: 0)
        #expect(F.rows(submitted, policy: policy, from: "2025-02-01T00:00:00+08:00", through: "2025-04-01T00:00:00+08:00") == [
            "lead -5 2025-02-24 2025-02-23T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("a step that became current after its deadline: no lead, due or repeats dated before that day")
    func currentAfterDeadline() throws {
        let rules = Fixtures.rules2025
        // Submitted 12 March; Dokumen Persiapan was due 28 February (+7 7 Mar, +14 14 Mar, escalation 14 Mar).
        let submitted = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-03-12", rules: rules)
        #expect(F.rows(submitted, from: "2025-01-01T00:00:00+08:00", through: "2025-03-22T00:00:00+08:00") == [
            "escalation 14 2025-03-14 2025-03-13T23:00:00Z atasan \(atasan)",
            "overdue 14 2025-03-14 2025-03-13T23:00:00Z pegawai \(nip)",
            "overdue 21 2025-03-21 2025-03-20T23:00:00Z pegawai \(nip)",
        ])
    }

    @Test("Observasi of a principal: each Tim Kinerja member is reminded; nobody named: one reminder to the role")
    func observasiTimKinerja() throws {
        let rules = Fixtures.rules2025
        let plan = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-01-20", rules: rules)
            .then(.complete(.dokumenPersiapan, .none), on: "2025-02-10", rules: rules)
        #expect(plan.currentStep == .observasi)
        // Due Monday 31 March 2025; one day before is Sunday 30 March → Friday 28 March.
        let tim = F.position(for: plan, tim: [F.timB, F.timA])
        let a = F.timA.rawValue, b = F.timB.rawValue
        #expect(F.rows(plan, position: tim, from: "2025-03-01T00:00:00+08:00", through: "2025-04-01T00:00:00+08:00") == [
            "lead -14 2025-03-17 2025-03-16T23:00:00Z tim_kinerja \(a)",
            "lead -14 2025-03-17 2025-03-16T23:00:00Z tim_kinerja \(b)",
            "lead -7 2025-03-24 2025-03-23T23:00:00Z tim_kinerja \(a)",
            "lead -7 2025-03-24 2025-03-23T23:00:00Z tim_kinerja \(b)",
            "lead -1 2025-03-28 2025-03-27T23:00:00Z tim_kinerja \(a)",
            "lead -1 2025-03-28 2025-03-27T23:00:00Z tim_kinerja \(b)",
            "due 0 2025-03-31 2025-03-30T23:00:00Z tim_kinerja \(a)",
            "due 0 2025-03-31 2025-03-30T23:00:00Z tim_kinerja \(b)",
        ])
        let nobody = F.position(for: plan, tim: [])
        #expect(F.rows(plan, position: nobody, from: "2025-03-30T00:00:00+08:00", through: "2025-04-01T00:00:00+08:00") == [
            "due 0 2025-03-31 2025-03-30T23:00:00Z tim_kinerja -",
        ])
        // The escalation still goes to the atasan.
        #expect(F.rows(plan, position: tim, from: "2025-04-14T00:00:00+08:00", through: "2025-04-15T00:00:00+08:00") == [
            "escalation 14 2025-04-14 2025-04-13T23:00:00Z atasan \(atasan)",
            "overdue 14 2025-04-14 2025-04-13T23:00:00Z tim_kinerja \(a)",
            "overdue 14 2025-04-14 2025-04-13T23:00:00Z tim_kinerja \(b)",
        ])
    }

    @Test("a supervisor's plan: Tim Kinerja for Pemeriksaan, the Pejabat Penilai for Persetujuan")
    func supervisorReviewers() throws {
        let rules = Fixtures.rules2025
        let composed = try Fixtures.supervisorPlan("2025-1").then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
        #expect(composed.currentStep == .pemeriksaan)
        // Pemeriksaan is due 7 days after composing: Friday 17 January; -7 is the day it became current.
        let tim = F.timA.rawValue
        #expect(F.rows(composed, from: "2025-01-01T00:00:00+08:00", through: "2025-01-25T00:00:00+08:00") == [
            "lead -7 2025-01-10 2025-01-09T23:00:00Z tim_kinerja \(tim)",
            "lead -1 2025-01-16 2025-01-15T23:00:00Z tim_kinerja \(tim)",
            "due 0 2025-01-17 2025-01-16T23:00:00Z tim_kinerja \(tim)",
            "overdue 7 2025-01-24 2025-01-23T23:00:00Z tim_kinerja \(tim)",
        ])
        let examined = try composed.then(.complete(.pemeriksaan, .none), on: "2025-01-13", rules: rules)
        #expect(examined.currentStep == .persetujuan)
        // Persetujuan: due Monday 20 January; -7 (13 Jan) is the day it became current; -1 is
        // Sunday 19 January → Friday 17 January.
        let kadis = F.kadis.rawValue
        #expect(F.rows(examined, from: "2025-01-01T00:00:00+08:00", through: "2025-01-28T00:00:00+08:00") == [
            "lead -7 2025-01-13 2025-01-12T23:00:00Z pejabat_penilai \(kadis)",
            "lead -1 2025-01-17 2025-01-16T23:00:00Z pejabat_penilai \(kadis)",
            "due 0 2025-01-20 2025-01-19T23:00:00Z pejabat_penilai \(kadis)",
            "overdue 7 2025-01-27 2025-01-26T23:00:00Z pejabat_penilai \(kadis)",
        ])
        // The supervisor's own steps remind the supervisor.
        let approved = try examined.then(.complete(.persetujuan, .none), on: "2025-01-15", rules: rules)
        let own = ReminderPlanner.occurrences(
            of: approved, position: F.position(for: approved), rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2025-01-01T00:00:00Z"), through: Fixtures.instant("2025-03-01T00:00:00Z"))
        #expect(own.filter { $0.kind != .escalation }.allSatisfy {
            $0.step == .diskusiPersiapan && $0.recipientRole == .pegawai && $0.recipientID == Fixtures.supervisorID
        })
    }

    @Test("a blocked plan: only blocked reminders to the atasan, weekly from the block's start; none once unblocked")
    func blocked() throws {
        let rules = Fixtures.rules2025
        let plan = try Fixtures.supervisorPlan("2025-1").then(.block(.rhkAtasan, note: "RHK Kadis belum ada"), on: "2025-01-06", rules: rules)
        let rows = F.rows(plan, from: "2025-01-01T00:00:00+08:00", through: "2025-02-28T00:00:00+08:00")
        #expect(rows == [
            "blocked 7 2025-01-13 2025-01-12T23:00:00Z atasan \(atasan)",
            "blocked 14 2025-01-20 2025-01-19T23:00:00Z atasan \(atasan)",
            "blocked 21 2025-01-27 2025-01-26T23:00:00Z atasan \(atasan)",
            "blocked 28 2025-02-03 2025-02-02T23:00:00Z atasan \(atasan)",
            "blocked 35 2025-02-10 2025-02-09T23:00:00Z atasan \(atasan)",
            "blocked 42 2025-02-17 2025-02-16T23:00:00Z atasan \(atasan)",
            "blocked 49 2025-02-24 2025-02-23T23:00:00Z atasan \(atasan)",
        ])
        let first = try #require(ReminderPlanner.occurrences(
            of: plan, position: F.position(for: plan), rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2025-01-01T00:00:00Z"), through: Fixtures.instant("2025-01-14T00:00:00Z")).first)
        #expect(first.step == .penyusunan)
        #expect(first.due == d("2025-01-06"))
        #expect(first.blockCause == .rhkAtasan)
        #expect(first.blockNote == "RHK Kadis belum ada")
        #expect(first.id == "2025-1/\(Fixtures.supervisorID)/ps|penyusunan|2025-01-06|blocked|7|\(atasan)")
        // With overdue repeats off, blocked reminders are still weekly.
        let noRepeats = ReminderPolicy(overdueRepeatDays: 0)
        #expect(F.rows(plan, policy: noRepeats, from: "2025-01-01T00:00:00+08:00", through: "2025-01-21T00:00:00+08:00").count == 2)

        // Unblocked on Monday 10 February, after the planning deadline (31 January): the
        // deadline is now the grace's 14 days later, 24 February, and its reminders start on
        // the day of the unblocking (-1 falls on Sunday 23 February: sent Friday 21).
        let unblocked = try plan.then(.unblock, on: "2025-02-10", rules: rules)
        #expect(F.rows(unblocked, from: "2025-01-01T00:00:00+08:00", through: "2025-02-22T00:00:00+08:00") == [
            "lead -14 2025-02-10 2025-02-09T23:00:00Z pegawai \(Fixtures.supervisorID)",
            "lead -7 2025-02-17 2025-02-16T23:00:00Z pegawai \(Fixtures.supervisorID)",
            "lead -1 2025-02-21 2025-02-20T23:00:00Z pegawai \(Fixtures.supervisorID)",
        ])
        // With no grace, the plan is due the day it is unblocked, and overdue from the next.
        let noGrace = rules.with(DeadlineRelief(unblockGraceDays: 0, newcomerPlanningDays: 30))
        #expect(F.rows(unblocked, rules: noGrace, from: "2025-01-01T00:00:00+08:00", through: "2025-02-22T00:00:00+08:00") == [
            "due 0 2025-02-10 2025-02-09T23:00:00Z pegawai \(Fixtures.supervisorID)",
            "overdue 7 2025-02-17 2025-02-16T23:00:00Z pegawai \(Fixtures.supervisorID)",
        ])
    }

    @Test("a complete plan has no reminders")
    func complete() throws {
        let rules = Fixtures.rules2025
        var plan = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-01-20", rules: rules)
        for (step, date) in [
            (Step.dokumenPersiapan, "2025-02-10"), (.observasi, "2025-03-05"), (.dokumenTindakLanjut, "2025-03-15"),
            (.tindakLanjutObservasi, "2025-05-10"), (.dokumenRefleksiTindakLanjut, "2025-06-20"),
        ] {
            plan = try plan.then(.complete(step, .none), on: date, rules: rules)
        }
        plan = try plan.assessed(on: "2025-06-25", rules: rules)
        #expect(plan.isComplete)
        let position = F.position(for: plan)
        #expect(ReminderPlanner.occurrences(
            of: plan, position: position, rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: .distantPast, through: .distantFuture).isEmpty)
        #expect(ReminderPlanner.next(
            of: plan, position: position, rules: rules, policy: ReminderPolicy(), calendar: F.wita, after: .distantPast) == nil)
    }

    @Test("no lead days, no due day, no repeats, no escalation: nothing to plan")
    func silentPolicy() {
        let policy = ReminderPolicy(leadDays: [0, -3], onDueDay: false, overdueRepeatDays: 0, escalateAfterDays: 0)
        #expect(F.rows(idle, policy: policy, from: "2025-01-01T00:00:00+08:00", through: "2026-01-01T00:00:00+08:00").isEmpty)
        #expect(ReminderPlanner.next(
            of: idle, position: F.position(for: idle), rules: Fixtures.rules2025, policy: policy, calendar: F.wita,
            after: Fixtures.instant("2025-01-01T00:00:00Z")) == nil)
    }

    @Test("fire time follows the office zone: 07:00 WIB is 00:00 UTC, 07:30 WIT is 22:30 UTC the day before")
    func zones() {
        let jakarta = OfficeCalendar(identifier: "Asia/Jakarta")!
        let jayapura = OfficeCalendar(identifier: "Asia/Jayapura")!
        let position = F.position(for: idle)
        let policy = ReminderPolicy(fireMinute: 30)
        let after = Fixtures.instant("2025-01-01T00:00:00Z")
        let wib = ReminderPlanner.next(of: idle, position: position, rules: Fixtures.rules2025, policy: ReminderPolicy(), calendar: jakarta, after: after)
        #expect(wib?.fireAt == Fixtures.instant("2025-01-17T00:00:00Z"))
        let wit = ReminderPlanner.next(of: idle, position: position, rules: Fixtures.rules2025, policy: policy, calendar: jayapura, after: after)
        #expect(wit?.fireAt == Fixtures.instant("2025-01-16T22:30:00Z"))
        #expect(wit?.fireDate == d("2025-01-17"))

        // Zones are data: across a daylight-saving change the local time stays 07:00.
        // (New York moved to UTC-4 on 9 March 2025; Indonesia has no DST.)
        let newYork = OfficeCalendar(identifier: "America/New_York")!
        let repeats = ReminderPlanner.occurrences(
            of: idle, position: position, rules: Fixtures.rules2025, policy: ReminderPolicy(escalateAfterDays: 0), calendar: newYork,
            from: Fixtures.instant("2025-03-01T00:00:00Z"), through: Fixtures.instant("2025-03-15T00:00:00Z"))
        #expect(repeats.map(F.row) == [
            "overdue 35 2025-03-07 2025-03-07T12:00:00Z pegawai \(Fixtures.nip)",
            "overdue 42 2025-03-14 2025-03-14T11:00:00Z pegawai \(Fixtures.nip)",
        ])
    }

    @Test("priorities follow syslog severity")
    func priorities() {
        #expect(ReminderKind.allCases.map(\.priority) == [5, 4, 3, 3, 3])
    }
}

extension ReminderPlannerTests {
    @Test("Pendampingan at its maximum length: reminders lead to, fall on and repeat after start + 3 months")
    func pendampinganAtMaximumLength() throws {
        let rules = Fixtures.rules2025
        // Pendampingan started Monday 3 February 2025: its maximum, three months, ends Saturday 3 May.
        let mentoring = try Fixtures.approvedSupervisorPlan()
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolB)), on: "2025-01-31", rules: rules)
            .then(.start(.pendampingan), on: "2025-02-03", rules: rules)
        #expect(mentoring.currentStep == .pendampingan)
        let own = ReminderPlanner.occurrences(
            of: mentoring, position: F.position(for: mentoring), rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2025-02-01T00:00:00Z"), through: Fixtures.instant("2025-05-20T00:00:00Z"))
            .filter { $0.step == .pendampingan && $0.recipientRole == .pegawai }
        #expect(Set(own.map(\.due)) == [Fixtures.date("2025-05-03")], "the deadline is the maximum length: \(own.map(F.row))")
        // 14, 7 and 1 days before (Saturday 19 April → Friday 18 April; Saturday 26 April → Friday
        // 25 April; Friday 2 May), on the day (a Saturday → Friday 2 May, absorbing the lead of that
        // day), then every week after (Saturdays 10 and 17 May → Mondays 12 and 19 May: after the
        // deadline a reminder never moves before its threshold).
        #expect(own.map { "\($0.kind.rawValue) \($0.offsetDays) \($0.fireDate)" } == [
            "lead -14 2025-04-18", "lead -7 2025-04-25", "due 0 2025-05-02", "overdue 7 2025-05-12", "overdue 14 2025-05-19",
        ])
        // Nothing at the minimum length (one month): that is allowed, not a deadline.
        #expect(!own.contains { $0.fireDate <= Fixtures.date("2025-03-03") })
    }
}
