import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// Stages 1–2 (Pemutakhiran Data, Plotting Tim Kinerja): the rows of `SchemaV10`, compared
/// and audited by `PreconditionChanges` as on SQLite.
extension PostgresStore {
    public func preconditions(cycle: CycleID) async throws -> [PreconditionRecord] {
        try await reading { connection, logger in try await PostgresStore.preconditions(connection, logger, cycle: cycle) }
    }

    public func preconditionTally(cycle: CycleID) async throws -> PreconditionTally {
        try await snapshot { connection, logger in try await PostgresStore.preconditionTally(connection, logger, cycle: cycle) }
    }

    public func recordPreconditions(
        _ records: [PreconditionRecord], cycle: CycleID, rules: String,
        derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation, actor: AuditActor, at: Date
    ) async throws -> PreconditionSummary {
        try await writing([.plans, .audit]) { connection, logger in
            let changes = PreconditionChanges(records, stored: try await PostgresStore.preconditions(connection, logger, cycle: cycle))
            for (r, old) in changes.changes {
                try await connection.query("""
                    INSERT INTO precondition (cycle, person_id, precondition, done_on, decree_number, decree_date, updated_at)
                    VALUES (\(cycle.description), \(r.person.rawValue), \(r.precondition.rawValue), \(r.doneOn.description),
                            \(r.decreeNumber), \(r.decreeDate?.description), \(at))
                    ON CONFLICT (cycle, person_id, precondition) DO UPDATE SET done_on = excluded.done_on,
                        decree_number = excluded.decree_number, decree_date = excluded.decree_date, updated_at = excluded.updated_at
                    """, logger: logger)
                let row = PreconditionChanges.audit(r, old: old)
                try await PostgresStore.appendAudit(
                    connection, logger, action: row.action, subject: row.subject, before: row.before, after: row.after, actor: actor, at: at)
            }
            let persons = Array(changes.persons)
            if !persons.isEmpty {
                try await connection.query(
                    "UPDATE plan SET facts_rules = NULL WHERE cycle = \(cycle.description) AND person_id = ANY(\(persons)::text[])", logger: logger)
            }
            var summary = changes.summary
            summary.plansRederived = try await PostgresStore.rederive(connection, logger, cycle: cycle, rules: rules, derive: derive)
            return summary
        }
    }

    /// The stages 1–2 recorded in `cycle`, by person then stage.
    static func preconditions(_ connection: PostgresConnection, _ logger: Logger, cycle: CycleID) async throws -> [PreconditionRecord] {
        let rows = try await connection.query("""
            SELECT person_id, precondition, done_on, decree_number, decree_date FROM precondition
            WHERE cycle = \(cycle.description) ORDER BY person_id, precondition
            """, logger: logger)
        var records: [PreconditionRecord] = []
        for try await (person, stage, doneOn, number, date) in rows.decode((String, String, String, String?, String?).self) {
            guard let precondition = Precondition(rawValue: stage), let done = LocalDate(doneOn) else {
                throw StoreError.damagedRow(table: "precondition", key: "\(cycle)/\(person)", reason: "'\(stage)' on '\(doneOn)'")
            }
            records.append(PreconditionRecord(
                person: PersonID(trusted: person), cycle: cycle, precondition: precondition, doneOn: done, decreeNumber: number,
                decreeDate: date.flatMap { LocalDate($0) }))
        }
        return records
    }

    /// The active persons, how many of them have each stage recorded in `cycle`, and the
    /// Pejabat Penilai the active positions name most (as `SQLiteTransaction.preconditionTally`).
    static func preconditionTally(_ connection: PostgresConnection, _ logger: Logger, cycle: CycleID) async throws -> PreconditionTally {
        var tally = PreconditionTally()
        for try await n in try await connection.query("SELECT count(*) FROM person WHERE active", logger: logger).decode(Int.self) {
            tally.persons = n
        }
        let done = try await connection.query("""
            SELECT precondition.precondition, count(*) FROM precondition JOIN person ON person.id = precondition.person_id
            WHERE precondition.cycle = \(cycle.description) AND person.active GROUP BY precondition.precondition
            """, logger: logger)
        for try await (stage, n) in done.decode((String, Int).self) {
            if let p = Precondition(rawValue: stage) { tally.done[p] = n }
        }
        let penilai = try await connection.query("""
            SELECT coalesce(pejabat_penilai_id, atasan_id) AS id FROM position WHERE active AND coalesce(pejabat_penilai_id, atasan_id) IS NOT NULL
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """, logger: logger)
        for try await id in penilai.decode(String.self) { tally.pejabatPenilai = PersonID(trusted: id) }
        return tally
    }
}
