import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Roster and progress imports: the CLI sends the file's content (the daemon never opens
/// a path a client names), a CSV or an .xlsx workbook (`ImportFile`); all-or-nothing unless
/// `skipInvalid`. Bad rows are reported in
/// the office's language. An import is one transaction with one audit row naming the file
/// (its SHA-256 and counts) and one per person, position or plan it changed.
extension Office {
    func importRoster(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) async throws -> ImportResult {
        let (lines, problems) = try file.parse(RosterParser.parse)
        guard !lines.isEmpty || !problems.isEmpty else {
            // An empty roster would mark everyone inactive: never what an office means.
            throw WireToCore.invalid(
                "content", id: "roster tidak berisi satu baris pun; tidak ada yang diubah", en: "the roster has no rows; nothing was changed")
        }
        if !problems.isEmpty && !skipInvalid && !dryRun {
            throw OfficeError.importRejected(problems.map { ImportLineProblem(line: $0.line, problem: $0) })
        }
        let applied = !dryRun && (problems.isEmpty || skipInvalid)
        let record = ImportRecord(kind: "roster", sha256: file.sha256, counts: [
            "rows": lines.count + problems.count, "goodRows": lines.count, "problems": problems.count,
        ])
        let summary = try await writing {
            // With skipped rows, absent people may only be in a bad row: keep them active.
            try await store.applyRoster(
                lines.map { RosterEntry(person: $0.person, position: $0.position) }, markMissingInactive: problems.isEmpty,
                plans: currentPlanCreations(), dryRun: !applied, record: record, actor: actor, at: clock.now())
        }
        let result = ImportResult(
            dryRun: dryRun, applied: applied, rows: lines.count + problems.count, goodRows: lines.count, problems: items(problems),
            added: summary.added, updated: summary.updated, unchanged: summary.unchanged, deactivated: summary.deactivated)
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
            var planIDs: [Int: PlanID] = [:]
            for (index, line) in lines.enumerated() {
                do {
                    let key = try PositionChoice.choose(among: positions[line.personID] ?? [], personID: line.personID, npsn: line.npsn)
                    planIDs[index] = PlanID(cycle: line.cycle, position: key)
                } catch {
                    problems.append(ImportLineProblem(line: line.line, problem: error))
                }
            }
            let stored = try await writing { try await store.plans(Set(planIDs.values)) }
            var plans: [PlanID: StoredPlan] = [:]
            var order: [PlanID] = []
            var linesOf: [PlanID: [Int]] = [:]
            var applied = 0
            for (index, line) in lines.enumerated() {
                guard let id = planIDs[index] else { continue }
                do {
                    let rules = try rules(for: line.cycle, in: settings)
                    let current = plans[id] ?? stored[id]
                    let next = try Office.apply(line.action, to: current, id: id, lifecycle: lifecycle, on: line.date, today: today, rules: rules)
                    plans[id] = StoredPlan(plan: next, version: current?.version ?? 0, closure: current?.closure)
                    if linesOf[id] == nil { order.append(id) }
                    linesOf[id, default: []].append(line.line)
                    applied += 1
                } catch let error as any Refusal {
                    problems.append(ImportLineProblem(line: line.line, problem: error))
                }
            }
            problems.sort { $0.line < $1.line }
            let result = ImportResult(
                dryRun: dryRun, applied: !dryRun && (problems.isEmpty || skipInvalid), rows: lines.count + parseProblems.count,
                goodRows: applied, problems: problems.map { ImportProblemItem(line: $0.line, message: $0.problem.message(in: settings.config.language)) },
                transitions: applied)
            if !problems.isEmpty && !skipInvalid && !dryRun { throw OfficeError.importRejected(problems) }
            guard result.applied else { return result }
            var saves: [PlanSave] = []
            saves.reserveCapacity(order.count)
            for id in order {
                let rules = try rules(for: id.cycle, in: settings)
                let lines = linesOf[id]!.map(String.init).joined(separator: ", ")
                saves.append(Office.save(plans[id]!.plan, over: stored[id], rules: rules, action: "progress import (lines \(lines))"))
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

    /// The parsers' problems, worded in the office's language.
    func items(_ problems: [ImportProblem]) -> [ImportProblemItem] {
        let language = language
        return problems.map { ImportProblemItem(line: $0.line, message: $0.message(in: language)) }
    }
}
