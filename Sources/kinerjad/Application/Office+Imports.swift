import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaRPCServer
import KinerjaStore

/// Roster, officials and progress imports: the CLI sends the file's content (the daemon
/// never opens a path a client names), a CSV or an .xlsx workbook (`ImportFile`);
/// all-or-nothing unless `skipInvalid`. Bad rows and warnings are reported in the caller's
/// language. An import is one transaction with one audit row naming the file (its SHA-256
/// and counts) and one per person, position, official or plan it changed.
extension Office {
    /// People the file does not name stay as they are unless `deactivateMissing` (a whole
    /// district's roster); the result counts them either way. The roster as it will be is
    /// checked for what looks wrong (`RosterChecks`), reported as warnings.
    func importRoster(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, deactivateMissing: Bool, actor: AuditActor) async throws -> ImportResult {
        defer { FreedMemory.release() }
        var header: [String] = []
        var (parsed, problems) = try file.parse { table in
            header = table.header
            return RosterParser.parse(table)
        }
        // Rings of atasan, within the file or through stored people it does not name.
        let rings = AtasanCycles.problems(lines: parsed, existing: try await store.atasanLinks())
        if !rings.isEmpty {
            let refused = Set(rings.map(\.line))
            parsed.removeAll { refused.contains($0.line) }
            problems = (problems + rings).sorted { $0.line < $1.line }
        }
        guard !parsed.isEmpty || !problems.isEmpty else {
            // An empty roster changes nothing, and with --deactivate-missing would mark
            // everyone inactive: never what an office means.
            throw WireToCore.invalid(
                "content", id: "roster tidak berisi satu baris pun; tidak ada yang diubah", en: "the roster has no rows; nothing was changed")
        }
        if !problems.isEmpty && !skipInvalid && !dryRun {
            throw OfficeError.importRejected(problems.map { ImportLineProblem(line: $0.line, problem: $0) })
        }
        let applied = !dryRun && (problems.isEmpty || skipInvalid)
        let good = parsed.count
        let record = ImportRecord(kind: "roster", sha256: file.sha256, counts: [
            "rows": good + problems.count, "goodRows": good, "problems": problems.count,
        ])
        // With skipped rows, absent people may only be in a bad row: keep them active.
        let markMissing = deactivateMissing && problems.isEmpty
        let recorded = try await store.listing(ListingQuery(cycle: CycleID(containing: today()), activeOnly: false))
        var lines = parsed
        parsed = []
        let absent = RosterParser.absentKeptColumns(header)
        if !absent.isEmpty {
            let persons = Dictionary(recorded.map { ($0.person.id, $0.person) }, uniquingKeysWith: { first, _ in first })
            let positions = Dictionary(recorded.map { ($0.position.key, $0.position) }, uniquingKeysWith: { first, _ in first })
            lines = lines.map { $0.keeping(absent, person: persons[$0.person.id], position: positions[$0.position.key]) }
        }
        let active = recorded.filter { $0.person.active && $0.position.active }
        var known = Set(active.map(\.person.id))
        known.formUnion(try await store.officials().map(\.id))
        let warnings = RosterChecks.warnings(lines, others: markMissing ? [] : active.map(\.position), known: known)
        let entries = lines.map { RosterEntry(person: $0.person, position: $0.position) }
        // The entries share the lines' strings; the lines' own array goes before the write
        // (a country's is some 75 MB).
        lines = []
        let summary = try await writing {
            try await store.applyRoster(
                entries, markMissingInactive: markMissing,
                plans: try await currentPlanCreations(), dryRun: !applied, record: record, actor: actor, at: clock.now())
        }
        let result = ImportResult(
            dryRun: dryRun, applied: applied, rows: good + problems.count, goodRows: good, problems: items(problems),
            added: summary.added, updated: summary.updated, unchanged: summary.unchanged, deactivated: summary.deactivated,
            missing: summary.missing, warnings: items(warnings))
        if applied {
            logger.notice("roster imported", metadata: [
                "KINERJA_ACTOR": "\(actor.user)", "KINERJA_ROWS": "\(result.goodRows)", "KINERJA_ADDED": "\(result.added)",
            ])
        }
        return result
    }

