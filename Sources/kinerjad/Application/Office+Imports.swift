import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaRPCServer
import KinerjaStore

/// Roster and progress imports: the CLI sends the file's content (the daemon never opens
/// a path a client names), a CSV or an .xlsx workbook (`ImportFile`); all-or-nothing unless
/// `skipInvalid`. Bad rows are reported in the office's language.
extension Office {
    func importRoster(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) throws -> ImportResult {
        defer { FreedMemory.release() }
        var (lines, problems) = try file.parse(RosterParser.parse)
        // Rings of atasan, within the file or through stored people it does not name.
        let named = Set(lines.map(\.person.id))
        let others = try store.positionsWithPeople(matching: PositionQuery(activeOnly: true)).map(\.position)
            .filter { !named.contains($0.key.personID) }
        let rings = AtasanCycles.problems(lines: lines, existing: others)
        if !rings.isEmpty {
            let refused = Set(rings.map(\.line))
            lines.removeAll { refused.contains($0.line) }
            problems = (problems + rings).sorted { $0.line < $1.line }
        }
        let items = Office.items(problems)
        guard !lines.isEmpty || !problems.isEmpty else {
            // An empty roster would mark everyone inactive: never what an office means.
            throw WireToCore.invalid(
                "content", id: "roster tidak berisi satu baris pun; tidak ada yang diubah", en: "the roster has no rows; nothing was changed")
        }
        if !problems.isEmpty && !skipInvalid && !dryRun {
            throw Office.importRejected(items)
        }
        let entries = lines.map { RosterEntry(person: $0.person, position: $0.position) }
        let now = clock.now()
        let result: ImportResult
        do {
            result = try writing {
                try store.transaction { tx in
                    // With skipped rows, absent people may only be in a bad row: keep them active.
                    let summary = try tx.applyRoster(entries, actor: actor, at: now, markMissingInactive: problems.isEmpty)
                    let result = ImportResult(
                        dryRun: dryRun, applied: !dryRun && (problems.isEmpty || skipInvalid), rows: lines.count + problems.count,
                        goodRows: lines.count, problems: items, added: summary.added, updated: summary.updated,
                        unchanged: summary.unchanged, deactivated: summary.deactivated)
                    if !result.applied { throw ImportAbort(result: result) }
                    return result
                }
            }
        } catch let abort as ImportAbort {
            return abort.result
        }
        try ensureCurrentPlans(actor: actor)
        changed.poke()
        logger.notice("roster imported", metadata: [
            "KINERJA_ACTOR": "\(actor.user)", "KINERJA_ROWS": "\(result.goodRows)", "KINERJA_ADDED": "\(result.added)",
        ])
        return result
    }

    func importProgress(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) throws -> ImportResult {
        defer { FreedMemory.release() }
        let (lines, parseProblems) = try file.parse(ProgressParser.parse)
        let today = today()
        let now = clock.now()
        let lifecycle = settings.config.reminders.lifecycle
        let rowCount = lines.count + parseProblems.count
        do {
            let result = try writing {
                try store.transaction { tx in
                    var problems = Office.items(parseProblems)
                    var plans: [PlanID: StoredPlan] = [:]
                    // Each person's positions are read once, however many rows name them.
                    var positionsOf: [PersonID: [Position]] = [:]
                    var applied = 0
                    for line in lines {
                        do {
                            let positions = try positionsOf[line.personID] ?? tx.positions(of: line.personID)
                            positionsOf[line.personID] = positions
                            let key = try Office.choosePosition(among: positions, personID: line.personID, npsn: line.npsn)
                            let id = PlanID(cycle: line.cycle, position: key)
                            let rules = try rules(for: line.cycle)
                            let current = try plans[id] ?? tx.storedPlan(id)
                            let next = try Office.apply(
                                line.action, to: current?.plan ?? Plan(id: id), closure: current?.closure, lifecycle: lifecycle,
                                on: line.date, today: today, rules: rules)
                            try tx.savePlan(
                                next, due: Office.due(of: next, rules: rules),
                                action: "\(Office.auditAction(line.action)) (import line \(line.line))", actor: actor, at: now)
                            plans[id] = StoredPlan(plan: next, due: nil)
                            applied += 1
                        } catch let error as VarlinkError {
                            problems.append(ImportProblemItem(line: line.line, message: Office.message(of: error)))
                        }
                    }
                    problems.sort { $0.line < $1.line }
                    let result = ImportResult(
                        dryRun: dryRun, applied: !dryRun && (problems.isEmpty || skipInvalid), rows: rowCount,
                        goodRows: applied, problems: problems, transitions: applied)
                    if !result.applied { throw ImportAbort(result: result) }
                    return result
                }
            }
            changed.poke()
            logger.notice("progress imported", metadata: ["KINERJA_ACTOR": "\(actor.user)", "KINERJA_ROWS": "\(result.transitions)"])
            return result
        } catch let abort as ImportAbort {
            if dryRun || abort.result.problems.isEmpty { return abort.result }
            throw Office.importRejected(abort.result.problems)
        }
    }

    static func importRejected(_ problems: [ImportProblemItem]) -> VarlinkError {
        VarlinkError(name: KinerjaError.importRejected, parameters: [
            "problems": .array(problems.map { .object(["line": .int(Int64($0.line)), "message": .string($0.message)]) }),
        ])
    }

    /// The parsers' problems, worded in the office's language.
    static func items(_ problems: [ImportProblem]) -> [ImportProblemItem] {
        let language = Refusal.language
        return problems.map { ImportProblemItem(line: $0.line, message: $0.message(in: language)) }
    }

    /// The human part of an interface error, for a line of an import report: its message
    /// (already in the office's language), or words for the errors that carry none.
    static func message(of error: VarlinkError) -> String {
        if case .string(let text)? = error.parameters["message"] { return text }
        guard case .string(let id)? = error.parameters["id"] else { return error.name }
        switch error.name {
        case KinerjaError.noSuchPerson:
            return Refusal.text(id: "tidak ada orang dengan id \(id) dalam roster", en: "no person has id \(id) in the roster")
        case KinerjaError.ambiguousPosition:
            var schools: [String] = []
            if case .array(let list)? = error.parameters["npsns"] { for case .string(let s) in list { schools.append(s) } }
            let npsns = schools.joined(separator: ", ")
            return Refusal.text(
                id: "\(id) memimpin beberapa sekolah; isi kolom npsn (\(npsns))",
                en: "\(id) heads several schools; fill in the npsn column (\(npsns))")
        default:
            return "\(error.name.split(separator: ".").last ?? ""): \(id)"
        }
    }
}
