import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func plan(_ id: PlanID) throws -> StoredPlan? {
        try PlanRows.read(id, db)?.stored
    }

    func plans(_ ids: Set<PlanID>) throws -> [PlanID: StoredPlan] {
        var plans: [PlanID: StoredPlan] = [:]
        plans.reserveCapacity(ids.count)
        for id in ids {
            if let stored = try PlanRows.read(id, db)?.stored { plans[id] = stored }
        }
        return plans
    }

    func planIDs(of person: PersonID) throws -> [PlanID] {
        try Row.fetchAll(db, sql: "SELECT cycle, role, npsn FROM plan WHERE person_id = ? ORDER BY cycle, role, npsn", arguments: [person.rawValue])
            .compactMap { row in
                guard let cycle = CycleID(row[0] as String), let role = Role(rawValue: row[1]) else { return nil }
                let npsn: String = row[2]
                return PlanID(cycle: cycle, position: PositionKey(personID: person, role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)))
            }
    }

    func cycles() throws -> [CycleID] {
        try String.fetchAll(db, sql: "SELECT DISTINCT cycle FROM plan").compactMap { CycleID($0) }.sorted()
    }

    func savePlans(_ saves: [PlanSave], record: ImportRecord?, actor: AuditActor, at: Date) throws {
        var importID: Int64? = nil
        if let record {
            importID = try appendImport(record, actor: actor, at: at).id
        }
        let positionExists = try db.cachedStatement(sql: "SELECT 1 FROM position WHERE person_id = ? AND role = ? AND npsn = ?")
        let current = try db.cachedStatement(sql: "SELECT id, version FROM plan WHERE cycle = ? AND person_id = ? AND role = ? AND npsn = ?")
        for save in saves {
            let plan = save.plan, key = plan.id.position
            let keyArguments: StatementArguments = [key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)]
            let stored = try Row.fetchOne(current, arguments: [plan.id.cycle.description] + keyArguments)
            let rowID: Int64
            if let old = save.old {
                guard let stored, stored[1] as Int64 == old.version else { throw StoreError.conflict(plan: plan.id.description) }
                rowID = stored[0]
                guard try PlanRows.update(id: rowID, from: old.version, plan, save.derivation, rules: save.rules, at: at, db) else {
                    throw StoreError.conflict(plan: plan.id.description)
                }
                let firstRecord = firstDifference(old.plan.records, plan.records)
                try PlanRows.writeRecords(plan, old: old.plan, from: firstRecord, id: rowID, dues: save.derivation.dues, points: save.derivation.rhkPoints, db)
                if old.plan.blocks != plan.blocks {
                    try PlanRows.writeBlocks(plan.blocks, from: firstDifference(old.plan.blocks, plan.blocks), id: rowID, db)
                }
                if old.plan.revisions != plan.revisions {
                    try PlanRows.writeRevisions(plan.revisions, from: firstDifference(old.plan.revisions, plan.revisions), id: rowID, db)
                }
            } else {
                guard stored == nil else { throw StoreError.conflict(plan: plan.id.description) }
                guard try Bool.fetchOne(positionExists, arguments: keyArguments) != nil else { throw StoreError.noSuchPosition(key) }
                rowID = try PlanRows.insert(plan, save.derivation, rules: save.rules, at: at, db)
                try PlanRows.writeRecords(plan, old: nil, from: 0, id: rowID, dues: save.derivation.dues, points: save.derivation.rhkPoints, db)
                if !plan.blocks.isEmpty { try PlanRows.writeBlocks(plan.blocks, from: 0, id: rowID, db) }
                if !plan.revisions.isEmpty { try PlanRows.writeRevisions(plan.revisions, from: 0, id: rowID, db) }
            }
            var changes = FieldChanges(plan: plan, from: save.old?.plan)
            if let importID { changes.compare("import", nil, "\(importID)") }
            try appendAudit(action: save.action, subject: plan.id.description, before: changes.beforeJSON, after: changes.afterJSON, actor: actor, at: at)
        }
    }

    func ensurePlans(_ creation: PlanCreation, actor: AuditActor, at: Date) throws -> Int {
        let missing = try Row.fetchAll(db, sql: """
            SELECT position.person_id, position.role, position.npsn FROM position
            WHERE position.active AND NOT EXISTS (
                SELECT 1 FROM plan WHERE plan.cycle = ? AND plan.person_id = position.person_id
                    AND plan.role = position.role AND plan.npsn = position.npsn)
            ORDER BY position.person_id, position.role, position.npsn
            """, arguments: [creation.cycle.description])
        for row in missing {
            guard let role = Role(rawValue: row[1]) else { continue }
            let npsn: String = row[2]
            let plan = Plan(id: PlanID(cycle: creation.cycle, position: PositionKey(
                personID: PersonID(trusted: row[0]), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn))))
            _ = try PlanRows.insert(plan, creation.derive(plan), rules: creation.rules, at: at, db)
        }
        if !missing.isEmpty {
            let summary = AuditJSON.counts(["created": missing.count], extra: [("cycle", creation.cycle.description)])
            try appendAudit(action: "plans created", subject: creation.cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return missing.count
    }

    func rederivePlans(cycle: CycleID, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation) throws -> Int {
        let stale = try Row.fetchAll(db, sql: """
            SELECT id, person_id, role, npsn, current_index, first_submitted_on, closed_on, closed_step FROM plan
            WHERE cycle = ? AND (facts_rules IS NULL OR facts_rules != ?)
            """, arguments: [cycle.description, rules])
        for row in stale {
            let (rowID, plan) = try restore(row, cycle: cycle)
            let derivation = derive(plan, PlanRows.closure(on: row[6], step: row[7]))
            try PlanRows.updateDerived(id: rowID, derivation.facts, rules: rules, db)
            try PlanRows.updateDerivedSteps(id: rowID, plan, dues: derivation.dues, points: derivation.rhkPoints, db)
        }
        return stale.count
    }

    /// Writes the final standing of every unfinished plan of `cycle` not closed yet (the step
    /// it is at, the closing day) and derives it again with it; one summary audit row.
    func closePlans(cycle: CycleID, on day: LocalDate, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation, actor: AuditActor, at: Date) throws -> Int {
        let open = try Row.fetchAll(db, sql: """
            SELECT id, person_id, role, npsn, current_index, first_submitted_on FROM plan
            WHERE cycle = ? AND current_step IS NOT NULL AND closed_on IS NULL
            """, arguments: [cycle.description])
        let close = try db.cachedStatement(sql: """
            UPDATE plan SET closed_on = ?, closed_step = ?, version = version + 1, updated_at = ? WHERE id = ?
            """)
        for row in open {
            let (rowID, plan) = try restore(row, cycle: cycle)
            guard let step = plan.currentStep else { continue }
            let closure = PlanClosure(closedOn: day, step: step)
            try close.execute(arguments: [day.description, step.rawValue, at, rowID])
            try PlanRows.updateDerived(id: rowID, derive(plan, closure).facts, rules: rules, db)
        }
        if !open.isEmpty {
            let summary = AuditJSON.counts(["closed": open.count], extra: [("cycle", cycle.description), ("closedOn", day.description)])
            try appendAudit(action: "plans closed", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return open.count
    }

    /// The plan of a row whose first six columns are id, person_id, role, npsn,
    /// current_index and first_submitted_on.
    private func restore(_ row: Row, cycle: CycleID) throws -> (Int64, Plan) {
        guard let role = Role(rawValue: row[2]) else {
            throw StoreError.damagedRow(table: "plan", key: "\(cycle)/\(row[1] ?? "")", reason: "unknown role")
        }
        let npsn: String = row[3]
        let id = PlanID(cycle: cycle, position: PositionKey(
            personID: PersonID(trusted: row[1]), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)))
        let rowID: Int64 = row[0]
        let plan = try PlanRows.restore(id, rowID: rowID, currentIndex: row[4], firstSubmittedOn: (row[5] as String?).flatMap { LocalDate($0) }, db)
        return (rowID, plan)
    }

    /// The first index where two lists differ (the shorter one's length when one is the
    /// other's start): rows before it are unchanged.
    private func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        return i
    }

    /// The audit row of an import: its file's SHA-256 and counts.
    func appendImport(_ record: ImportRecord, actor: AuditActor, at: Date) throws -> AuditRecord {
        try appendAudit(
            action: "\(record.kind) import", subject: "import/\(record.kind)", before: nil,
            after: AuditJSON.counts(record.counts, extra: [("sha256", record.sha256)]), actor: actor, at: at)
    }
}

/// The SQL of the rules `PlanFacts` decides, over the derived columns of `plan`: each the
/// index of its rule, so that the store's answer is Core's (the conformance suite checks it
/// on random plans). One home for each, used by every query that filters or counts by it.
enum PlanFactsSQL {
    /// `PlanFacts.isOverdue(on:)`, with the day as argument.
    static let overdue = "plan.overdue_from <= ?"
    /// `PlanFacts.isBlocked`.
    static let blocked = "(plan.block_cause IS NOT NULL AND plan.closed_on IS NULL)"
    /// The plan's cycle closed before it was complete (`PlanFacts.closure`).
    static let closed = "plan.closed_on IS NOT NULL"
    /// `PlanFacts.isUnsubmitted(on:)`, with the day as argument.
    static let unsubmitted = "plan.unsubmitted_from <= ?"
    /// `PlanFacts.isComplete`.
    static let complete = "plan.current_step IS NULL"
}
