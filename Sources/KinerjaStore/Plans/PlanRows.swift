import Foundation
import GRDB
import KinerjaCore

/// A plan as rows (see `SchemaV6`): written from a Core `Plan` and its `PlanDerivation`,
/// read back into the same `Plan`. Statements are cached: an import writes thousands.
enum PlanRows {
    // MARK: The plan row

    /// Inserts a new plan's row at version 1; returns its id.
    static func insert(_ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date, _ db: Database) throws -> Int64 {
        let key = plan.id.position
        let statement = try db.cachedStatement(sql: """
            INSERT INTO plan (cycle, person_id, role, npsn, current_index, first_submitted_on, version, updated_at, \(derivedColumns))
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, \(derivedPlaceholders))
            """)
        try statement.execute(arguments: [
            plan.id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn),
            plan.currentIndex, plan.firstSubmittedOn?.description, at,
        ] + derivedArguments(derivation.facts, rules: rules))
        return db.lastInsertedRowID
    }

    /// Updates the plan row of `id` if it is still at `version`; false (nothing written) when
    /// another writer saved it meanwhile.
    static func update(id: Int64, from version: Int64, _ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date, _ db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            UPDATE plan SET current_index = ?, first_submitted_on = ?, version = version + 1, updated_at = ?,
                \(derivedColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }.joined(separator: ", "))
            WHERE id = ? AND version = ?
            """)
        try statement.execute(arguments: [plan.currentIndex, plan.firstSubmittedOn?.description, at]
            + derivedArguments(derivation.facts, rules: rules) + [id, version])
        return db.changesCount == 1
    }

    /// Writes the derived columns only (new rules), without a new version: derived, not a change.
    static func updateDerived(id: Int64, _ facts: PlanFacts, rules: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE plan SET \(derivedColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }.joined(separator: ", "))
            WHERE id = ?
            """)
        try statement.execute(arguments: derivedArguments(facts, rules: rules) + [id])
    }

    /// A plan of migration 2's JSON: what the plan says of itself, with its deadline as that
    /// migration stored it and its closure as migration 6 did; the rest is derived when a
    /// daemon with rules starts.
    static func insertMigrated(_ plan: Plan, due: LocalDate?, closure: PlanClosure?, at: Date, _ db: Database) throws -> Int64 {
        let key = plan.id.position
        let block = plan.openBlock
        try db.execute(sql: """
            INSERT INTO plan (cycle, person_id, role, npsn, current_index, first_submitted_on, closed_on, closed_step, version, updated_at,
                              current_step, current_started_on, current_due, block_cause, block_note, blocked_since, last_event_on,
                              overdue_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                plan.id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn),
                plan.currentIndex, plan.firstSubmittedOn?.description, closure?.closedOn.description, closure?.step.rawValue,
                at, plan.currentStep?.rawValue,
                plan.isComplete ? nil : plan.records[plan.currentIndex].startedOn?.description, due?.description,
                block?.cause.rawValue, block?.note, block?.since.description, plan.lastEventDate.description,
                block == nil && !plan.isComplete && closure == nil ? due?.adding(days: 1).description : nil,
            ])
        return db.lastInsertedRowID
    }

    /// The closure the columns `closed_on` and `closed_step` hold, if any.
    static func closure(on day: String?, step: String?) -> PlanClosure? {
        guard let day = day.flatMap({ LocalDate($0) }), let step = step.flatMap({ Step(rawValue: $0) }) else { return nil }
        return PlanClosure(closedOn: day, step: step)
    }

    /// The columns Core derives (`PlanFacts`), in the order of `derivedArguments`.
    static let derivedColumns = """
        current_step, current_started_on, current_due, block_cause, block_note, blocked_since, last_event_on, planning_due, \
        overdue_from, unsubmitted_from, pendampingan_overran_from, pendampingan_too_short, facts_rules
        """
    private static let derivedPlaceholders = Array(repeating: "?", count: 13).joined(separator: ", ")

    private static func derivedArguments(_ f: PlanFacts, rules: String) -> StatementArguments {
        [
            f.currentStep?.rawValue, f.currentStartedOn?.description, f.currentDue?.description, f.block?.cause.rawValue,
            f.block?.note, f.block?.since.description, f.lastEventOn.description, f.planningDue.description,
            f.overdueFrom?.description, f.unsubmittedFrom?.description, f.pendampinganOverranFrom?.description,
            f.pendampinganTooShort, rules,
        ]
    }

    // MARK: Facts

    /// The columns `facts(_:at:plan:)` reads, qualified, in its order: the plan's own
    /// columns (its key is the position's, read with it).
    static let factsColumns = """
        plan.current_index, plan.current_step, plan.current_started_on, plan.current_due, plan.block_cause, plan.block_note, \
        plan.blocked_since, plan.last_event_on, plan.first_submitted_on, plan.planning_due, plan.overdue_from, plan.unsubmitted_from, \
        plan.pendampingan_overran_from, plan.pendampingan_too_short, plan.closed_on, plan.closed_step
        """

    /// The facts of plan `id` whose `factsColumns` start at column `i` of `row`; nil when
    /// the row has no plan (a LEFT JOIN without one).
    static func facts(_ row: Row, at i: Int, plan id: PlanID) throws -> PlanFacts? {
        guard let currentIndex = row[i] as Int? else { return nil }
        // A date's ten characters make a small string, kept inline: no allocation.
        func date(_ column: Int) -> LocalDate? { (row[column] as String?).flatMap { LocalDate($0) } }
        var block: BlockPeriod? = nil
        if let cause = (row[i + 4] as String?).flatMap(BlockCause.init(rawValue:)), let since = date(i + 6) {
            block = BlockPeriod(cause: cause, note: row[i + 5], since: since, until: nil)
        }
        let cycle = id.cycle
        return PlanFacts(
            plan: id, currentIndex: currentIndex, currentStep: (row[i + 1] as String?).flatMap(Step.init(rawValue:)),
            currentStartedOn: date(i + 2), currentDue: date(i + 3), block: block, lastEventOn: date(i + 7) ?? cycle.start,
            firstSubmittedOn: date(i + 8), planningDue: date(i + 9) ?? cycle.endOfMonth(1), overdueFrom: date(i + 10),
            unsubmittedFrom: date(i + 11), pendampinganOverranFrom: date(i + 12), pendampinganTooShort: row[i + 13],
            closure: closure(on: row[i + 14], step: row[i + 15]))
    }

    // MARK: Steps, blocks, revisions

    /// Writes the records of `plan` from index `from` on, over those of `old` (the plan as
    /// stored; nil when none of its rows exist): a record with nothing recorded has no row;
    /// the others are written with their deadline (`dues`, nil when not derived yet) and
    /// their choices.
    static func writeRecords(_ plan: Plan, old: Plan?, from: Int, id: Int64, dues: [LocalDate]?, points: [Int: [Int?]], _ db: Database) throws {
        guard from < plan.records.count else { return }
        for index in from..<plan.records.count {
            let record = plan.records[index]
            let stored = old.map { index < $0.records.count && hasRow($0.records[index]) } ?? false
            if stored, let details = old?.records[index].details, DetailBits(details).rawValue > DetailBits.recorded.rawValue {
                try deleteChoices(id: id, index: index, db)
            }
            guard hasRow(record) else {
                if stored {
                    try db.cachedStatement(sql: "DELETE FROM plan_step WHERE plan_id = ? AND step_index = ?").execute(arguments: [id, index])
                }
                continue
            }
            let d = record.details
            try db.cachedStatement(sql: """
                INSERT INTO plan_step (plan_id, step_index, step, started_on, completed_on, due, details, praktik_kinerja, kompetensi,
                                       sekolah_fokus, rating, catatan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plan_id, step_index) DO UPDATE SET step = excluded.step, started_on = excluded.started_on,
                    completed_on = excluded.completed_on, due = excluded.due, details = excluded.details,
                    praktik_kinerja = excluded.praktik_kinerja, kompetensi = excluded.kompetensi, sekolah_fokus = excluded.sekolah_fokus,
                    rating = excluded.rating, catatan = excluded.catatan
                """).execute(arguments: [
                    id, index, record.step.rawValue, record.startedOn?.description, record.completedOn?.description,
                    dues.map { index < $0.count ? $0[index].description : nil } ?? nil, DetailBits(d).rawValue,
                    d?.praktikKinerja, d?.kompetensi, d?.sekolahFokus?.rawValue, d?.rating?.rawValue, d?.catatan,
                ])
            guard let d else { continue }
            if let choices = d.rhk {
                let insert = try db.cachedStatement(sql: "INSERT INTO plan_rhk (plan_id, step_index, ord, rhk_id, jumlah, poin) VALUES (?, ?, ?, ?, ?, ?)")
                for (ord, choice) in choices.enumerated() {
                    let poin = points[index].flatMap { ord < $0.count ? $0[ord] : nil }
                    try insert.execute(arguments: [id, index, ord, choice.id, choice.jumlah, poin])
                }
            }
            if let aspects = d.perilakuKerja {
                let insert = try db.cachedStatement(sql: "INSERT INTO plan_perilaku (plan_id, step_index, ord, aspect) VALUES (?, ?, ?, ?)")
                for (ord, aspect) in aspects.enumerated() { try insert.execute(arguments: [id, index, ord, aspect]) }
            }
            if let schools = d.sekolah {
                let insert = try db.cachedStatement(sql: "INSERT INTO plan_sekolah (plan_id, step_index, ord, npsn) VALUES (?, ?, ?, ?)")
                for (ord, school) in schools.enumerated() { try insert.execute(arguments: [id, index, ord, school.rawValue]) }
            }
            if let ratings = d.ratings {
                let insert = try db.cachedStatement(sql: "INSERT INTO plan_refleksi (plan_id, step_index, aspect, rating) VALUES (?, ?, ?, ?)")
                for (aspect, rating) in ratings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try insert.execute(arguments: [id, index, aspect.rawValue, rating.rawValue])
                }
            }
        }
    }

    /// Whether a record has a `plan_step` row: anything recorded on it.
    static func hasRow(_ record: StepRecord) -> Bool {
        record.startedOn != nil || record.completedOn != nil || record.details != nil
    }

    private static func deleteChoices(id: Int64, index: Int, _ db: Database) throws {
        for table in ["plan_rhk", "plan_perilaku", "plan_sekolah", "plan_refleksi"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE plan_id = ? AND step_index = ?").execute(arguments: [id, index])
        }
    }

    /// Writes the derived deadline and RHK points of every stored step of a plan.
    static func updateDerivedSteps(id: Int64, _ plan: Plan, dues: [LocalDate], points: [Int: [Int?]], _ db: Database) throws {
        let due = try db.cachedStatement(sql: "UPDATE plan_step SET due = ? WHERE plan_id = ? AND step_index = ?")
        let poin = try db.cachedStatement(sql: "UPDATE plan_rhk SET poin = ? WHERE plan_id = ? AND step_index = ? AND ord = ?")
        for (index, record) in plan.records.enumerated() where hasRow(record) {
            try due.execute(arguments: [index < dues.count ? dues[index].description : nil, id, index])
            for (ord, value) in (points[index] ?? []).enumerated() { try poin.execute(arguments: [value, id, index, ord]) }
        }
    }

    /// Writes the blocks from `from` on, and removes any stored beyond them.
    static func writeBlocks(_ blocks: [BlockPeriod], from: Int, id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM plan_block WHERE plan_id = ? AND ord >= ?").execute(arguments: [id, blocks.count])
        guard from < blocks.count else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO plan_block (plan_id, ord, cause, note, since, until) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (plan_id, ord) DO UPDATE SET cause = excluded.cause, note = excluded.note, since = excluded.since,
                until = excluded.until
            """)
        for ord in from..<blocks.count {
            let b = blocks[ord]
            try statement.execute(arguments: [id, ord, b.cause.rawValue, b.note, b.since.description, b.until?.description])
        }
    }

    /// Writes the revisions from `from` on, and removes any stored beyond them.
    static func writeRevisions(_ revisions: [Revision], from: Int, id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM plan_revision WHERE plan_id = ? AND ord >= ?").execute(arguments: [id, revisions.count])
        guard from < revisions.count else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO plan_revision (plan_id, ord, by_step, on_date, reason) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (plan_id, ord) DO UPDATE SET by_step = excluded.by_step, on_date = excluded.on_date, reason = excluded.reason
            """)
        for ord in from..<revisions.count {
            let r = revisions[ord]
            try statement.execute(arguments: [id, ord, r.by.rawValue, r.on.description, r.reason])
        }
    }

    // MARK: Reading a plan back

    /// The stored plan of `id` with its row id, or nil.
    static func read(_ id: PlanID, _ db: Database) throws -> (rowID: Int64, stored: StoredPlan)? {
        let key = id.position
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT id, version, current_index, first_submitted_on, closed_on, closed_step FROM plan
                WHERE cycle = ? AND person_id = ? AND role = ? AND npsn = ?
                """),
            arguments: [id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn)])
        else { return nil }
        let rowID: Int64 = row[0]
        let plan = try restore(id, rowID: rowID, currentIndex: row[2], firstSubmittedOn: (row[3] as String?).flatMap { LocalDate($0) }, db)
        return (rowID, StoredPlan(plan: plan, version: row[1], closure: closure(on: row[4], step: row[5])))
    }

    /// The plan of row `rowID` from its step, choice, block and revision rows.
    static func restore(_ id: PlanID, rowID: Int64, currentIndex: Int, firstSubmittedOn: LocalDate?, _ db: Database) throws -> Plan {
        var records = Workflow.steps(for: id.position.role).map { StepRecord(step: $0) }
        func date(_ value: String?) -> LocalDate? { value.flatMap { LocalDate($0) } }
        func damaged(_ reason: String) -> StoreError { .damagedRow(table: "plan_step", key: id.description, reason: reason) }
        var bits: [Int: DetailBits] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT step_index, step, started_on, completed_on, details, praktik_kinerja, kompetensi, sekolah_fokus, rating, catatan
            FROM plan_step WHERE plan_id = ? ORDER BY step_index
            """), arguments: [rowID]) {
            let index: Int = row[0]
            guard index < records.count, records[index].step.rawValue == row[1] as String else { throw damaged("step \(index) is not \(row[1] ?? "")") }
            records[index].startedOn = date(row[2])
            records[index].completedOn = date(row[3])
            let flags = DetailBits(rawValue: row[4])
            bits[index] = flags
            guard flags.contains(.recorded) else { continue }
            var details = StepDetails(
                praktikKinerja: row[5], kompetensi: row[6], sekolahFokus: (row[7] as String?).map(NPSN.init(trusted:)),
                rating: (row[8] as String?).flatMap(Rating.init(rawValue:)), catatan: row[9])
            if flags.contains(.rhk) { details.rhk = [] }
            if flags.contains(.perilaku) { details.perilakuKerja = [] }
            if flags.contains(.sekolah) { details.sekolah = [] }
            if flags.contains(.refleksi) { details.ratings = [:] }
            records[index].details = details
        }
        if bits.values.contains(where: { !$0.subtracting([.recorded]).isEmpty }) {
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT step_index, rhk_id, jumlah FROM plan_rhk WHERE plan_id = ? ORDER BY step_index, ord"), arguments: [rowID]) {
                records[row[0] as Int].details?.rhk?.append(RHKChoice(id: row[1], jumlah: row[2]))
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT step_index, aspect FROM plan_perilaku WHERE plan_id = ? ORDER BY step_index, ord"), arguments: [rowID]) {
                records[row[0] as Int].details?.perilakuKerja?.append(row[1])
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT step_index, npsn FROM plan_sekolah WHERE plan_id = ? ORDER BY step_index, ord"), arguments: [rowID]) {
                records[row[0] as Int].details?.sekolah?.append(NPSN(trusted: row[1]))
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT step_index, aspect, rating FROM plan_refleksi WHERE plan_id = ?"), arguments: [rowID]) {
                guard let aspect = RefleksiAspect(rawValue: row[1]), let rating = Rating(rawValue: row[2]) else { throw damaged("unknown rating") }
                records[row[0] as Int].details?.ratings?[aspect] = rating
            }
        }
        var blocks: [BlockPeriod] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT cause, note, since, until FROM plan_block WHERE plan_id = ? ORDER BY ord"), arguments: [rowID]) {
            guard let cause = BlockCause(rawValue: row[0]), let since = date(row[2]) else { throw damaged("unknown block") }
            blocks.append(BlockPeriod(cause: cause, note: row[1], since: since, until: date(row[3])))
        }
        var revisions: [Revision] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT by_step, on_date, reason FROM plan_revision WHERE plan_id = ? ORDER BY ord"), arguments: [rowID]) {
            guard let by = Step(rawValue: row[0]), let on = date(row[1]) else { throw damaged("unknown revision") }
            revisions.append(Revision(by: by, on: on, reason: row[2]))
        }
        return Plan(restoring: id, records: records, currentIndex: currentIndex, blocks: blocks, revisions: revisions, firstSubmittedOn: firstSubmittedOn)
    }
}

/// What of a step's details is recorded: `details` of `plan_step`.
struct DetailBits: OptionSet {
    let rawValue: Int
    static let recorded = DetailBits(rawValue: 1 << 0)
    static let rhk = DetailBits(rawValue: 1 << 1)
    static let perilaku = DetailBits(rawValue: 1 << 2)
    static let sekolah = DetailBits(rawValue: 1 << 3)
    static let refleksi = DetailBits(rawValue: 1 << 4)

    init(rawValue: Int) { self.rawValue = rawValue }

    init(_ details: StepDetails?) {
        var bits: DetailBits = []
        if let details {
            bits.insert(.recorded)
            if details.rhk != nil { bits.insert(.rhk) }
            if details.perilakuKerja != nil { bits.insert(.perilaku) }
            if details.sekolah != nil { bits.insert(.sekolah) }
            if details.ratings != nil { bits.insert(.refleksi) }
        }
        self = bits
    }
}
