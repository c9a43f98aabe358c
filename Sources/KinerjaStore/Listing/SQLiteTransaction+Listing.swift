import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Positions joined with their holder and their plan in the cycle, in one query: with a
    /// plan filter, the plans' index chooses the rows (a district's overdue list reads its
    /// overdue plans, not its roster).
    func listing(_ query: ListingQuery) throws -> [ListedPosition] {
        let (sql, arguments) = listingSQL(query)
        var result: [ListedPosition] = []
        try Row.fetchCursor(db, sql: sql, arguments: arguments).forEach { row in
            let position = try PositionRow(listingRow: row).position()
            let person = try PersonRow(id: row[0], listing: row, at: PositionRow.listingColumnCount).person()
            let facts = try PlanRows.facts(row, at: PositionRow.listingColumnCount + 5, plan: PlanID(cycle: query.cycle, position: position.key))
            result.append(ListedPosition(person: person, position: position, plan: facts))
        }
        return result
    }

    func explainListing(_ query: ListingQuery) throws -> String {
        let (sql, arguments) = listingSQL(query)
        return try SQLiteTransaction.explain(sql, arguments: arguments, db)
    }

    /// The listing's SELECT and its arguments.
    private func listingSQL(_ query: ListingQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = [query.cycle.description]
        if let personID = query.personID {
            conditions.append("position.person_id = ?")
            arguments += [personID.rawValue]
        }
        if let role = query.role {
            conditions.append("position.role = ?")
            arguments += [role.rawValue]
        }
        if let npsn = query.npsn {
            conditions.append("position.npsn = ?")
            arguments += [npsn.rawValue]
        }
        if let school = query.sekolahBinaan {
            conditions.append("""
                EXISTS (SELECT 1 FROM sekolah_binaan b WHERE b.binaan_npsn = ? AND b.person_id = position.person_id
                        AND b.role = position.role AND b.npsn = position.npsn)
                """)
            arguments += [school.rawValue]
        }
        if query.activeOnly { conditions.append("position.active") }
        if let step = query.currentStep {
            conditions.append("plan.current_step = ?")
            arguments += [step.rawValue]
        }
        if let day = query.overdueOn {
            conditions.append(PlanFactsSQL.overdue)
            arguments += [day.description]
        }
        if let blocked = query.blocked {
            conditions.append(blocked ? PlanFactsSQL.blocked : "NOT (\(PlanFactsSQL.blocked))")
        }
        let sql = """
            SELECT \(PositionRow.listingColumns), \(PersonRow.listingColumns), \(PlanRows.factsColumns)
            FROM position JOIN person ON person.id = position.person_id
            \(query.filtersPlans ? "JOIN" : "LEFT JOIN") plan ON plan.cycle = ? AND plan.person_id = position.person_id
                AND plan.role = position.role AND plan.npsn = position.npsn
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY position.npsn, person.nama, position.person_id, position.role
            """
        return (sql, arguments)
    }

    /// Open plans of the cycle with their active position and holder.
    func reminderSubjects(cycle: CycleID, person: PersonID?) throws -> [ReminderSubject] {
        var arguments: StatementArguments = [cycle.description]
        var personCondition = ""
        if let person {
            personCondition = "AND plan.person_id = ?"
            arguments += [person.rawValue]
        }
        let sql = """
            SELECT \(PositionRow.listingColumns), person.nama, \(PlanRows.factsColumns)
            FROM plan JOIN position ON position.person_id = plan.person_id AND position.role = plan.role AND position.npsn = plan.npsn
                JOIN person ON person.id = plan.person_id
            WHERE plan.cycle = ? AND NOT (\(PlanFactsSQL.complete)) AND plan.closed_on IS NULL AND position.active \(personCondition)
            ORDER BY plan.id
            """
        var subjects: [ReminderSubject] = []
        try Row.fetchCursor(db, sql: sql, arguments: arguments).forEach { row in
            let position = try PositionRow(listingRow: row).position()
            guard let facts = try PlanRows.facts(row, at: PositionRow.listingColumnCount + 1, plan: PlanID(cycle: cycle, position: position.key)) else { return }
            subjects.append(ReminderSubject(plan: facts, position: position, personName: row[PositionRow.listingColumnCount]))
        }
        return subjects
    }

    func names(of persons: Set<PersonID>) throws -> [PersonID: String] {
        var names: [PersonID: String] = [:]
        for batch in SQLChunks.batches(persons.map(\.rawValue)) {
            for row in try Row.fetchAll(db, sql: "SELECT id, nama FROM person WHERE id IN (\(batch.placeholders))", arguments: StatementArguments(batch.values)) {
                names[PersonID(trusted: row[0])] = row[1]
            }
        }
        return names
    }
}
