import Foundation
import KinerjaCore
import KinerjaStore

/// What fires between two instants, read from the store and planned by Core's
/// `ReminderAgenda`: the one path behind the scheduler's firing and the preview.
extension Office {
    /// The plans whose reminders can fire on some day of a window, and each cycle's schedule.
    struct AgendaPlans {
        var plans: [StoredPlan] = []
        var schedules: [CycleID: TimelineSchedule] = [:]
    }

    /// The agenda under `settings`, with the silences and acknowledgements in force now.
    func agenda(in settings: Settings) throws -> ReminderAgenda {
        let silences = try store.silences(activeOn: nil, includeRemoved: false).compactMap { s -> ReminderSilence? in
            guard let until = LocalDate(s.until) else { return nil }
            return ReminderSilence(
                personID: s.personID.map { PersonID(trusted: $0) }, npsn: s.npsn.map { NPSN(trusted: $0) }, until: until)
        }
        return ReminderAgenda(
            policy: settings.config.reminders.policy, calendar: settings.config.calendar, lifecycle: settings.config.reminders.lifecycle,
            suppressions: ReminderSuppressions(silences: silences, acknowledged: try store.acknowledgedKeys(planIDs: nil)))
    }

    /// The plans of every cycle open on some day of [from, through] (of `person` only, when
    /// given): the stored ones not closed, and the fresh ones a current or coming cycle will
    /// have for the active positions in `positions` that have none yet. A closed plan is
    /// left out even when a reload lengthened `close_cycle_after_days` since: its standing
    /// is final.
    func agendaPlans(
        from: LocalDate, through: LocalDate, person: PersonID?, positions: some Collection<PositionKey>, settings: Settings,
        today: LocalDate
    ) throws -> AgendaPlans {
        var result = AgendaPlans()
        for cycle in settings.config.reminders.lifecycle.openCycles(from: from, through: through) {
            guard let rules = settings.rules.rules(for: cycle) else { continue }
            result.schedules[cycle] = TimelineSchedule(cycle: cycle, rules: rules)
            let stored = try store.plans(matching: PlanQuery(cycle: cycle, personID: person))
            result.plans += stored.filter { $0.closure == nil }
            let mine = person.map { person in positions.filter { $0.personID == person } } ?? Array(positions)
            for plan in ReminderAgenda.plansToCome(of: cycle, on: today, positions: mine, having: Set(stored.map(\.plan.id.position))) {
                result.plans.append(StoredPlan(plan: plan, due: nil))
            }
        }
        return result
    }
}
