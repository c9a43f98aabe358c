import KinerjaCore
import KinerjaRules

/// The `[reminders]` section: when and how often people are reminded. Read and checked
/// now so that a bad value is refused at start, even before a reminder is due.
struct ReminderSettings: Sendable, Equatable {
    /// Local time of day at which reminders fire.
    var fireHour = 7
    var fireMinute = 0
    /// Days before a deadline that get a reminder.
    var leadDays = [14, 7, 1]
    var onDueDay = true
    /// An overdue step is reminded again every N days.
    var overdueRepeatDays = 7
    /// Overdue this many days, the atasan is told too.
    var escalateAfterDays = 14
    /// Occurrences missed while the daemon was down fire late up to this age, else are recorded as missed.
    var catchUpHorizonDays = 7
    /// ISO weekdays (1 Monday … 7 Sunday) that are working days.
    var workingDays: Set<Int> = [1, 2, 3, 4, 5]
    /// What a lead or due reminder on a non-working day does: before, after or skip.
    var nonWorkingDay = "before"
    /// What an overdue, escalation or blocked reminder on a non-working day does: after or skip.
    var nonWorkingDayAfterDeadline = "after"
    var holidays: [LocalDate] = []
    /// Days after a cycle's last day during which its unfinished plans are still reminded
    /// and late steps recorded; then the cycle closes (`CycleLifecycle`).
    var closeCycleAfterDays = 14

    static let keys = [
        "fire_time", "lead_days", "on_due_day", "overdue_repeat_days", "escalate_after_days",
        "catch_up_horizon_days", "working_days", "non_working_day", "non_working_day_after_deadline", "holidays",
        "close_cycle_after_days",
    ]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    init() {}

    init(_ r: TOMLReader) throws(ConfigError) {
        let time = try r.string("fire_time", default: "07:00")
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
        var days: Set<Int> = []
        for name in try r.strings("working_days", default: ["mon", "tue", "wed", "thu", "fri"]) {
            guard let index = ReminderSettings.weekdays.firstIndex(of: name.lowercased()) else {
                throw r.fail("working_days: '\(name)' is not a day; use \(ReminderSettings.weekdays.joined(separator: ", "))")
            }
            days.insert(index + 1)
        }
        guard !days.isEmpty else { throw r.fail("working_days must name at least one day") }
        workingDays = days
        nonWorkingDay = try r.string("non_working_day", default: nonWorkingDay)
        guard ["before", "after", "skip"].contains(nonWorkingDay) else {
            throw r.fail("non_working_day '\(nonWorkingDay)' is unknown; use \"before\", \"after\" or \"skip\"")
        }
        nonWorkingDayAfterDeadline = try r.string("non_working_day_after_deadline", default: nonWorkingDayAfterDeadline)
        guard ["after", "skip"].contains(nonWorkingDayAfterDeadline) else {
            throw r.fail("""
                non_working_day_after_deadline '\(nonWorkingDayAfterDeadline)' is unknown; use "after" or "skip" \
                (a reminder after its deadline never moves before it)
                """)
        }
        closeCycleAfterDays = try r.int("close_cycle_after_days", default: closeCycleAfterDays, range: 0...CycleLifecycle.maxGraceDays)
        var dates: [LocalDate] = []
        for text in try r.strings("holidays", default: []) {
            guard let date = LocalDate(text) else { throw r.fail("holidays: '\(text)' is not a date \"YYYY-MM-DD\"") }
            dates.append(date)
        }
        holidays = dates
    }
}
