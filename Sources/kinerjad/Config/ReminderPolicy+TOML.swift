import KinerjaCore
import KinerjaRules

/// The `[reminders]` section: when and how often people are reminded. A key left out keeps
/// `ReminderPolicy`'s default (the one place the defaults are written); a bad value is
/// refused at start, even before a reminder is due.
extension ReminderPolicy {
    /// The section's keys: the policy's and the cycles' closing (`CycleLifecycle`).
    static let keys = [
        "fire_time", "lead_days", "on_due_day", "overdue_repeat_days", "escalate_after_days",
        "catch_up_horizon_days", "working_days", "non_working_day", "non_working_day_after_deadline", "holidays",
        "close_cycle_after_days",
    ]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    init(_ r: TOMLReader) throws(ConfigError) {
        self.init()
        let defaultTime = "\(fireHour < 10 ? "0" : "")\(fireHour):\(fireMinute < 10 ? "0" : "")\(fireMinute)"
        let time = try r.string("fire_time", default: defaultTime)
        let parts = time.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h), (0...59).contains(m)
        else { throw r.fail("fire_time '\(time)' is not a time of day HH:MM, e.g. \"07:00\"") }
        fireHour = h
        fireMinute = m
        leadDays = try r.ints("lead_days", default: leadDays, range: 1...180)
        onDueDay = try r.bool("on_due_day", default: onDueDay)
        overdueRepeatDays = try r.int("overdue_repeat_days", default: overdueRepeatDays, range: 0...180)
        escalateAfterDays = try r.int("escalate_after_days", default: escalateAfterDays, range: 0...365)
        catchUpHorizonDays = try r.int("catch_up_horizon_days", default: catchUpHorizonDays, range: 0...365)
        let defaultDays = workingDays.sorted().map { ReminderPolicy.weekdays[$0 - 1] }
        var days: Set<Int> = []
        for name in try r.strings("working_days", default: defaultDays) {
            guard let index = ReminderPolicy.weekdays.firstIndex(of: name.lowercased()) else {
                throw r.fail("working_days: '\(name)' is not a day; use \(ReminderPolicy.weekdays.joined(separator: ", "))")
            }
            days.insert(index + 1)
        }
        guard !days.isEmpty else { throw r.fail("working_days must name at least one day") }
        workingDays = days
        let rule = try r.string("non_working_day", default: nonWorkingDay.rawValue)
        guard let parsed = NonWorkingDayRule(rawValue: rule) else {
            throw r.fail("non_working_day '\(rule)' is unknown; use \"before\", \"after\" or \"skip\"")
        }
        nonWorkingDay = parsed
        let afterRule = try r.string("non_working_day_after_deadline", default: afterDeadlineNonWorkingDay.rawValue)
        guard let after = NonWorkingDayRule(rawValue: afterRule), after != .before else {
            throw r.fail("""
                non_working_day_after_deadline '\(afterRule)' is unknown; use "after" or "skip" \
                (a reminder after its deadline never moves before it)
                """)
        }
        afterDeadlineNonWorkingDay = after
        var dates: Set<LocalDate> = []
        for text in try r.strings("holidays", default: []) {
            guard let date = LocalDate(text) else { throw r.fail("holidays: '\(text)' is not a date \"YYYY-MM-DD\"") }
            dates.insert(date)
        }
        holidays = dates
    }
}

extension CycleLifecycle {
    /// `close_cycle_after_days` of `[reminders]`.
    init(_ r: TOMLReader) throws(ConfigError) {
        let defaults = CycleLifecycle()
        self.init(graceDays: try r.int("close_cycle_after_days", default: defaults.graceDays, range: 0...CycleLifecycle.maxGraceDays))
    }
}
