import Foundation
import KinerjaCore
import KinerjaStore

/// What fires between two instants, read from the store and planned by Core's
/// `ReminderAgenda`: the one path behind the scheduler's firing and the preview.
extension Office {
    /// The agenda under `settings`, with the silences and acknowledgements in force now.
    func agenda(in settings: Settings) async throws -> ReminderAgenda {
        let silences = try await store.silences(activeOn: nil, includeRemoved: false).compactMap { s -> ReminderSilence? in
            guard let until = LocalDate(s.until) else { return nil }
            return ReminderSilence(
                personID: s.personID.map { PersonID(trusted: $0) }, npsn: s.npsn.map { NPSN(trusted: $0) }, until: until)
        }
        return ReminderAgenda(
            policy: settings.config.reminders, calendar: settings.config.calendar, lifecycle: settings.config.lifecycle,
            suppressions: ReminderSuppressions(silences: silences, acknowledged: try await store.acknowledgedKeys(planIDs: nil)))
    }

    /// The open plans of every cycle open on some day of [from, through] (of `person` only,
    /// when given), with their positions: the stored ones neither complete nor closed, and,
    /// for a cycle that has not begun, the fresh plans it will have for the active positions
    /// that have none yet (made on its eve; `ReminderAgenda.plansToCome`).
    func agendaSubjects(from: LocalDate, through: LocalDate, person: PersonID?, settings: Settings, today: LocalDate) async throws -> [ReminderSubject] {
        var subjects: [ReminderSubject] = []
        try await forEachAgendaSubjects(from: from, through: through, person: person, settings: settings, today: today) { subjects += $0 }
        return subjects
    }

    /// The same, a chunk at a time as the store reads them: a reminder pass over a country
    /// never holds its quarter of a million plans at once.
    func forEachAgendaSubjects(
        from: LocalDate, through: LocalDate, person: PersonID?, settings: Settings, today: LocalDate,
        _ body: ([ReminderSubject]) async throws -> Void
    ) async throws {
        for cycle in settings.config.lifecycle.openCycles(from: from, through: through) {
            guard let rules = settings.rules.rules(for: cycle) else { continue }
            guard cycle > CycleID(containing: today) else {
                for try await chunk in store.reminderSubjectChunks(cycle: cycle, person: person, size: Office.subjectChunk) {
                    try await body(chunk)
                }
                continue
            }
            let derive = Office.derive(cycle: cycle, rules: rules, states: try await preconditionStates(cycle: cycle, settings: settings))
            let rows = try await store.listing(ListingQuery(cycle: cycle, activeOnly: true, personID: person))
            var names: [PositionKey: (String, Position)] = [:]
            for row in rows { names[row.position.key] = (row.person.nama, row.position) }
            var subjects: [ReminderSubject] = []
            for row in rows {
                if let facts = row.plan, !facts.isComplete, facts.closure == nil {
                    subjects.append(ReminderSubject(plan: facts, position: row.position, personName: row.person.nama))
                }
            }
            let having = Set(rows.compactMap { $0.plan?.plan.position })
            for plan in ReminderAgenda.plansToCome(of: cycle, on: today, positions: rows.map(\.position.key), having: having) {
                guard let (name, position) = names[plan.id.position] else { continue }
                subjects.append(ReminderSubject(plan: derive(plan, nil).facts, position: position, personName: name))
            }
            try await body(subjects)
        }
    }

    /// Reminder subjects read at a time.
    static let subjectChunk = 5_000
}
