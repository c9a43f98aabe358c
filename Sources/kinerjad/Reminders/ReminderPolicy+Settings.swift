import KinerjaCore

extension ReminderSettings {
    /// The domain's view of `[reminders]`.
    var policy: ReminderPolicy {
        ReminderPolicy(
            leadDays: leadDays, onDueDay: onDueDay, overdueRepeatDays: overdueRepeatDays,
            escalateAfterDays: escalateAfterDays, fireHour: fireHour, fireMinute: fireMinute,
            workingDays: workingDays, holidays: Set(holidays),
            nonWorkingDay: NonWorkingDayRule(rawValue: nonWorkingDay) ?? .before,
            afterDeadlineNonWorkingDay: NonWorkingDayRule(rawValue: nonWorkingDayAfterDeadline) ?? .after)
    }

    /// When cycles open and close (`close_cycle_after_days`).
    var lifecycle: CycleLifecycle { CycleLifecycle(graceDays: closeCycleAfterDays) }
}
