import Foundation
import GRDB
import KinerjaCore

/// A plan as rows (see `SchemaV7`): written from a Core `Plan` and its `PlanDerivation`,
/// read back into the same `Plan`. One value per transaction holds the statements, each
/// prepared once and run with its values bound straight to SQLite (`RowStatement`): an
/// import writes tens of thousands of rows.
package struct PlanRows {
    private let db: Database
    /// The statements of the plan row itself, and those of a step row, are prepared when
    /// first used: migration 7 writes the step, block and revision rows of the plans it
    /// converts with this type, before migrations 8 and 9 add the plan and step columns those
    /// statements name (migration 7's plans have no Penilaian, so its step rows leave them NULL).
    private var insertPlan, updatePlan, updateDerivedPlan, planByKey, stepsOfPlan: RowStatement?
    private var upsertStep, upsertStepV7: RowStatement?
    /// Whether `plan_step` has migration 9's columns, looked up once.
    private var penilaianColumns: Bool?
    private var closePlan: RowStatement
    private var deleteStep, updateStepDue: RowStatement
    private var insertRHK, insertPerilaku, insertSekolah, insertRefleksi, updateRHKPoin: RowStatement
    private var deleteChoices: [RowStatement]
    private var deleteBlocks, upsertBlock, deleteRevisions, upsertRevision: RowStatement
    private let rhkOfPlan, perilakuOfPlan, sekolahOfPlan, refleksiOfPlan, blocksOfPlan, revisionsOfPlan: RowStatement

    init(_ db: Database) throws {
        self.db = db
        closePlan = try RowStatement(db, "UPDATE plan SET closed_on = ?, closed_step = ?, version = version + 1, updated_at = ? WHERE id = ?")
        deleteStep = try RowStatement(db, "DELETE FROM plan_step WHERE plan_id = ? AND step_index = ?")
        updateStepDue = try RowStatement(db, "UPDATE plan_step SET due = ? WHERE plan_id = ? AND step_index = ?")
        insertRHK = try RowStatement(db, "INSERT INTO plan_rhk (plan_id, step_index, ord, rhk_id, jumlah, poin) VALUES (?, ?, ?, ?, ?, ?)")
        insertPerilaku = try RowStatement(db, "INSERT INTO plan_perilaku (plan_id, step_index, ord, aspect) VALUES (?, ?, ?, ?)")
        insertSekolah = try RowStatement(db, "INSERT INTO plan_sekolah (plan_id, step_index, ord, npsn) VALUES (?, ?, ?, ?)")
        insertRefleksi = try RowStatement(db, "INSERT INTO plan_refleksi (plan_id, step_index, aspect, rating) VALUES (?, ?, ?, ?)")
        updateRHKPoin = try RowStatement(db, "UPDATE plan_rhk SET poin = ? WHERE plan_id = ? AND step_index = ? AND ord = ?")
        deleteChoices = try ["plan_rhk", "plan_perilaku", "plan_sekolah", "plan_refleksi"].map {
            try RowStatement(db, "DELETE FROM \($0) WHERE plan_id = ? AND step_index = ?")
        }
        deleteBlocks = try RowStatement(db, "DELETE FROM plan_block WHERE plan_id = ? AND ord >= ?")
        upsertBlock = try RowStatement(db, """
            INSERT INTO plan_block (plan_id, ord, cause, note, since, until) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (plan_id, ord) DO UPDATE SET cause = excluded.cause, note = excluded.note, since = excluded.since,
                until = excluded.until
            """)
        deleteRevisions = try RowStatement(db, "DELETE FROM plan_revision WHERE plan_id = ? AND ord >= ?")
        upsertRevision = try RowStatement(db, """
            INSERT INTO plan_revision (plan_id, ord, by_step, on_date, reason) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (plan_id, ord) DO UPDATE SET by_step = excluded.by_step, on_date = excluded.on_date, reason = excluded.reason
            """)
        rhkOfPlan = try RowStatement(db, "SELECT step_index, rhk_id, jumlah FROM plan_rhk WHERE plan_id = ? ORDER BY step_index, ord")
        perilakuOfPlan = try RowStatement(db, "SELECT step_index, aspect FROM plan_perilaku WHERE plan_id = ? ORDER BY step_index, ord")
        sekolahOfPlan = try RowStatement(db, "SELECT step_index, npsn FROM plan_sekolah WHERE plan_id = ? ORDER BY step_index, ord")
        refleksiOfPlan = try RowStatement(db, "SELECT step_index, aspect, rating FROM plan_refleksi WHERE plan_id = ?")
        blocksOfPlan = try RowStatement(db, "SELECT cause, note, since, until FROM plan_block WHERE plan_id = ? ORDER BY ord")
        revisionsOfPlan = try RowStatement(db, "SELECT by_step, on_date, reason FROM plan_revision WHERE plan_id = ? ORDER BY ord")
    }

    // MARK: The plan row

    /// `statement`, prepared from `sql` when it is not yet.
    private func prepared(_ statement: inout RowStatement?, _ sql: String) throws {
        if statement == nil { statement = try RowStatement(db, sql) }
    }

    /// Inserts a new plan's row at version 1; returns its id.
    mutating func insert(_ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date) throws -> Int64 {
        let key = plan.id.position
        let at = StoreTime.text(at)
        try prepared(&insertPlan, """
            INSERT INTO plan (cycle, person_id, role, npsn, current_index, first_submitted_on, opened_on, version, updated_at, \(PlanRows.derivedColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, \(PlanRows.derivedPlaceholders))
            """)
        try insertPlan!.execute { v in
            v.add(plan.id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn),
                  plan.currentIndex, plan.firstSubmittedOn, plan.openedOn, at)
            PlanRows.addDerived(derivation.facts, rules: rules, to: &v)
        }
        return db.lastInsertedRowID
    }

    /// Updates the plan row of `id` if it is still at `version`; false (nothing written) when
    /// another writer saved it meanwhile.
    mutating func update(id: Int64, from version: Int64, _ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date) throws -> Bool {
        let at = StoreTime.text(at)
        try prepared(&updatePlan, """
            UPDATE plan SET current_index = ?, first_submitted_on = ?, version = version + 1, updated_at = ?, \(PlanRows.derivedAssignments)
            WHERE id = ? AND version = ?
            """)
        try updatePlan!.execute { v in
            v.add(plan.currentIndex, plan.firstSubmittedOn, at)
            PlanRows.addDerived(derivation.facts, rules: rules, to: &v)
            v.add(id, version)
        }
        return db.changesCount == 1
    }

    /// Writes the derived columns only (new rules), without a new version: derived, not a change.
    mutating func updateDerived(id: Int64, _ facts: PlanFacts, rules: String) throws {
        try prepared(&updateDerivedPlan, "UPDATE plan SET \(PlanRows.derivedAssignments) WHERE id = ?")
        try updateDerivedPlan!.execute { v in
            PlanRows.addDerived(facts, rules: rules, to: &v)
            v.add(id)
        }
    }

    /// Writes a plan's final standing: the day its cycle closed and the step it had reached.
    mutating func close(id: Int64, _ closure: PlanClosure, at: Date) throws {
        let at = StoreTime.text(at)
        try closePlan.execute { v in
            v.add(closure.closedOn, closure.step.rawValue, at, id)
        }
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
    package static func closure(on day: String?, step: String?) -> PlanClosure? {
        guard let day = day.flatMap({ LocalDate($0) }), let step = step.flatMap({ Step(rawValue: $0) }) else { return nil }
        return PlanClosure(closedOn: day, step: step)
    }

    /// The columns Core derives (`PlanFacts`), in the order of `addDerived`.
    package static let derivedColumns = """
        current_step, current_started_on, current_due, block_cause, block_note, blocked_since, last_event_on, planning_due, \
        overdue_from, unsubmitted_from, pendampingan_overran_from, pendampingan_too_short, advised, precondition_due, facts_rules
        """
    private static let derivedPlaceholders = Array(repeating: "?", count: 15).joined(separator: ", ")
    /// `column = ?, …` of the derived columns.
    private static let derivedAssignments = derivedColumns.split(separator: ",")
        .map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }.joined(separator: ", ")

    private static func addDerived(_ f: PlanFacts, rules: String, to v: inout RowValues) {
        v.add(f.currentStep?.rawValue, f.currentStartedOn, f.currentDue, f.block?.cause.rawValue, f.block?.note, f.block?.since,
              f.lastEventOn, f.planningDue, f.overdueFrom, f.unsubmittedFrom, f.pendampinganOverranFrom, f.pendampinganTooShort,
              f.advised, f.preconditionDue, rules)
    }

    // MARK: Steps, blocks, revisions

    /// Writes the records of `plan` from index `from` on, over those of `old` (the plan as
    /// stored; nil when none of its rows exist): a record with nothing recorded has no row;
    /// the others are written with their deadline (`dues`, nil when not derived yet) and
    /// their choices.
    mutating func writeRecords(_ plan: Plan, old: Plan?, from: Int, id: Int64, dues: [LocalDate]?, points: [Int: [Int?]]) throws {
        guard from < plan.records.count else { return }
        for index in from..<plan.records.count {
            let record = plan.records[index]
            let stored = old.map { index < $0.records.count && PlanRows.hasRow($0.records[index]) } ?? false
            if stored, let details = old?.records[index].details, DetailBits(details).rawValue > DetailBits.recorded.rawValue {
                for i in deleteChoices.indices {
                    try deleteChoices[i].execute { v in
                        v.add(id, index)
                    }
                }
            }
            guard PlanRows.hasRow(record) else {
                if stored {
                    try deleteStep.execute { v in
                        v.add(id, index)
                    }
                }
                continue
            }
            let d = record.details
            let due = dues.flatMap { index < $0.count ? $0[index] : nil }
            if penilaianColumns == nil { penilaianColumns = try PlanRows.hasPenilaianColumns(db) }
            if penilaianColumns == true {
                try prepared(&upsertStep, """
                    INSERT INTO plan_step (plan_id, step_index, step, started_on, completed_on, due, details, praktik_kinerja, kompetensi,
                                           sekolah_fokus, rating, catatan, rating_praktik, rating_perilaku, predikat, alasan)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (plan_id, step_index) DO UPDATE SET step = excluded.step, started_on = excluded.started_on,
                        completed_on = excluded.completed_on, due = excluded.due, details = excluded.details,
                        praktik_kinerja = excluded.praktik_kinerja, kompetensi = excluded.kompetensi, sekolah_fokus = excluded.sekolah_fokus,
                        rating = excluded.rating, catatan = excluded.catatan, rating_praktik = excluded.rating_praktik,
                        rating_perilaku = excluded.rating_perilaku, predikat = excluded.predikat, alasan = excluded.alasan
                    """)
                try upsertStep!.execute { v in
                    v.add(id, index, record.step.rawValue, record.startedOn, record.completedOn, due, DetailBits(d).rawValue,
                          d?.praktikKinerja, d?.kompetensi, d?.sekolahFokus?.rawValue, d?.rating?.rawValue, d?.catatan,
                          d?.ratingPraktik?.rawValue, d?.ratingPerilaku?.rawValue, d?.predikat?.rawValue, d?.alasan)
                }
            } else {
                try prepared(&upsertStepV7, """
                    INSERT INTO plan_step (plan_id, step_index, step, started_on, completed_on, due, details, praktik_kinerja, kompetensi,
                                           sekolah_fokus, rating, catatan)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                try upsertStepV7!.execute { v in
                    v.add(id, index, record.step.rawValue, record.startedOn, record.completedOn, due, DetailBits(d).rawValue,
                          d?.praktikKinerja, d?.kompetensi, d?.sekolahFokus?.rawValue, d?.rating?.rawValue, d?.catatan)
                }
            }
            guard let d else { continue }
            if let choices = d.rhk {
                for (ord, choice) in choices.enumerated() {
                    let poin = points[index].flatMap { ord < $0.count ? $0[ord] : nil }
                    try insertRHK.execute { v in
                        v.add(id, index, ord, choice.id, choice.jumlah, poin)
                    }
                }
            }
            if let aspects = d.perilakuKerja {
                for (ord, aspect) in aspects.enumerated() {
                    try insertPerilaku.execute { v in
                        v.add(id, index, ord, aspect)
                    }
                }
            }
            if let schools = d.sekolah {
                for (ord, school) in schools.enumerated() {
                    try insertSekolah.execute { v in
                        v.add(id, index, ord, school.rawValue)
                    }
                }
            }
            if let ratings = d.ratings {
                for (aspect, rating) in ratings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try insertRefleksi.execute { v in
                        v.add(id, index, aspect.rawValue, rating.rawValue)
                    }
                }
            }
        }
    }

    /// Whether `plan_step` has migration 9's columns: only migration 7 writes step rows
    /// without them (and only inserts, into the table it has just made).
    private static func hasPenilaianColumns(_ db: Database) throws -> Bool {
        try db.columns(in: "plan_step").contains { $0.name == "predikat" }
    }

    /// The first index where two lists differ (the shorter one's length when one is the
    /// other's start): rows before it are unchanged.
    package static func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        return i
    }

    /// A step's details from the columns of its `plan_step` row, with an empty list for
    /// each kind of choice its `flags` say it has (the choice rows fill them in).
    package static func details(
        flags: DetailBits, praktikKinerja: String?, kompetensi: String?, sekolahFokus: String?, rating: String?, catatan: String?,
        ratingPraktik: String?, ratingPerilaku: String?, predikat: String?, alasan: String?
    ) -> StepDetails {
        var details = StepDetails(
            praktikKinerja: praktikKinerja, kompetensi: kompetensi, sekolahFokus: sekolahFokus.map(NPSN.init(trusted:)),
            rating: rating.flatMap(Rating.init(rawValue:)), catatan: catatan,
            ratingPraktik: ratingPraktik.flatMap(Rating.init(rawValue:)), ratingPerilaku: ratingPerilaku.flatMap(Rating.init(rawValue:)),
            predikat: predikat.flatMap(Predikat.init(rawValue:)), alasan: alasan)
        if flags.contains(.rhk) { details.rhk = [] }
        if flags.contains(.perilaku) { details.perilakuKerja = [] }
        if flags.contains(.sekolah) { details.sekolah = [] }
        if flags.contains(.refleksi) { details.ratings = [:] }
        return details
    }

    /// Whether a record has a `plan_step` row: anything recorded on it.
    package static func hasRow(_ record: StepRecord) -> Bool {
        record.startedOn != nil || record.completedOn != nil || record.details != nil
    }

    /// Writes the derived deadline and RHK points of every stored step of a plan.
    mutating func updateDerivedSteps(id: Int64, _ plan: Plan, dues: [LocalDate], points: [Int: [Int?]]) throws {
        for (index, record) in plan.records.enumerated() where PlanRows.hasRow(record) {
            try updateStepDue.execute { v in
                v.add(index < dues.count ? dues[index] : nil, id, index)
            }
            for (ord, value) in (points[index] ?? []).enumerated() {
                try updateRHKPoin.execute { v in
                    v.add(value, id, index, ord)
                }
            }
        }
    }

    /// Writes the blocks from `from` on, and removes any stored beyond them.
    mutating func writeBlocks(_ blocks: [BlockPeriod], from: Int, id: Int64) throws {
        try deleteBlocks.execute { v in
            v.add(id, blocks.count)
        }
        guard from < blocks.count else { return }
        for ord in from..<blocks.count {
            let b = blocks[ord]
            try upsertBlock.execute { v in
                v.add(id, ord, b.cause.rawValue, b.note, b.since, b.until)
            }
        }
    }

    /// Writes the revisions from `from` on, and removes any stored beyond them.
    mutating func writeRevisions(_ revisions: [Revision], from: Int, id: Int64) throws {
        try deleteRevisions.execute { v in
            v.add(id, revisions.count)
        }
        guard from < revisions.count else { return }
        for ord in from..<revisions.count {
            let r = revisions[ord]
            try upsertRevision.execute { v in
                v.add(id, ord, r.by.rawValue, r.on, r.reason)
            }
        }
    }

    // MARK: Reading a plan back

    /// The stored plan of `id` with its row id, or nil.
    mutating func read(_ id: PlanID) throws -> (rowID: Int64, stored: StoredPlan)? {
        let key = id.position
        var found: (rowID: Int64, version: Int64, currentIndex: Int, firstSubmittedOn: LocalDate?, closure: PlanClosure?, openedOn: LocalDate?)? = nil
        try prepared(&planByKey, """
            SELECT id, version, current_index, first_submitted_on, closed_on, closed_step, opened_on FROM plan
            WHERE cycle = ? AND person_id = ? AND role = ? AND npsn = ?
            """)
        try planByKey!.forEach({ v in
            v.add(id.cycle.description, key.personID.rawValue, key.role.rawValue, PositionRow.npsnColumn(key.npsn))
        }) { c in
            var closure: PlanClosure? = nil
            if let day = c.date(4), let step = c.text(5).flatMap(Step.init(rawValue:)) { closure = PlanClosure(closedOn: day, step: step) }
            found = (c.int64(0), c.int64(1), c.int(2), c.date(3), closure, c.date(6))
        }
        guard let found else { return nil }
        let plan = try restore(
            id, rowID: found.rowID, currentIndex: found.currentIndex, firstSubmittedOn: found.firstSubmittedOn, openedOn: found.openedOn)
        return (found.rowID, StoredPlan(plan: plan, version: found.version, closure: found.closure))
    }

    /// The plan of row `rowID` from its step, choice, block and revision rows.
    mutating func restore(_ id: PlanID, rowID: Int64, currentIndex: Int, firstSubmittedOn: LocalDate?, openedOn: LocalDate?) throws -> Plan {
        var records = Workflow.steps(for: id.position.role).map { StepRecord(step: $0) }
        func damaged(_ reason: String) -> StoreError { .damagedRow(table: "plan_step", key: id.description, reason: reason) }
        let byPlan: (inout RowValues) -> Void = { $0.add(rowID) }
        var choices = false
        try prepared(&stepsOfPlan, """
            SELECT step_index, step, started_on, completed_on, details, praktik_kinerja, kompetensi, sekolah_fokus, rating, catatan,
                   rating_praktik, rating_perilaku, predikat, alasan
            FROM plan_step WHERE plan_id = ? ORDER BY step_index
            """)
        try stepsOfPlan!.forEach(byPlan) { c in
            let index = c.int(0)
            let step = c.withBytes(1) { $0.map { String(decoding: $0, as: UTF8.self) } ?? "" }
            guard index >= 0, index < records.count, records[index].step.rawValue == step else { throw damaged("step \(index) is not \(step)") }
            records[index].startedOn = c.date(2)
            records[index].completedOn = c.date(3)
            let flags = DetailBits(rawValue: c.int(4))
            guard flags.contains(.recorded) else { return }
            if !flags.subtracting([.recorded]).isEmpty { choices = true }
            records[index].details = PlanRows.details(
                flags: flags, praktikKinerja: c.text(5), kompetensi: c.text(6), sekolahFokus: c.text(7), rating: c.text(8),
                catatan: c.text(9), ratingPraktik: c.text(10), ratingPerilaku: c.text(11), predikat: c.text(12), alasan: c.text(13))
        }
        if choices {
            func step(_ c: RowColumns) throws -> Int {
                let index = c.int(0)
                guard index >= 0, index < records.count, records[index].details != nil else { throw damaged("a choice of step \(index) without details") }
                return index
            }
            try rhkOfPlan.forEach(byPlan) { c in
                records[try step(c)].details?.rhk?.append(RHKChoice(id: c.text(1) ?? "", jumlah: c.int(2)))
            }
            try perilakuOfPlan.forEach(byPlan) { c in records[try step(c)].details?.perilakuKerja?.append(c.text(1) ?? "") }
            try sekolahOfPlan.forEach(byPlan) { c in records[try step(c)].details?.sekolah?.append(NPSN(trusted: c.text(1) ?? "")) }
            try refleksiOfPlan.forEach(byPlan) { c in
                guard let aspect = c.text(1).flatMap(RefleksiAspect.init(rawValue:)), let rating = c.text(2).flatMap(Rating.init(rawValue:)) else {
                    throw damaged("unknown rating")
                }
                records[try step(c)].details?.ratings?[aspect] = rating
            }
        }
        var blocks: [BlockPeriod] = []
        try blocksOfPlan.forEach(byPlan) { c in
            guard let cause = c.text(0).flatMap(BlockCause.init(rawValue:)), let since = c.date(2) else { throw damaged("unknown block") }
            blocks.append(BlockPeriod(cause: cause, note: c.text(1), since: since, until: c.date(3)))
        }
        var revisions: [Revision] = []
        try revisionsOfPlan.forEach(byPlan) { c in
            guard let by = c.text(0).flatMap(Step.init(rawValue:)), let on = c.date(1) else { throw damaged("unknown revision") }
            revisions.append(Revision(by: by, on: on, reason: c.text(2) ?? ""))
        }
        return Plan(
            restoring: id, records: records, currentIndex: currentIndex, blocks: blocks, revisions: revisions, firstSubmittedOn: firstSubmittedOn,
            openedOn: openedOn)
    }
}

extension PlanRows {
    // MARK: Facts

    /// The columns `facts(_:at:plan:)` reads, qualified, in its order: the plan's own
    /// columns (its key is the position's, read with it).
    package static let factsColumns = """
        plan.current_index, plan.current_step, plan.current_started_on, plan.current_due, plan.block_cause, plan.block_note, \
        plan.blocked_since, plan.last_event_on, plan.first_submitted_on, plan.planning_due, plan.overdue_from, plan.unsubmitted_from, \
        plan.pendampingan_overran_from, plan.pendampingan_too_short, plan.closed_on, plan.closed_step, plan.advised, plan.opened_on, \
        plan.precondition_due
        """

    /// The facts of plan `id` whose `factsColumns` start at column `i` of `row`; nil when
    /// the row has no plan (a LEFT JOIN without one).
    static func facts(_ row: RowColumns, at i: Int32, plan id: PlanID) -> PlanFacts? {
        guard !row.isNull(i) else { return nil }
        var block: BlockPeriod? = nil
        if let cause = row.value(i + 4, as: BlockCause.self), let since = row.date(i + 6) {
            block = BlockPeriod(cause: cause, note: row.text(i + 5), since: since, until: nil)
        }
        var closure: PlanClosure? = nil
        if let day = row.date(i + 14), let step = row.value(i + 15, as: Step.self) { closure = PlanClosure(closedOn: day, step: step) }
        let cycle = id.cycle
        return PlanFacts(
            plan: id, currentIndex: row.int(i), currentStep: row.value(i + 1, as: Step.self),
            currentStartedOn: row.date(i + 2), currentDue: row.date(i + 3), block: block, lastEventOn: row.date(i + 7) ?? cycle.start,
            firstSubmittedOn: row.date(i + 8), planningDue: row.date(i + 9) ?? cycle.endOfMonth(1), overdueFrom: row.date(i + 10),
            unsubmittedFrom: row.date(i + 11), pendampinganOverranFrom: row.date(i + 12), pendampinganTooShort: row.bool(i + 13),
            closure: closure, advised: row.bool(i + 16), openedOn: row.date(i + 17), preconditionDue: row.date(i + 18))
    }
}

/// What of a step's details is recorded: `details` of `plan_step`.
package struct DetailBits: OptionSet {
    package let rawValue: Int
    package static let recorded = DetailBits(rawValue: 1 << 0)
    package static let rhk = DetailBits(rawValue: 1 << 1)
    package static let perilaku = DetailBits(rawValue: 1 << 2)
    package static let sekolah = DetailBits(rawValue: 1 << 3)
    package static let refleksi = DetailBits(rawValue: 1 << 4)

    package init(rawValue: Int) { self.rawValue = rawValue }

    package init(_ details: StepDetails?) {
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
