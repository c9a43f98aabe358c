import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// Plans: saved with their audit rows, a save refused when another writer saved the plan
/// since it was read (its version moved).
extension PostgresStore {
    public func plan(_ id: PlanID) async throws -> StoredPlan? {
        try await reading { connection, logger in try await PostgresPlanRows(connection, logger).read(id)?.stored }
    }

    /// In one snapshot: a transaction, so that the plans are read as of one moment.
    public func plans(_ ids: Set<PlanID>) async throws -> [PlanID: StoredPlan] {
        try await snapshot { connection, logger in
            let rows = PostgresPlanRows(connection, logger)
            var plans: [PlanID: StoredPlan] = [:]
            for id in ids {
                if let stored = try await rows.read(id)?.stored { plans[id] = stored }
            }
            return plans
        }
    }

    public func planIDs(of person: PersonID) async throws -> [PlanID] {
        try await reading { connection, logger in
            let rows = try await connection.query(
                "SELECT cycle, role, npsn FROM plan WHERE person_id = \(person.rawValue) ORDER BY cycle, role, npsn", logger: logger)
            var ids: [PlanID] = []
            for try await (cycleText, roleText, npsn) in rows.decode((String, String, String).self) {
                guard let cycle = CycleID(cycleText), let role = Role(rawValue: roleText) else { continue }
                ids.append(PlanID(cycle: cycle, position: PositionKey(personID: person, role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn))))
            }
            return ids
        }
    }

    public func cycles() async throws -> [CycleID] {
        try await reading { connection, logger in
            let rows = try await connection.query("SELECT DISTINCT cycle FROM plan", logger: logger)
            var cycles: [CycleID] = []
            for try await text in rows.decode(String.self) { if let cycle = CycleID(text) { cycles.append(cycle) } }
            return cycles.sorted()
        }
    }

    /// Each plan is read with its row locked and written only if still at the version its
    /// save read; a plan inserted meanwhile by another writer (the key's unique index) is a
    /// conflict too.
    public func savePlans(_ saves: [PlanSave], record: ImportRecord?, actor: AuditActor, at: Date) async throws {
        do {
            try await writing([.plans, .audit]) { connection, logger in
                try await PostgresStore.savePlans(connection, logger, saves, record: record, actor: actor, at: at)
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw StoreError.conflict(plan: saves.first { $0.old == nil }?.plan.id.description ?? "?")
        }
    }

    private static func savePlans(
        _ connection: PostgresConnection, _ logger: Logger, _ saves: [PlanSave], record: ImportRecord?, actor: AuditActor, at: Date
    ) async throws {
        var importID: Int64? = nil
        if let record { importID = try await appendImport(connection, logger, record, changes: [:], actor: actor, at: at) }
        let rows = PostgresPlanRows(connection, logger)
        for save in saves {
            let plan = save.plan, key = plan.id.position
            let stored = try await currentVersion(connection, logger, plan.id)
            let rowID: Int64
            if let old = save.old {
                guard let stored, stored.version == old.version,
                      try await rows.update(id: stored.rowID, from: old.version, plan, save.derivation, rules: save.rules, at: at)
                else { throw StoreError.conflict(plan: plan.id.description) }
                rowID = stored.rowID
                try await rows.writeRecords(
                    plan, old: old.plan, from: PlanRows.firstDifference(old.plan.records, plan.records), id: rowID, dues: save.derivation.dues,
                    points: save.derivation.rhkPoints)
                if old.plan.blocks != plan.blocks {
                    try await rows.writeBlocks(plan.blocks, from: PlanRows.firstDifference(old.plan.blocks, plan.blocks), id: rowID)
                }
                if old.plan.revisions != plan.revisions {
                    try await rows.writeRevisions(plan.revisions, from: PlanRows.firstDifference(old.plan.revisions, plan.revisions), id: rowID)
                }
            } else {
                guard stored == nil else { throw StoreError.conflict(plan: plan.id.description) }
                let exists = try await connection.query("""
                    SELECT 1 FROM position WHERE person_id = \(key.personID.rawValue) AND role = \(key.role.rawValue)
                      AND npsn = \(PositionRow.npsnColumn(key.npsn))
                    """, logger: logger)
                var found = false
                for try await _ in exists { found = true }
                guard found else { throw StoreError.noSuchPosition(key) }
                rowID = try await rows.insert(plan, save.derivation, rules: save.rules, at: at)
                try await rows.writeRecords(plan, old: nil, from: 0, id: rowID, dues: save.derivation.dues, points: save.derivation.rhkPoints)
                if !plan.blocks.isEmpty { try await rows.writeBlocks(plan.blocks, from: 0, id: rowID) }
                if !plan.revisions.isEmpty { try await rows.writeRevisions(plan.revisions, from: 0, id: rowID) }
            }
            var changes = FieldChanges(plan: plan, from: save.old?.plan)
            if let importID { changes.note("import", "\(importID)") }
            if let lines = save.lines { changes.note("lines", lines) }
            try await appendAudit(
                connection, logger, action: save.action, subject: plan.id.description, before: changes.beforeJSON, after: changes.afterJSON,
                actor: actor, at: at)
        }
    }

    /// The row id and version of a stored plan.
    private static func currentVersion(_ connection: PostgresConnection, _ logger: Logger, _ id: PlanID) async throws -> (rowID: Int64, version: Int64)? {
        let key = id.position
        let rows = try await connection.query("""
            SELECT id, version FROM plan WHERE cycle = \(id.cycle.description) AND person_id = \(key.personID.rawValue)
              AND role = \(key.role.rawValue) AND npsn = \(PositionRow.npsnColumn(key.npsn))
            """, logger: logger)
        for try await (rowID, version) in rows.decode((Int64, Int64).self) { return (rowID, version) }
        return nil
    }

    public func ensurePlans(_ creation: PlanCreation, actor: AuditActor, at: Date) async throws -> Int {
        try await writing([.plans, .audit]) { connection, logger in
            try await PostgresStore.ensurePlans(connection, logger, creation, actor: actor, at: at)
        }
    }

    /// Creates the initial plan of every active position without one in the cycle (the
    /// cycle's plans locked against a second daemon doing the same), one summary audit row.
    static func ensurePlans(_ connection: PostgresConnection, _ logger: Logger, _ creation: PlanCreation, actor: AuditActor, at: Date) async throws -> Int {
        let cycle = creation.cycle.description
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("plans " + cycle)))", logger: logger)
        let rows = try await connection.query("""
            SELECT position.person_id, position.role, position.npsn FROM position
            WHERE position.active AND NOT EXISTS (
                SELECT 1 FROM plan WHERE plan.cycle = \(cycle) AND plan.person_id = position.person_id
                    AND plan.role = position.role AND plan.npsn = position.npsn)
            ORDER BY position.person_id, position.role, position.npsn
            """, logger: logger)
        var missing: [PositionKey] = []
        for try await (person, roleText, npsn) in rows.decode((String, String, String).self) {
            guard let role = Role(rawValue: roleText) else { continue }
            missing.append(PositionKey(personID: PersonID(trusted: person), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)))
        }
        guard !missing.isEmpty else { return 0 }
        var cycleHasPlans = false
        for try await _ in try await connection.query("SELECT 1 FROM plan WHERE cycle = \(cycle) LIMIT 1", logger: logger) { cycleHasPlans = true }
        let openedOn = Plan.openingDay(in: creation.cycle, on: creation.today, cycleHasPlans: cycleHasPlans)
        let planRows = PostgresPlanRows(connection, logger)
        for key in missing {
            let plan = Plan(id: PlanID(cycle: creation.cycle, position: key), openedOn: openedOn)
            _ = try await planRows.insert(plan, creation.derive(plan), rules: creation.rules, at: at)
        }
        let summary = AuditJSON.counts(["created": missing.count], extra: [("cycle", cycle)])
        try await appendAudit(connection, logger, action: "plans created", subject: cycle, before: nil, after: summary, actor: actor, at: at)
        return missing.count
    }

    public func rederivePlans(cycle: CycleID, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation) async throws -> Int {
        try await writing(.plans) { connection, logger in
            try await PostgresStore.rederive(connection, logger, cycle: cycle, rules: rules, derive: derive)
        }
    }

    /// Derives again, in the caller's transaction, the plans of `cycle` not derived under
    /// `rules` (or whose facts were cleared); returns how many.
    static func rederive(
        _ connection: PostgresConnection, _ logger: Logger, cycle: CycleID, rules: String, derive: (Plan, PlanClosure?) -> PlanDerivation
    ) async throws -> Int {
        let stale = try await PostgresStore.planHeads(
            connection, logger, cycle: cycle, where: "(facts_rules IS NULL OR facts_rules <> $2)", rules)
        let rows = PostgresPlanRows(connection, logger)
        for head in stale {
            let plan = try await rows.restore(
                head.id, rowID: head.rowID, currentIndex: head.currentIndex, firstSubmittedOn: head.firstSubmittedOn, openedOn: head.openedOn)
            let derivation = derive(plan, head.closure)
            try await rows.updateDerived(id: head.rowID, derivation.facts, rules: rules)
            try await rows.updateDerivedSteps(id: head.rowID, plan, dues: derivation.dues, points: derivation.rhkPoints)
        }
        return stale.count
    }

    public func closePlans(
        cycle: CycleID, on day: LocalDate, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation,
        actor: AuditActor, at: Date
    ) async throws -> Int {
        try await writing([.plans, .audit]) { connection, logger in
            let open = try await PostgresStore.planHeads(connection, logger, cycle: cycle, where: "current_step IS NOT NULL AND closed_on IS NULL")
            let rows = PostgresPlanRows(connection, logger)
            var closed = 0
            for head in open {
                let plan = try await rows.restore(
                    head.id, rowID: head.rowID, currentIndex: head.currentIndex, firstSubmittedOn: head.firstSubmittedOn, openedOn: head.openedOn)
                guard let step = plan.currentStep else { continue }
                let closure = PlanClosure(closedOn: day, step: step)
                try await rows.close(id: head.rowID, closure, at: at)
                try await rows.updateDerived(id: head.rowID, derive(plan, closure).facts, rules: rules)
                closed += 1
            }
            if closed > 0 {
                let summary = AuditJSON.counts(["closed": closed], extra: [("cycle", cycle.description), ("closedOn", day.description)])
                try await PostgresStore.appendAudit(
                    connection, logger, action: "plans closed", subject: cycle.description, before: nil, after: summary, actor: actor, at: at)
            }
            return closed
        }
    }

    /// The plan rows of `cycle` that `condition` selects (`$2` is `argument`, if any), locked.
    private static func planHeads(
        _ connection: PostgresConnection, _ logger: Logger, cycle: CycleID, where condition: String, _ argument: String? = nil
    ) async throws -> [PlanHead] {
        var binds = PostgresBindings()
        binds.append(cycle.description)
        if let argument { binds.append(argument) }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT id, person_id, role, npsn, current_index, first_submitted_on, closed_on, closed_step, opened_on FROM plan
            WHERE cycle = $1 AND \(condition) ORDER BY id FOR UPDATE
            """, binds: binds), logger: logger)
        var heads: [PlanHead] = []
        for try await (rowID, person, roleText, npsn, index, first, closedOn, closedStep, openedOn) in rows.decode(
            (Int64, String, String, String, Int, String?, String?, String?, String?).self)
        {
            guard let role = Role(rawValue: roleText) else {
                throw StoreError.damagedRow(table: "plan", key: "\(cycle)/\(person)", reason: "unknown role")
            }
            heads.append(PlanHead(
                rowID: rowID,
                id: PlanID(cycle: cycle, position: PositionKey(personID: PersonID(trusted: person), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn))),
                currentIndex: index, firstSubmittedOn: first.flatMap { LocalDate($0) }, closure: PlanRows.closure(on: closedOn, step: closedStep),
                openedOn: openedOn.flatMap { LocalDate($0) }))
        }
        return heads
    }
}
