import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Positions joined with their holder and their plan in the cycle, in one query: with a
    /// plan filter, the plans' index chooses the rows (a district's overdue list reads its
    /// overdue plans, not its roster).
    func listing(_ query: ListingQuery) throws -> [ListedPosition] {
        var result: [ListedPosition] = []
        try listing(query) { result.append($0) }
        return result
    }

    /// The listing's rows one by one, in its order.
    func listing(_ query: ListingQuery, each: (ListedPosition) throws -> Void) throws {
        let (sql, arguments) = listingSQL(query)
        try RowStatement(db, sql).forEach({ v in for argument in arguments { v.add(argument) } }) { row in
            let position = try PositionRow(columns: row).position()
            let person = try PersonRow(id: position.key.personID.rawValue, listing: row, at: PositionRow.listingColumnCount).person()
            let facts = PlanRows.facts(row, at: PositionRow.listingColumnCount + 5, plan: PlanID(cycle: query.cycle, position: position.key))
            try each(ListedPosition(person: person, position: position, plan: facts))
        }
    }

    func explainListing(_ query: ListingQuery) throws -> String {
        let (sql, arguments) = listingSQL(query)
        return try SQLiteTransaction.explain(sql, arguments: StatementArguments(arguments), db)
    }

    /// The listing's SELECT and its arguments.
    private func listingSQL(_ query: ListingQuery) -> (String, [String]) {
        var conditions: [String] = []
        var arguments: [String] = [query.cycle.description]
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
        var subjects: [ReminderSubject] = []
        try reminderSubjects(cycle: cycle, person: person) { subjects.append($0) }
        return subjects
    }

    /// The same one by one, in plan order.
    func reminderSubjects(cycle: CycleID, person: PersonID?, each: (ReminderSubject) throws -> Void) throws {
        try RowStatement(db, SQLiteTransaction.subjectsSQL(person == nil ? "" : "AND plan.person_id = ?")).forEach({ v in
            v.add(cycle.description)
            if let person { v.add(person.rawValue) }
        }) { row in
            let position = try PositionRow(columns: row).position()
            guard let facts = PlanRows.facts(row, at: PositionRow.listingColumnCount + 1, plan: PlanID(cycle: cycle, position: position.key))
            else { return }
            try each(ReminderSubject(plan: facts, position: position, personName: row.text(PositionRow.listingColumnCount) ?? ""))
        }
    }

    /// Those of `plans` that are subjects, each by its key.
    func reminderSubjects(plans: Set<PlanID>) throws -> [ReminderSubject] {
        let statement = try RowStatement(db, SQLiteTransaction.subjectsSQL("AND plan.person_id = ? AND plan.role = ? AND plan.npsn = ?"))
        var subjects: [ReminderSubject] = []
        for id in plans.sorted() {
            let key = id.position
            try statement.forEach({ $0.add(id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)) }) { row in
                let position = try PositionRow(columns: row).position()
                guard let facts = PlanRows.facts(row, at: PositionRow.listingColumnCount + 1, plan: id) else { return }
                subjects.append(ReminderSubject(plan: facts, position: position, personName: row.text(PositionRow.listingColumnCount) ?? ""))
            }
        }
        return subjects
    }

    /// The open plans of a cycle with their active position and holder, `condition` added.
    private static func subjectsSQL(_ condition: String) -> String {
        """
        SELECT \(PositionRow.listingColumns), person.nama, \(PlanRows.factsColumns)
        FROM plan JOIN position ON position.person_id = plan.person_id AND position.role = plan.role AND position.npsn = plan.npsn
            JOIN person ON person.id = plan.person_id
        WHERE plan.cycle = ? AND NOT (\(PlanFactsSQL.complete)) AND plan.closed_on IS NULL AND position.active \(condition)
        ORDER BY plan.id
        """
    }

    func plansChanged(cycle: CycleID, since known: PlanVersions?) throws -> (changed: Set<PlanID>?, now: PlanVersions) {
        var versions: [Int64: Int64] = [:]
        try RowStatement(db, "SELECT id, version FROM plan WHERE cycle = ?").forEach({ $0.add(cycle.description) }) { row in
            versions[row.int64(0)] = row.int64(1)
        }
        let now = PlanVersions(references: versions)
        guard let known else { return (nil, now) }
        if known.versions.keys.contains(where: { versions[$0] == nil }) { return (nil, now) }
        var changed = Set<PlanID>()
        let key = try RowStatement(db, "SELECT person_id, role, npsn FROM plan WHERE id = ?")
        for (id, version) in versions where known.versions[id] != version {
            try key.forEach({ $0.add(id) }) { row in
                guard let role = row.value(1, as: Role.self) else { return }
                let npsn = row.text(2) ?? ""
                changed.insert(PlanID(cycle: cycle, position: PositionKey(
                    personID: PersonID(trusted: row.text(0) ?? ""), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn))))
            }
        }
        return (changed, now)
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
