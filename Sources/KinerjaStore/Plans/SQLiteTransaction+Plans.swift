import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    func plan(_ id: PlanID) throws -> StoredPlan? {
        var rows = try PlanRows(db)
        return try rows.read(id)?.stored
    }

    func plans(_ ids: Set<PlanID>) throws -> [PlanID: StoredPlan] {
        var plans: [PlanID: StoredPlan] = [:]
        plans.reserveCapacity(ids.count)
        var rows = try PlanRows(db)
        for id in ids {
            if let stored = try rows.read(id)?.stored { plans[id] = stored }
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
        let positionExists = try RowStatement(db, "SELECT 1 FROM position WHERE person_id = ? AND role = ? AND npsn = ?")
        let current = try RowStatement(db, "SELECT id, version FROM plan WHERE cycle = ? AND person_id = ? AND role = ? AND npsn = ?")
        var rows = try PlanRows(db)
        var audit = try AuditRows(db, actor: actor, at: at)
        for save in saves {
            let plan = save.plan, key = plan.id.position
            let keyValues = { (v: inout RowValues) in
                v.add(key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn))
            }
            var stored: (rowID: Int64, version: Int64)? = nil
            try current.forEach({ v in
                v.add(plan.id.cycle.description)
                keyValues(&v)
            }) { c in stored = (c.int64(0), c.int64(1)) }
            let rowID: Int64
            if let old = save.old {
                // The version as read, or another writer saved the plan meanwhile.
                guard let stored, stored.version == old.version,
                      try rows.update(id: stored.rowID, from: old.version, plan, save.derivation, rules: save.rules, at: at)
                else { throw StoreError.conflict(plan: plan.id.description) }
                rowID = stored.rowID
                let firstRecord = PlanRows.firstDifference(old.plan.records, plan.records)
                try rows.writeRecords(plan, old: old.plan, from: firstRecord, id: rowID, dues: save.derivation.dues, points: save.derivation.rhkPoints)
                if old.plan.blocks != plan.blocks {
                    try rows.writeBlocks(plan.blocks, from: PlanRows.firstDifference(old.plan.blocks, plan.blocks), id: rowID)
                }
                if old.plan.revisions != plan.revisions {
                    try rows.writeRevisions(plan.revisions, from: PlanRows.firstDifference(old.plan.revisions, plan.revisions), id: rowID)
                }
            } else {
                guard stored == nil else { throw StoreError.conflict(plan: plan.id.description) }
                var exists = false
                try positionExists.forEach(keyValues) { _ in exists = true }
                guard exists else { throw StoreError.noSuchPosition(key) }
                rowID = try rows.insert(plan, save.derivation, rules: save.rules, at: at)
                try rows.writeRecords(plan, old: nil, from: 0, id: rowID, dues: save.derivation.dues, points: save.derivation.rhkPoints)
                if !plan.blocks.isEmpty { try rows.writeBlocks(plan.blocks, from: 0, id: rowID) }
                if !plan.revisions.isEmpty { try rows.writeRevisions(plan.revisions, from: 0, id: rowID) }
            }
            var changes = FieldChanges(plan: plan, from: save.old?.plan)
            if let importID { changes.note("import", "\(importID)") }
            if let lines = save.lines { changes.note("lines", lines) }
            try audit.append(action: save.action, subject: plan.id.description, before: changes.beforeJSON, after: changes.afterJSON)
        }
    }

    func ensurePlans(_ creation: PlanCreation, actor: AuditActor, at: Date) throws -> Int {
        var missing: [PositionKey] = []
        try RowStatement(db, """
            SELECT position.person_id, position.role, position.npsn FROM position
            WHERE position.active AND NOT EXISTS (
                SELECT 1 FROM plan WHERE plan.cycle = ? AND plan.person_id = position.person_id
                    AND plan.role = position.role AND plan.npsn = position.npsn)
            ORDER BY position.person_id, position.role, position.npsn
            """).forEach({ $0.add(creation.cycle.description) }) { c in
            guard let role = c.text(1).flatMap(Role.init(rawValue:)) else { return }
            let npsn = c.text(2) ?? ""
            missing.append(PositionKey(personID: PersonID(trusted: c.text(0) ?? ""), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)))
        }
        guard !missing.isEmpty else { return 0 }
        let cycleHasPlans = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM plan WHERE cycle = ?)", arguments: [creation.cycle.description]) ?? false
        let openedOn = Plan.openingDay(in: creation.cycle, on: creation.today, cycleHasPlans: cycleHasPlans)
        var rows = try PlanRows(db)
        for key in missing {
            let plan = Plan(id: PlanID(cycle: creation.cycle, position: key), openedOn: openedOn)
            _ = try rows.insert(plan, creation.derive(plan), rules: creation.rules, at: at)
        }
        let summary = AuditJSON.counts(["created": missing.count], extra: [("cycle", creation.cycle.description)])
        try appendAudit(action: "plans created", subject: creation.cycle.description, before: nil, after: summary, actor: actor, at: at)
        return missing.count
    }

    func rederivePlans(cycle: CycleID, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation) throws -> Int {
        let stale = try planHeads(cycle: cycle, where: "(facts_rules IS NULL OR facts_rules != ?)", rules)
        var rows = try PlanRows(db)
        for head in stale {
            let plan = try rows.restore(head.id, rowID: head.rowID, currentIndex: head.currentIndex, firstSubmittedOn: head.firstSubmittedOn, openedOn: head.openedOn)
            let derivation = derive(plan, head.closure)
            try rows.updateDerived(id: head.rowID, derivation.facts, rules: rules)
            try rows.updateDerivedSteps(id: head.rowID, plan, dues: derivation.dues, points: derivation.rhkPoints)
        }
        return stale.count
    }

    /// Writes the final standing of every unfinished plan of `cycle` not closed yet (the step
    /// it is at, the closing day) and derives it again with it; one summary audit row.
    func closePlans(cycle: CycleID, on day: LocalDate, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation, actor: AuditActor, at: Date) throws -> Int {
        let open = try planHeads(cycle: cycle, where: "current_step IS NOT NULL AND closed_on IS NULL")
        var rows = try PlanRows(db)
        var closed = 0
        for head in open {
            let plan = try rows.restore(head.id, rowID: head.rowID, currentIndex: head.currentIndex, firstSubmittedOn: head.firstSubmittedOn, openedOn: head.openedOn)
            guard let step = plan.currentStep else { continue }
            let closure = PlanClosure(closedOn: day, step: step)
            try rows.close(id: head.rowID, closure, at: at)
            try rows.updateDerived(id: head.rowID, derive(plan, closure).facts, rules: rules)
            closed += 1
        }
        if closed > 0 {
            let summary = AuditJSON.counts(["closed": closed], extra: [("cycle", cycle.description), ("closedOn", day.description)])
            try appendAudit(action: "plans closed", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
        }
        return closed
    }

    /// The plan rows of `cycle` that match `condition` (SQL over `plan`, with `argument` for
    /// its placeholder, if any): what restoring each needs.
    private func planHeads(cycle: CycleID, where condition: String, _ argument: String? = nil) throws -> [PlanHead] {
        var heads: [PlanHead] = []
        var damaged: String? = nil
        try RowStatement(db, """
            SELECT id, person_id, role, npsn, current_index, first_submitted_on, closed_on, closed_step, opened_on FROM plan
            WHERE cycle = ? AND \(condition)
            """).forEach({ v in
                v.add(cycle.description)
                if let argument { v.add(argument) }
            }) { c in
            let person = c.text(1) ?? ""
            guard let role = c.text(2).flatMap(Role.init(rawValue:)) else {
                damaged = "\(cycle)/\(person)"
                return
            }
            let npsn = c.text(3) ?? ""
            var closure: PlanClosure? = nil
            if let day = c.date(6), let step = c.text(7).flatMap(Step.init(rawValue:)) { closure = PlanClosure(closedOn: day, step: step) }
            heads.append(PlanHead(
                rowID: c.int64(0),
                id: PlanID(cycle: cycle, position: PositionKey(personID: PersonID(trusted: person), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn))),
                currentIndex: c.int(4), firstSubmittedOn: c.date(5), closure: closure, openedOn: c.date(8)))
        }
        if let damaged { throw StoreError.damagedRow(table: "plan", key: damaged, reason: "unknown role") }
        return heads
    }

    /// The audit row of an import: its file's SHA-256 and counts.
    func appendImport(_ record: ImportRecord, actor: AuditActor, at: Date) throws -> AuditRecord {
        let row = AuditRows.importRow(record, changes: [:])
        return try appendAudit(action: row.action, subject: row.subject, before: nil, after: row.after, actor: actor, at: at)
    }
}

