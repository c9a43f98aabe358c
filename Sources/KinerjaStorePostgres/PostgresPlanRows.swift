import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// A plan as rows on PostgreSQL (the tables of `PostgresSchemaV7`), written from a Core
/// `Plan` and its `PlanDerivation` and read back into the same `Plan`, as `PlanRows` does on
/// SQLite: the same rows, the same rules of what has a row (`PlanRows.hasRow`,
/// `DetailBits`). One value serves one transaction's connection.
struct PostgresPlanRows {
    let connection: PostgresConnection
    let logger: Logger

    init(_ connection: PostgresConnection, _ logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    @discardableResult
    private func run(_ sql: String, _ binds: PostgresBindings) async throws -> PostgresRowSequence {
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    /// `$first, $first+1, …` for `count` values.
    private static func placeholders(from first: Int, count: Int) -> String {
        (first..<first + count).map { "$\($0)" }.joined(separator: ", ")
    }

    private static let derivedNames = PlanRows.derivedColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The derived columns' values (`PlanRows.derivedColumns`' order).
    private static func appendDerived(_ f: PlanFacts, rules: String, to binds: inout PostgresBindings) {
        binds.append(f.currentStep?.rawValue)
        binds.append(f.currentStartedOn?.description)
        binds.append(f.currentDue?.description)
        binds.append(f.block?.cause.rawValue)
        binds.append(f.block?.note)
        binds.append(f.block?.since.description)
        binds.append(f.lastEventOn.description)
        binds.append(f.planningDue.description)
        binds.append(f.overdueFrom?.description)
        binds.append(f.unsubmittedFrom?.description)
        binds.append(f.pendampinganOverranFrom?.description)
        binds.append(f.pendampinganTooShort)
        binds.append(f.advised)
        binds.append(f.preconditionDue?.description)
        binds.append(rules)
    }

    /// `column = $n, …` of the derived columns, from `$first`.
    private static func derivedAssignments(from first: Int) -> String {
        derivedNames.enumerated().map { "\($0.element) = $\(first + $0.offset)" }.joined(separator: ", ")
    }

    // MARK: The plan row

    /// Inserts a new plan's row at version 1; returns its id.
    func insert(_ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date) async throws -> Int64 {
        let key = plan.id.position
        var binds = PostgresBindings()
        binds.append(plan.id.cycle.description)
        binds.append(key.personID.rawValue)
        binds.append(key.role.rawValue)
        binds.append(PositionRow.npsnColumn(key.npsn))
        binds.append(plan.currentIndex)
        binds.append(plan.firstSubmittedOn?.description)
        binds.append(plan.openedOn?.description)
        binds.append(at)
        PostgresPlanRows.appendDerived(derivation.facts, rules: rules, to: &binds)
        let rows = try await run("""
            INSERT INTO plan (cycle, person_id, role, npsn, current_index, first_submitted_on, opened_on, version, updated_at, \(PlanRows.derivedColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, \(PostgresPlanRows.placeholders(from: 9, count: PostgresPlanRows.derivedNames.count))) RETURNING id
            """, binds)
        for try await id in rows.decode(Int64.self) { return id }
        throw StoreError.damagedRow(table: "plan", key: plan.id.description, reason: "the insert returned no id")
    }

    /// Updates the plan row of `id` if it is still at `version`; false when another writer
    /// saved it meanwhile.
    func update(id: Int64, from version: Int64, _ plan: Plan, _ derivation: PlanDerivation, rules: String, at: Date) async throws -> Bool {
        var binds = PostgresBindings()
        binds.append(plan.currentIndex)
        binds.append(plan.firstSubmittedOn?.description)
        binds.append(at)
        PostgresPlanRows.appendDerived(derivation.facts, rules: rules, to: &binds)
        binds.append(id)
        binds.append(version)
        let rows = try await run("""
            UPDATE plan SET current_index = $1, first_submitted_on = $2, version = version + 1, updated_at = $3,
                \(PostgresPlanRows.derivedAssignments(from: 4))
            WHERE id = $\(4 + PostgresPlanRows.derivedNames.count) AND version = $\(5 + PostgresPlanRows.derivedNames.count) RETURNING 1
            """, binds)
        for try await _ in rows { return true }
        return false
    }

    /// Writes the derived columns only (new rules), without a new version.
    func updateDerived(id: Int64, _ facts: PlanFacts, rules: String) async throws {
        var binds = PostgresBindings()
        PostgresPlanRows.appendDerived(facts, rules: rules, to: &binds)
        binds.append(id)
        try await run("UPDATE plan SET \(PostgresPlanRows.derivedAssignments(from: 1)) WHERE id = $\(1 + PostgresPlanRows.derivedNames.count)", binds)
    }

    /// Writes a plan's final standing.
    func close(id: Int64, _ closure: PlanClosure, at: Date) async throws {
        try await connection.query("""
            UPDATE plan SET closed_on = \(closure.closedOn.description), closed_step = \(closure.step.rawValue), version = version + 1,
                updated_at = \(at) WHERE id = \(id)
            """, logger: logger)
    }

    // MARK: Steps, blocks, revisions

    /// Writes the records of `plan` from index `from` on, over those of `old` (nil: none of
    /// its rows exist), as `PlanRows.writeRecords` does.
    func writeRecords(_ plan: Plan, old: Plan?, from: Int, id: Int64, dues: [LocalDate]?, points: [Int: [Int?]]) async throws {
        guard from < plan.records.count else { return }
        for index in from..<plan.records.count {
            let record = plan.records[index]
            let stored = old.map { index < $0.records.count && PlanRows.hasRow($0.records[index]) } ?? false
            if stored, let details = old?.records[index].details, DetailBits(details).rawValue > DetailBits.recorded.rawValue {
                for table in ["plan_rhk", "plan_perilaku", "plan_sekolah", "plan_refleksi"] {
                    var binds = PostgresBindings()
                    binds.append(id)
                    binds.append(index)
                    try await run("DELETE FROM \(table) WHERE plan_id = $1 AND step_index = $2", binds)
                }
            }
            guard PlanRows.hasRow(record) else {
                if stored {
                    try await connection.query("DELETE FROM plan_step WHERE plan_id = \(id) AND step_index = \(index)", logger: logger)
                }
                continue
            }
            let d = record.details
            let due = dues.flatMap { index < $0.count ? $0[index] : nil }
            try await connection.query("""
                INSERT INTO plan_step (plan_id, step_index, step, started_on, completed_on, due, details, praktik_kinerja, kompetensi,
                                       sekolah_fokus, rating, catatan, rating_praktik, rating_perilaku, predikat, alasan)
                VALUES (\(id), \(index), \(record.step.rawValue), \(record.startedOn?.description), \(record.completedOn?.description),
                        \(due?.description), \(DetailBits(d).rawValue), \(d?.praktikKinerja), \(d?.kompetensi), \(d?.sekolahFokus?.rawValue),
                        \(d?.rating?.rawValue), \(d?.catatan), \(d?.ratingPraktik?.rawValue), \(d?.ratingPerilaku?.rawValue),
                        \(d?.predikat?.rawValue), \(d?.alasan))
                ON CONFLICT (plan_id, step_index) DO UPDATE SET step = excluded.step, started_on = excluded.started_on,
                    completed_on = excluded.completed_on, due = excluded.due, details = excluded.details,
                    praktik_kinerja = excluded.praktik_kinerja, kompetensi = excluded.kompetensi, sekolah_fokus = excluded.sekolah_fokus,
                    rating = excluded.rating, catatan = excluded.catatan, rating_praktik = excluded.rating_praktik,
                    rating_perilaku = excluded.rating_perilaku, predikat = excluded.predikat, alasan = excluded.alasan
                """, logger: logger)
            guard let d else { continue }
            if let choices = d.rhk {
                for (ord, choice) in choices.enumerated() {
                    let poin = points[index].flatMap { ord < $0.count ? $0[ord] : nil }
                    try await connection.query("""
                        INSERT INTO plan_rhk (plan_id, step_index, ord, rhk_id, jumlah, poin)
                        VALUES (\(id), \(index), \(ord), \(choice.id), \(choice.jumlah), \(poin))
                        """, logger: logger)
                }
            }
            if let aspects = d.perilakuKerja, !aspects.isEmpty {
                try await connection.query("""
                    INSERT INTO plan_perilaku (plan_id, step_index, ord, aspect)
                    SELECT \(id), \(index), ord - 1, aspect FROM unnest(\(aspects)::text[]) WITH ORDINALITY AS c(aspect, ord)
                    """, logger: logger)
            }
            if let schools = d.sekolah, !schools.isEmpty {
                try await connection.query("""
                    INSERT INTO plan_sekolah (plan_id, step_index, ord, npsn)
                    SELECT \(id), \(index), ord - 1, npsn FROM unnest(\(schools.map(\.rawValue))::text[]) WITH ORDINALITY AS c(npsn, ord)
                    """, logger: logger)
            }
            if let ratings = d.ratings, !ratings.isEmpty {
                let sorted = ratings.sorted { $0.key.rawValue < $1.key.rawValue }
                try await connection.query("""
                    INSERT INTO plan_refleksi (plan_id, step_index, aspect, rating)
                    SELECT \(id), \(index), aspect, rating FROM unnest(\(sorted.map(\.key.rawValue))::text[], \(sorted.map(\.value.rawValue))::text[])
                        AS c(aspect, rating)
                    """, logger: logger)
            }
        }
    }

    /// Writes the derived deadline and RHK points of every stored step of a plan.
    func updateDerivedSteps(id: Int64, _ plan: Plan, dues: [LocalDate], points: [Int: [Int?]]) async throws {
        for (index, record) in plan.records.enumerated() where PlanRows.hasRow(record) {
            let due = index < dues.count ? dues[index].description : nil
            try await connection.query(
                "UPDATE plan_step SET due = \(due) WHERE plan_id = \(id) AND step_index = \(index)", logger: logger)
            for (ord, value) in (points[index] ?? []).enumerated() {
                try await connection.query(
                    "UPDATE plan_rhk SET poin = \(value) WHERE plan_id = \(id) AND step_index = \(index) AND ord = \(ord)", logger: logger)
            }
        }
    }

    /// Writes the blocks from `from` on, and removes any stored beyond them.
    func writeBlocks(_ blocks: [BlockPeriod], from: Int, id: Int64) async throws {
        try await connection.query("DELETE FROM plan_block WHERE plan_id = \(id) AND ord >= \(blocks.count)", logger: logger)
        guard from < blocks.count else { return }
        for ord in from..<blocks.count {
            let b = blocks[ord]
            try await connection.query("""
                INSERT INTO plan_block (plan_id, ord, cause, note, since, until)
                VALUES (\(id), \(ord), \(b.cause.rawValue), \(b.note), \(b.since.description), \(b.until?.description))
                ON CONFLICT (plan_id, ord) DO UPDATE SET cause = excluded.cause, note = excluded.note, since = excluded.since,
                    until = excluded.until
                """, logger: logger)
        }
    }

    /// Writes the revisions from `from` on, and removes any stored beyond them.
    func writeRevisions(_ revisions: [Revision], from: Int, id: Int64) async throws {
        try await connection.query("DELETE FROM plan_revision WHERE plan_id = \(id) AND ord >= \(revisions.count)", logger: logger)
        guard from < revisions.count else { return }
        for ord in from..<revisions.count {
            let r = revisions[ord]
            try await connection.query("""
                INSERT INTO plan_revision (plan_id, ord, by_step, on_date, reason)
                VALUES (\(id), \(ord), \(r.by.rawValue), \(r.on.description), \(r.reason))
                ON CONFLICT (plan_id, ord) DO UPDATE SET by_step = excluded.by_step, on_date = excluded.on_date, reason = excluded.reason
                """, logger: logger)
        }
    }

    // MARK: Reading a plan back

    /// The stored plan of `id` with its row id, or nil; `lock` holds its row until the
    /// transaction ends (a save reads it so).
    func read(_ id: PlanID, lock: Bool = false) async throws -> (rowID: Int64, stored: StoredPlan)? {
        let key = id.position
        let rows = try await connection.query("""
            SELECT id, version, current_index, first_submitted_on, closed_on, closed_step, opened_on FROM plan
            WHERE cycle = \(id.cycle.description) AND person_id = \(key.personID.rawValue) AND role = \(key.role.rawValue)
              AND npsn = \(PositionRow.npsnColumn(key.npsn)) \(unescaped: lock ? "FOR UPDATE" : "")
            """, logger: logger)
        var found: (rowID: Int64, version: Int64, currentIndex: Int, firstSubmittedOn: String?, closure: PlanClosure?, openedOn: String?)?
        for try await (rowID, version, index, first, closedOn, closedStep, openedOn) in rows.decode(
            (Int64, Int64, Int, String?, String?, String?, String?).self)
        {
            found = (rowID, version, index, first, PlanRows.closure(on: closedOn, step: closedStep), openedOn)
        }
        guard let found else { return nil }
        let plan = try await restore(
            id, rowID: found.rowID, currentIndex: found.currentIndex, firstSubmittedOn: found.firstSubmittedOn.flatMap { LocalDate($0) },
            openedOn: found.openedOn.flatMap { LocalDate($0) })
        return (found.rowID, StoredPlan(plan: plan, version: found.version, closure: found.closure))
    }

    /// The plan of row `rowID` from its step, choice, block and revision rows.
    func restore(_ id: PlanID, rowID: Int64, currentIndex: Int, firstSubmittedOn: LocalDate?, openedOn: LocalDate?) async throws -> Plan {
        var records = Workflow.steps(for: id.position.role).map { StepRecord(step: $0) }
        func damaged(_ reason: String) -> StoreError { .damagedRow(table: "plan_step", key: id.description, reason: reason) }
        let steps = try await connection.query("""
            SELECT step_index, step, started_on, completed_on, details, praktik_kinerja, kompetensi, sekolah_fokus, rating, catatan,
                   rating_praktik, rating_perilaku, predikat, alasan
            FROM plan_step WHERE plan_id = \(rowID) ORDER BY step_index
            """, logger: logger)
        var choices = false
        for try await (index, step, started, completed, bits, praktik, kompetensi, fokus, rating, catatan, ratingPraktik, ratingPerilaku, predikat, alasan)
            in steps.decode((Int, String, String?, String?, Int, String?, String?, String?, String?, String?, String?, String?, String?, String?).self)
        {
            guard index >= 0, index < records.count, records[index].step.rawValue == step else { throw damaged("step \(index) is not \(step)") }
            records[index].startedOn = started.flatMap { LocalDate($0) }
            records[index].completedOn = completed.flatMap { LocalDate($0) }
            let flags = DetailBits(rawValue: bits)
            guard flags.contains(.recorded) else { continue }
            if !flags.subtracting([.recorded]).isEmpty { choices = true }
            records[index].details = PlanRows.details(
                flags: flags, praktikKinerja: praktik, kompetensi: kompetensi, sekolahFokus: fokus, rating: rating, catatan: catatan,
                ratingPraktik: ratingPraktik, ratingPerilaku: ratingPerilaku, predikat: predikat, alasan: alasan)
        }
        if choices {
            func step(_ index: Int) throws -> Int {
                guard index >= 0, index < records.count, records[index].details != nil else { throw damaged("a choice of step \(index) without details") }
                return index
            }
            let rhk = try await connection.query(
                "SELECT step_index, rhk_id, jumlah FROM plan_rhk WHERE plan_id = \(rowID) ORDER BY step_index, ord", logger: logger)
            for try await (index, rhkID, jumlah) in rhk.decode((Int, String, Int).self) {
                records[try step(index)].details?.rhk?.append(RHKChoice(id: rhkID, jumlah: jumlah))
            }
            let perilaku = try await connection.query(
                "SELECT step_index, aspect FROM plan_perilaku WHERE plan_id = \(rowID) ORDER BY step_index, ord", logger: logger)
            for try await (index, aspect) in perilaku.decode((Int, String).self) { records[try step(index)].details?.perilakuKerja?.append(aspect) }
            let sekolah = try await connection.query(
                "SELECT step_index, npsn FROM plan_sekolah WHERE plan_id = \(rowID) ORDER BY step_index, ord", logger: logger)
            for try await (index, npsn) in sekolah.decode((Int, String).self) { records[try step(index)].details?.sekolah?.append(NPSN(trusted: npsn)) }
            let refleksi = try await connection.query(
                "SELECT step_index, aspect, rating FROM plan_refleksi WHERE plan_id = \(rowID)", logger: logger)
            for try await (index, aspectText, ratingText) in refleksi.decode((Int, String, String).self) {
                guard let aspect = RefleksiAspect(rawValue: aspectText), let rating = Rating(rawValue: ratingText) else { throw damaged("unknown rating") }
                records[try step(index)].details?.ratings?[aspect] = rating
            }
        }
        var blocks: [BlockPeriod] = []
        let blockRows = try await connection.query(
            "SELECT cause, note, since, until FROM plan_block WHERE plan_id = \(rowID) ORDER BY ord", logger: logger)
        for try await (causeText, note, sinceText, until) in blockRows.decode((String, String?, String, String?).self) {
            guard let cause = BlockCause(rawValue: causeText), let since = LocalDate(sinceText) else { throw damaged("unknown block") }
            blocks.append(BlockPeriod(cause: cause, note: note, since: since, until: until.flatMap { LocalDate($0) }))
        }
        var revisions: [Revision] = []
        let revisionRows = try await connection.query(
            "SELECT by_step, on_date, reason FROM plan_revision WHERE plan_id = \(rowID) ORDER BY ord", logger: logger)
        for try await (byText, onText, reason) in revisionRows.decode((String, String, String).self) {
            guard let by = Step(rawValue: byText), let on = LocalDate(onText) else { throw damaged("unknown revision") }
            revisions.append(Revision(by: by, on: on, reason: reason))
        }
        return Plan(
            restoring: id, records: records, currentIndex: currentIndex, blocks: blocks, revisions: revisions, firstSubmittedOn: firstSubmittedOn,
            openedOn: openedOn)
    }

    // MARK: Facts

    /// The facts of plan `id` from `PlanRows.factsColumns` at the cursor; nil when the row
    /// has no plan (a LEFT JOIN without one), its columns then skipped.
    static func facts(_ c: inout RowCursor, plan id: PlanID) throws -> PlanFacts? {
        let index: Int? = try c.next()
        let step: String? = try c.next(), startedOn: String? = try c.next(), due: String? = try c.next()
        let cause: String? = try c.next(), note: String? = try c.next(), blockedSince: String? = try c.next()
        let lastEvent: String? = try c.next(), firstSubmitted: String? = try c.next(), planningDue: String? = try c.next()
        let overdueFrom: String? = try c.next(), unsubmittedFrom: String? = try c.next(), overranFrom: String? = try c.next()
        let tooShort: Bool? = try c.next(), closedOn: String? = try c.next(), closedStep: String? = try c.next()
        let advised: Bool? = try c.next(), openedOn: String? = try c.next(), preconditionDue: String? = try c.next()
        guard let index else { return nil }
        func day(_ text: String?) -> LocalDate? { text.flatMap { LocalDate($0) } }
        var block: BlockPeriod? = nil
        if let cause = cause.flatMap(BlockCause.init(rawValue:)), let since = day(blockedSince) {
            block = BlockPeriod(cause: cause, note: note, since: since, until: nil)
        }
        let cycle = id.cycle
        return PlanFacts(
            plan: id, currentIndex: index, currentStep: step.flatMap(Step.init(rawValue:)), currentStartedOn: day(startedOn),
            currentDue: day(due), block: block, lastEventOn: day(lastEvent) ?? cycle.start, firstSubmittedOn: day(firstSubmitted),
            planningDue: day(planningDue) ?? cycle.endOfMonth(1), overdueFrom: day(overdueFrom), unsubmittedFrom: day(unsubmittedFrom),
            pendampinganOverranFrom: day(overranFrom), pendampinganTooShort: tooShort ?? false,
            closure: PlanRows.closure(on: closedOn, step: closedStep), advised: advised ?? false, openedOn: day(openedOn),
            preconditionDue: day(preconditionDue))
    }
}
