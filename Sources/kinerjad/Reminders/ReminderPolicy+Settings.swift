import KinerjaCore

extension ReminderSettings {
    /// The domain's view of `[reminders]`.
    var policy: ReminderPolicy {
        ReminderPolicy(
            leadDays: leadDays, onDueDay: onDueDay, overdueRepeatDays: overdueRepeatDays,
            escalateAfterDays: escalateAfterDays, fireHour: fireHour, fireMinute: fireMinute,
            workingDays: workingDays, holidays: Set(holidays),
            nonWorkingDay: NonWorkingDayRule(rawValue: nonWorkingDay) ?? .before)
    }
}