    /// Rows are applied in file order, in memory, through the same state machine as single
    /// commands; then the plans they changed are written together, each with its version
    /// as read. Should another writer have saved one of them meanwhile, the whole file is
    /// read and applied again.
    func importProgress(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) async throws -> ImportResult {
        defer { FreedMemory.release() }
        let (lines, parseProblems) = try file.parse(ProgressParser.parse)
        let today = today()
        let now = clock.now()
        let sha = file.sha256
        let settings = settings
        let lifecycle = settings.config.lifecycle
        var attempt = 1
        while true {
            var problems = parseProblems.map { ImportLineProblem(line: $0.line, problem: $0) }
            let positions = try await writing { try await store.positions(of: Set(lines.map(\.personID))) }
            // Each line's plan, as a slot: a file lists a plan's lines together, so the plan
            // is chosen once per run of lines (and its refusal repeated for each of them).
            var ids: [PlanID] = []
            var slotOf: [PlanID: Int] = [:]
            var lineSlot = [Int](repeating: -1, count: lines.count)
            var last: (person: PersonID, npsn: NPSN?, cycle: CycleID, slot: Result<Int, PositionProblem>)? = nil
            for (index, line) in lines.enumerated() {
                let slot: Result<Int, PositionProblem>
                if let last, last.person == line.personID, last.npsn == line.npsn, last.cycle == line.cycle {
                    slot = last.slot
                } else {
                    do {
                        let key = try PositionChoice.choose(among: positions[line.personID] ?? [], personID: line.personID, npsn: line.npsn)
                        let id = PlanID(cycle: line.cycle, position: key)
                        if let known = slotOf[id] {
                            slot = .success(known)
                        } else {
                            slotOf[id] = ids.count
                            slot = .success(ids.count)
                            ids.append(id)
                        }
                    } catch {
                        slot = .failure(error)
                    }
                    last = (line.personID, line.npsn, line.cycle, slot)
                }
                switch slot {
                case .success(let s): lineSlot[index] = s
                case .failure(let error): problems.append(ImportLineProblem(line: line.line, problem: error))
                }
            }
            let stored = try await writing { try await store.plans(Set(ids)) }
            var states: [StoredPlan?] = ids.map { stored[$0] }
            var linesOf = [[Int]](repeating: [], count: ids.count)
            var order: [Int] = []
            var rulesOf: [CycleID: Result<YearRules, OfficeError>] = [:]
            var applied = 0
            for (index, line) in lines.enumerated() {
                let slot = lineSlot[index]
                guard slot >= 0 else { continue }
                do {
                    let rules: YearRules
                    if let known = rulesOf[line.cycle] {
                        rules = try known.get()
                    } else {
                        let found = Result { () throws(OfficeError) in try self.rules(for: line.cycle, in: settings) }
                        rulesOf[line.cycle] = found
                        rules = try found.get()
                    }
                    let current = states[slot]
                    let binaan = positions[line.personID]?.first { $0.key == ids[slot].position }?.sekolahBinaan ?? []
                    let next = try Office.apply(
                        line.action, to: current, id: ids[slot], lifecycle: lifecycle, on: line.date, today: today, rules: rules,
                        sekolahBinaan: binaan)
                    states[slot] = StoredPlan(plan: next, version: current?.version ?? 0, closure: current?.closure)
                    if linesOf[slot].isEmpty { order.append(slot) }
                    linesOf[slot].append(line.line)
                    applied += 1
                } catch let error as any Refusal {
                    problems.append(ImportLineProblem(line: line.line, problem: error))
                }
            }
            problems.sort { $0.line < $1.line }
            let result = ImportResult(
                dryRun: dryRun, applied: !dryRun && (problems.isEmpty || skipInvalid), rows: lines.count + parseProblems.count,
                goodRows: applied, problems: problems.map { ImportProblemItem(line: $0.line, message: $0.problem.message(in: language)) },
                transitions: applied)
            if !problems.isEmpty && !skipInvalid && !dryRun { throw OfficeError.importRejected(problems) }
            guard result.applied else { return result }
            var preconditionsOf: [CycleID: [PersonID: PreconditionState]?] = [:]
            for cycle in Set(order.map { ids[$0].cycle }) {
                preconditionsOf[cycle] = try await preconditionStates(cycle: cycle, settings: settings)
            }
            var saves: [PlanSave] = []
            saves.reserveCapacity(order.count)
            for slot in order {
                let id = ids[slot]
                let rules = try rulesOf[id.cycle]!.get()
                var save = Office.save(
                    states[slot]!.plan, over: stored[id], rules: rules, in: settings, states: preconditionsOf[id.cycle] ?? nil,
                    action: "progress import")
                save.lines = Office.lineRanges(linesOf[slot])
                saves.append(save)
            }
            let record = ImportRecord(kind: "progress", sha256: sha, counts: [
                "rows": result.rows, "applied": applied, "plans": saves.count, "problems": problems.count,
            ])
            do {
                try await store.savePlans(saves, record: record, actor: actor, at: now)
            } catch StoreError.conflict where attempt < Office.conflictRetries {
                attempt += 1
                continue
            } catch {
                throw failure(error)
            }
            logger.notice("progress imported", metadata: ["KINERJA_ACTOR": "\(actor.user)", "KINERJA_ROWS": "\(result.transitions)"])
            return result
        }
    }

    /// Officials are added or updated, never removed; those the file leaves out are counted.
    func importOfficials(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) async throws -> ImportResult {
        let (lines, problems) = try file.parse(OfficialsParser.parse)
        if !problems.isEmpty && !skipInvalid && !dryRun {
            throw OfficeError.importRejected(problems.map { ImportLineProblem(line: $0.line, problem: $0) })
        }
        let applied = !dryRun && (problems.isEmpty || skipInvalid)
        let record = ImportRecord(kind: "officials", sha256: file.sha256, counts: [
            "rows": lines.count + problems.count, "goodRows": lines.count, "problems": problems.count,
        ])
        let summary = try await writing {
            try await store.applyOfficials(lines.map(\.official), dryRun: !applied, record: record, actor: actor, at: clock.now())
        }
        return ImportResult(
            dryRun: dryRun, applied: applied, rows: lines.count + problems.count, goodRows: lines.count, problems: items(problems),
            added: summary.added, updated: summary.updated, unchanged: summary.unchanged, missing: summary.missing)
    }

    /// Line numbers in ascending order as ranges: `2-9, 15`.
    static func lineRanges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < lines.count {
            var end = index
            while end + 1 < lines.count, lines[end + 1] == lines[end] + 1 { end += 1 }
            parts.append(end == index ? "\(lines[index])" : "\(lines[index])-\(lines[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// The parsers' problems, worded in the office's language.
    func items(_ problems: [ImportProblem]) -> [ImportProblemItem] {
        let language = language
        return problems.map { ImportProblemItem(line: $0.line, message: $0.message(in: language)) }
    }
}
