import Foundation

/// What a reminder that falls on a non-working day does (remind(1)'s OMIT handling).
public enum NonWorkingDayRule: String, Sendable, Hashable, Codable {
    /// Move to the working day before (remind(1)'s BEFORE).
    case before
    /// Move to the working day after (remind(1)'s AFTER).
    case after
    /// Do not send it at all (remind(1)'s SKIP).
    case skip
}

/// When and how people are reminded (from kinerja.toml `[reminders]`).
///
/// The planner reads a few values derived from the public ones (sorted lead offsets, a
/// weekday mask, holiday day numbers, the longest run of non-working days); they are
/// recomputed whenever `leadDays`, `workingDays` or `holidays` change, so planning a
/// plan allocates nothing for the policy.
public struct ReminderPolicy: Sendable, Hashable {
    /// Days before a deadline that get a reminder, e.g. `[14, 7, 1]`. Values below 1 and
    /// repeats are ignored; order does not matter.
    public var leadDays: [Int] { didSet { derive() } }
    /// Also remind on the day of the deadline.
    public var onDueDay: Bool
    /// 0: no overdue repeats; else every N days after the deadline.
    public var overdueRepeatDays: Int
    /// 0: no escalation; else one escalation to the atasan N days after the deadline.
    public var escalateAfterDays: Int
    /// Local time of day at which reminders fire, in the office's zone.
    public var fireHour: Int
    public var fireMinute: Int
    /// ISO weekdays (1 Monday … 7 Sunday) that are working days. An empty set (refused by
    /// the config reader) is taken as "every weekday works", so no reminder is lost.
    public var workingDays: Set<Int> { didSet { derive() } }
    /// Dates that are not working days.
    public var holidays: Set<LocalDate> { didSet { derive() } }
    /// What a reminder before or on its deadline (lead, due) that falls on a weekend or
    /// holiday does: by default the working day before, so that it still comes in time.
    public var nonWorkingDay: NonWorkingDayRule
    /// An occurrence missed while the daemon was down still fires (marked late) up to this
    /// many days after its time; an older one is recorded as missed, not sent.
    public var catchUpHorizonDays: Int
    /// What a reminder after its deadline (overdue, escalation, blocked) that falls on a
    /// weekend or holiday does: `.after` (the next working day) or `.skip`. Never the day
    /// before: "7 days overdue" sent on day 5 would accuse someone of what has not happened
    /// yet, and an escalation would reach the atasan before its threshold. A `.before`
    /// given here is taken as `.after`.
    public var afterDeadlineNonWorkingDay: NonWorkingDayRule {
        didSet { if afterDeadlineNonWorkingDay == .before { afterDeadlineNonWorkingDay = .after } }
    }

    // Derived (see the type's comment).
    /// Offsets of the lead reminders, ascending: `[-14, -7, -1]`.
    private(set) var leadOffsets: [Int] = []
    /// Bit `w - 1` set when ISO weekday `w` is a working day.
    private(set) var weekdayMask: UInt8 = 0
    /// `holidays` as day numbers.
    private(set) var holidayDays: Set<Int> = []
    /// The longest run of consecutive non-working days: no date moves further than this.
    private(set) var longestBreak: Int = 0

    public init(
        leadDays: [Int] = [14, 7, 1], onDueDay: Bool = true, overdueRepeatDays: Int = 7, escalateAfterDays: Int = 14,
        fireHour: Int = 7, fireMinute: Int = 0, workingDays: Set<Int> = [1, 2, 3, 4, 5],
        holidays: Set<LocalDate> = [], nonWorkingDay: NonWorkingDayRule = .before,
        afterDeadlineNonWorkingDay: NonWorkingDayRule = .after, catchUpHorizonDays: Int = 7
    ) {
        self.leadDays = leadDays
        self.onDueDay = onDueDay
        self.overdueRepeatDays = overdueRepeatDays
        self.escalateAfterDays = escalateAfterDays
        self.fireHour = fireHour
        self.fireMinute = fireMinute
        self.workingDays = workingDays
        self.holidays = holidays
        self.nonWorkingDay = nonWorkingDay
        self.afterDeadlineNonWorkingDay = afterDeadlineNonWorkingDay == .before ? .after : afterDeadlineNonWorkingDay
        self.catchUpHorizonDays = catchUpHorizonDays
        derive()
    }

    /// Whether an occurrence due at `fireAt` and found at `now` is past the catch-up horizon
    /// (the daemon was down): recorded as missed, not sent, because a reminder that late
    /// would mislead.
    public func isPastCatchUp(_ fireAt: Date, now: Date) -> Bool {
        fireAt < now.addingTimeInterval(-Double(catchUpHorizonDays) * 86_400)
    }

    /// True when `date` is a working day under this policy.
    public func isWorkingDay(_ date: LocalDate) -> Bool { isWorking(date.dayNumber) }

    @inline(__always)
    func isWorking(_ day: Int) -> Bool {
        let w = (day + 3) % 7 // 0 Monday … 6 Sunday (1970-01-01 was a Thursday)
        let weekday = w < 0 ? w + 7 : w
        guard weekdayMask & (1 << UInt8(weekday)) != 0 else { return false }
        return holidayDays.isEmpty || !holidayDays.contains(day)
    }

    private mutating func derive() {
        leadOffsets = Set(leadDays.filter { $0 > 0 }).sorted(by: >).map { -$0 }
        var mask: UInt8 = 0
        for w in workingDays where (1...7).contains(w) { mask |= 1 << UInt8(w - 1) }
        weekdayMask = mask == 0 ? 0x7F : mask
        holidayDays = Set(holidays.map(\.dayNumber))
        // The longest run made of weekends alone (in a cyclic week), then of runs that
        // contain a holiday.
        var longest = 0
        var run = 0
        for i in 0..<14 {
            run = weekdayMask & (1 << UInt8(i % 7)) == 0 ? run + 1 : 0
            longest = max(longest, run)
        }
        for h in holidayDays {
            if holidayDays.contains(h - 1) { continue } // measured from the run's first holiday
            var end = h
            while !isWorking(end + 1) { end += 1 }
            var start = h
            while !isWorking(start - 1) { start -= 1 }
            longest = max(longest, end - start + 1)
        }
        longestBreak = longest
    }
}
