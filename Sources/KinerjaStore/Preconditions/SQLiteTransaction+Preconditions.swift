import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// The stages 1–2 recorded in `cycle`, by person then stage.
    func preconditions(cycle: CycleID) throws -> [PreconditionRecord] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, precondition, done_on, decree_number, decree_date FROM precondition
            WHERE cycle = ? ORDER BY person_id, precondition
            """, arguments: [cycle.description]).map { row in
            let stage: String = row[1]
            guard let precondition = Precondition(rawValue: stage), let done = LocalDate(row[2] as String) else {
                throw StoreError.damagedRow(table: "precondition", key: "\(cycle)/\(row[0] as String)", reason: "'\(stage)' on '\(row[2] as String)'")
            }
            return PreconditionRecord(
                person: PersonID(trusted: row[0]), cycle: cycle, precondition: precondition, doneOn: done, decreeNumber: row[3],
                decreeDate: (row[4] as String?).flatMap { LocalDate($0) })
        }
    }

    /// The active persons, and how many of them have each stage recorded in `cycle`.
    func preconditionTally(cycle: CycleID) throws -> PreconditionTally {
        var tally = PreconditionTally(persons: try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE active = 1") ?? 0)
        for row in try Row.fetchAll(db, sql: """
            SELECT precondition.precondition, count(*) FROM precondition JOIN person ON person.id = precondition.person_id
            WHERE precondition.cycle = ? AND person.active = 1 GROUP BY precondition.precondition
            """, arguments: [cycle.description]) {
            if let p = Precondition(rawValue: row[0]) { tally.done[p] = row[1] }
        }
        let penilai = try String.fetchOne(db, sql: """
            SELECT coalesce(pejabat_penilai_id, atasan_id) AS id FROM position WHERE active = 1 AND id IS NOT NULL
            GROUP BY id ORDER BY count(*) DESC, id LIMIT 1
            """)
        tally.pejabatPenilai = penilai.map { PersonID(trusted: $0) }
        return tally
    }

    /// Records `records` (all of `cycle`), each changed one with its audit row, then derives
    /// again the plans of their persons in the cycle with `derive` (which must see them).
    func recordPreconditions(
        _ records: [PreconditionRecord], cycle: CycleID, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation,
        actor: AuditActor, at: Date
    ) throws -> PreconditionSummary {
        let changes = PreconditionChanges(records, stored: try preconditions(cycle: cycle))
        var audit = try AuditRows(db, actor: actor, at: at)
        var upsert = try RowStatement(db, """
            INSERT INTO precondition (cycle, person_id, precondition, done_on, decree_number, decree_date, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (cycle, person_id, precondition) DO UPDATE SET done_on = excluded.done_on,
                decree_number = excluded.decree_number, decree_date = excluded.decree_date, updated_at = excluded.updated_at
            """)
        for (r, old) in changes.changes {
            try upsert.execute { v in
                v.add(cycle.description, r.person.rawValue, r.precondition.rawValue, r.doneOn, r.decreeNumber, r.decreeDate, StoreTime.text(at))
            }
            let row = PreconditionChanges.audit(r, old: old)
            _ = try audit.append(action: row.action, subject: row.subject, before: row.before, after: row.after)
        }
        var summary = changes.summary
        for batch in SQLChunks.batches(Array(changes.persons)) {
            try db.execute(
                sql: "UPDATE plan SET facts_rules = NULL WHERE cycle = ? AND person_id IN (\(batch.placeholders))",
                arguments: StatementArguments([cycle.description] + Array(batch.values)))
        }
        summary.plansRederived = try rederivePlans(cycle: cycle, rules: rules, derive: derive)
        return summary
    }
}
