import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// Positions with their holder and plan, and the open plans a reminder pass reads.
extension PostgresStore {
    public func listing(_ query: ListingQuery) async throws -> [ListedPosition] {
        let select = PostgresStore.listingQuery(query)
        return try await reading { connection, logger in
            var listed: [ListedPosition] = []
            for try await row in try await connection.query(select, logger: logger) {
                listed.append(try PostgresStore.listedPosition(row, cycle: query.cycle))
            }
            return listed
        }
    }

    /// Read whole, then handed over `size` rows at a time (see `chunked`).
    public func listingChunks(_ query: ListingQuery, size: Int) -> StoreChunks<ListedPosition> {
        chunked(size: size) { try await self.listing(query) }
    }

    /// The listing's SELECT, its plan filters the rules' own SQL (`PlanFactsSQL`).
    static func listingQuery(_ query: ListingQuery) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(query.cycle.description)
        var conditions: [String] = []
        func condition(_ sql: String, _ value: String) {
            binds.append(value)
            conditions.append(sql.replacingOccurrences(of: "?", with: "$\(binds.count)"))
        }
        if let personID = query.personID { condition("position.person_id = ?", personID.rawValue) }
        if let role = query.role { condition("position.role = ?", role.rawValue) }
        if let npsn = query.npsn { condition("position.npsn = ?", npsn.rawValue) }
        if let school = query.sekolahBinaan {
            condition("""
                EXISTS (SELECT 1 FROM sekolah_binaan b WHERE b.binaan_npsn = ? AND b.person_id = position.person_id
                        AND b.role = position.role AND b.npsn = position.npsn)
                """, school.rawValue)
        }
        if query.activeOnly { conditions.append("position.active") }
        if let step = query.currentStep { condition("plan.current_step = ?", step.rawValue) }
        if let day = query.overdueOn { condition(PlanFactsSQL.overdue, day.description) }
        if let blocked = query.blocked { conditions.append(blocked ? PlanFactsSQL.blocked : "NOT (\(PlanFactsSQL.blocked))") }
        return PostgresQuery(unsafeSQL: """
            SELECT \(PositionRow.listingColumns), \(PersonRow.listingColumns), \(PlanRows.factsColumns)
            FROM position JOIN person ON person.id = position.person_id
            \(query.filtersPlans ? "JOIN" : "LEFT JOIN") plan ON plan.cycle = $1 AND plan.person_id = position.person_id
                AND plan.role = position.role AND plan.npsn = position.npsn
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY position.npsn, person.nama, position.person_id, position.role
            """, binds: binds)
    }

    private static func listedPosition(_ row: PostgresRow, cycle: CycleID) throws -> ListedPosition {
        var c = RowCursor(row)
        let position = try decodePosition(&c)
        let person = try decodeListedPerson(&c, id: position.key.personID.rawValue)
        let facts = try PostgresPlanRows.facts(&c, plan: PlanID(cycle: cycle, position: position.key))
        return ListedPosition(person: person, position: position, plan: facts)
    }

    public func reminderSubjects(cycle: CycleID, person: PersonID?) async throws -> [ReminderSubject] {
        var binds = PostgresBindings()
        binds.append(cycle.description)
        if let person { binds.append(person.rawValue) }
        let select = PostgresQuery(unsafeSQL: PostgresStore.subjectsSQL(person == nil ? "" : "AND plan.person_id = $2"), binds: binds)
        return try await reading { connection, logger in
            var subjects: [ReminderSubject] = []
            for try await row in try await connection.query(select, logger: logger) {
                if let subject = try PostgresStore.subject(row, cycle: cycle) { subjects.append(subject) }
            }
            return subjects
        }
    }

    public func reminderSubjectChunks(cycle: CycleID, person: PersonID?, size: Int) -> StoreChunks<ReminderSubject> {
        chunked(size: size) { try await self.reminderSubjects(cycle: cycle, person: person) }
    }

    public func reminderSubjects(plans: Set<PlanID>) async throws -> [ReminderSubject] {
        try await snapshot { connection, logger in
            var subjects: [ReminderSubject] = []
            for id in plans.sorted() {
                let key = id.position
                var binds = PostgresBindings()
                binds.append(id.cycle.description)
                binds.append(key.personID.rawValue)
                binds.append(key.role.rawValue)
                binds.append(PositionRow.npsnColumn(key.npsn))
                let select = PostgresQuery(
                    unsafeSQL: PostgresStore.subjectsSQL("AND plan.person_id = $2 AND plan.role = $3 AND plan.npsn = $4"), binds: binds)
                for try await row in try await connection.query(select, logger: logger) {
                    if let subject = try PostgresStore.subject(row, cycle: id.cycle) { subjects.append(subject) }
                }
            }
            return subjects
        }
    }

    /// The open plans of a cycle (`$1`) with their active position and holder, `condition` added.
    private static func subjectsSQL(_ condition: String) -> String {
        """
        SELECT \(PositionRow.listingColumns), person.nama, \(PlanRows.factsColumns)
        FROM plan JOIN position ON position.person_id = plan.person_id AND position.role = plan.role AND position.npsn = plan.npsn
            JOIN person ON person.id = plan.person_id
        WHERE plan.cycle = $1 AND NOT (\(PlanFactsSQL.complete)) AND plan.closed_on IS NULL AND position.active \(condition)
        ORDER BY plan.id
        """
    }

    private static func subject(_ row: PostgresRow, cycle: CycleID) throws -> ReminderSubject? {
        var c = RowCursor(row)
        let position = try decodePosition(&c)
        let name: String = try c.next()
        guard let facts = try PostgresPlanRows.facts(&c, plan: PlanID(cycle: cycle, position: position.key)) else { return nil }
        return ReminderSubject(plan: facts, position: position, personName: name)
    }

    public func plansChanged(cycle: CycleID, since known: PlanVersions?) async throws -> (changed: Set<PlanID>?, now: PlanVersions) {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT id, version, person_id, role, npsn FROM plan WHERE cycle = \(cycle.description)", logger: logger)
            var versions: [Int64: Int64] = [:]
            var keys: [Int64: PlanID] = [:]
            for try await (id, version, person, roleText, npsn) in rows.decode((Int64, Int64, String, String, String).self) {
                versions[id] = version
                guard let known, known.versions[id] != version, let role = Role(rawValue: roleText) else { continue }
                keys[id] = PlanID(cycle: cycle, position: PositionKey(
                    personID: PersonID(trusted: person), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)))
            }
            let now = PlanVersions(references: versions)
            guard let known, !known.versions.keys.contains(where: { versions[$0] == nil }) else { return (nil, now) }
            return (Set(keys.values), now)
        }
    }

    /// `read`'s rows handed over `size` at a time from a thread of their own (`StoreChunks`
    /// blocks its producer while the consumer is two chunks behind, which must not hold a
    /// thread of Swift's cooperative pool). On PostgreSQL the rows are read whole first: a
    /// district's are a few MB.
    func chunked<T: Sendable>(size: Int, _ read: @escaping @Sendable () async throws -> [T]) -> StoreChunks<T> {
        StoreChunks { yield in
            let all = try await read()
            try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                Thread.detachNewThread {
                    do {
                        for start in stride(from: 0, to: all.count, by: max(size, 1)) {
                            try yield(Array(all[start..<min(start + max(size, 1), all.count)]))
                        }
                        done.resume()
                    } catch {
                        done.resume(throwing: error)
                    }
                }
            }
        }
    }
}