/// The SQL of the rules `PlanFacts` decides, over the derived columns of `plan`: each the
/// index of its rule, so that the store's answer is Core's (the conformance suite checks it
/// on random plans). One home for each, used by every query that filters or counts by it.
package enum PlanFactsSQL {
    /// `PlanFacts.isOverdue(on:)`, with the day as argument.
    package static let overdue = "plan.overdue_from <= ?"
    /// `PlanFacts.isBlocked`.
    package static let blocked = "(plan.block_cause IS NOT NULL AND plan.closed_on IS NULL)"
    /// The plan's cycle closed before it was complete (`PlanFacts.closure`).
    package static let closed = "plan.closed_on IS NOT NULL"
    /// `PlanFacts.isUnsubmitted(on:)`, with the day as argument.
    package static let unsubmitted = "plan.unsubmitted_from <= ?"
    /// `PlanFacts.isComplete`.
    package static let complete = "plan.current_step IS NULL"
}

/// A plan row's own columns, enough to restore the plan from its child rows (every adapter's
/// rederive and close read them).
package struct PlanHead {
    package var rowID: Int64
    package var id: PlanID
    package var currentIndex: Int
    package var firstSubmittedOn: LocalDate?
    package var closure: PlanClosure?
    package var openedOn: LocalDate?

    package init(rowID: Int64, id: PlanID, currentIndex: Int, firstSubmittedOn: LocalDate?, closure: PlanClosure?, openedOn: LocalDate?) {
        self.rowID = rowID
        self.id = id
        self.currentIndex = currentIndex
        self.firstSubmittedOn = firstSubmittedOn
        self.closure = closure
        self.openedOn = openedOn
    }
}
