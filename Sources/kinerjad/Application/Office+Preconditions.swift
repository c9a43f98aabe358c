import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Stages 1–2 as the office tracks them (kinerja.toml's `[office]` names its operator): a
/// plan is derived with its person's stages 1–2 of its cycle, so that a missing one blocks
/// it (`PreconditionState`); an office that does not track them derives plans without.
extension Office {
    /// Each person's stages 1–2 in `cycle`, or nil when the office does not track them.
    func preconditionStates(cycle: CycleID, settings: Settings) async throws -> [PersonID: PreconditionState]? {
        guard settings.config.office.tracks(cycle) else { return nil }
        return PreconditionState.byPerson(try await store.preconditions(cycle: cycle))
    }

    /// How the plans of `cycle` are derived under `rules`: with `states` (nil: untracked).
    static func derive(
        cycle: CycleID, rules: YearRules, states: [PersonID: PreconditionState]?
    ) -> @Sendable (Plan, PlanClosure?) -> PlanDerivation {
        let schedule = TimelineSchedule(cycle: cycle, rules: rules)
        return { plan, closure in
            schedule.derivation(
                of: plan, closure: closure, preconditions: states.map { $0[plan.id.position.personID] ?? PreconditionState() })
        }
    }

    /// Records stage `precondition` as done for `persons` in `cycle` (each a person of the
    /// roster), and derives their plans again: one audit row per record that changed. An
    /// office that does not track stages 1–2 (in that cycle) may record them all the same:
    /// they block nothing until it does.
    func recordPrecondition(_ p: Kinerja.RecordPrecondition.Parameters, actor: AuditActor) async throws -> PreconditionResult {
        let settings = settings
        guard let precondition = Precondition(words: p.precondition) else {
            throw WireToCore.invalid(
                "precondition", id: "'\(p.precondition)' bukan tahap; gunakan pemutakhiran-data (1) atau plotting-tim-kinerja (2)",
                en: "'\(p.precondition)' is not a stage; use pemutakhiran-data (1) or plotting-tim-kinerja (2)")
        }
        let cycle = try WireToCore.cycle(p.cycle, default: currentCycle())
        let done = try WireToCore.date(p.doneOn, field: "doneOn", default: today())
        guard done <= today() else {
            throw WireToCore.invalid(
                "doneOn", id: "\(done) belum tiba; catat tahap yang sudah selesai", en: "\(done) has not come yet; record a stage that is done")
        }
        let decreeDate = try p.decreeDate.map { text throws(OfficeError) in try WireToCore.date(text, field: "decreeDate", default: done) }
        let decree = p.decreeNumber?.trimmingCharacters(in: .whitespaces)
        guard !p.persons.isEmpty else {
            throw WireToCore.invalid("persons", id: "berikan sedikitnya satu NIP", en: "give at least one NIP")
        }
        var records: [PreconditionRecord] = []
        for raw in p.persons {
            // NIPs are written with or without spaces (DOMAIN-NOTES.md §12).
            let id = PersonID(trusted: raw.filter { !$0.isWhitespace })
            guard try await store.person(id) != nil else { throw OfficeError.position(.noSuchPerson(id)) }
            records.append(PreconditionRecord(
                person: id, cycle: cycle, precondition: precondition, doneOn: done, decreeNumber: decree?.isEmpty == false ? decree : nil,
                decreeDate: decreeDate))
        }
        let summary = try await record(records, cycle: cycle, settings: settings, actor: actor)
        return PreconditionResult(
            cycle: cycle.description, precondition: precondition.rawValue, recorded: summary.recorded, updated: summary.updated,
            unchanged: summary.unchanged, plansRederived: summary.plansRederived)
    }

    /// Records a stages 1–2 file (`PreconditionsParser`): every row's person must be in the
    /// roster; a dry run checks and writes nothing.
    func importPreconditions(_ file: ImportFile, dryRun: Bool, skipInvalid: Bool, actor: AuditActor) async throws -> ImportResult {
        let settings = settings
        let (cycle, today) = (currentCycle(), today())
        var (lines, problems) = try file.parse { PreconditionsParser.parse($0, defaultCycle: cycle, defaultDate: today) }
        let known = try await store.names(of: Set(lines.map(\.record.person)))
        for line in lines where known[line.record.person] == nil {
            problems.append(ImportProblem(
                line: line.line, id: "\(line.record.person) tidak ada dalam roster", en: "\(line.record.person) is not in the roster"))
        }
        for line in lines where line.record.doneOn > today {
            problems.append(ImportProblem(
                line: line.line, id: "tanggal \(line.record.doneOn) belum tiba", en: "tanggal \(line.record.doneOn) has not come yet"))
        }
        lines.removeAll { known[$0.record.person] == nil || $0.record.doneOn > today }
        for cycle in Set(lines.map(\.record.cycle)) {
                _ = try rules(for: cycle, in: settings)
        }
        problems.sort { $0.line < $1.line }
        if !problems.isEmpty && !skipInvalid && !dryRun {
            throw OfficeError.importRejected(problems.map { ImportLineProblem(line: $0.line, problem: $0) })
        }
        let applied = !dryRun && (problems.isEmpty || skipInvalid)
        var total = PreconditionSummary()
        if applied {
            for (cycle, records) in Dictionary(grouping: lines.map(\.record), by: \.cycle) {
                let summary = try await record(records, cycle: cycle, settings: settings, actor: actor)
                total.recorded += summary.recorded
                total.updated += summary.updated
                total.unchanged += summary.unchanged
            }
        }
        return ImportResult(
            dryRun: dryRun, applied: applied, rows: lines.count + problems.count, goodRows: lines.count, problems: items(problems),
            added: total.recorded, updated: total.updated, unchanged: total.unchanged)
    }

    /// Writes `records` of `cycle` and derives their persons' plans again with them.
    private func record(_ records: [PreconditionRecord], cycle: CycleID, settings: Settings, actor: AuditActor) async throws -> PreconditionSummary {
        let rules = try rules(for: cycle, in: settings)
        return try await writing {
            // Untracked, the records are kept (an office may record them before it tracks
            // them) and the plans derived as before.
            var states = try await preconditionStates(cycle: cycle, settings: settings)
            for (person, mine) in Dictionary(grouping: records, by: \.person) where states != nil {
                var done = states?[person]?.done ?? [:]
                for r in mine { done[r.precondition] = r.doneOn }
                states?[person] = PreconditionState(done: done)
            }
            return try await store.recordPreconditions(
                records, cycle: cycle, rules: settings.rulesName(rules), derive: Office.derive(cycle: cycle, rules: rules, states: states),
                actor: actor, at: clock.now())
        }
    }

    /// Stages 1–2 of `cycle`: how many active persons have each done or missing, its
    /// deadline and its owner (the office's operator; the Kepala Dinas).
    func preconditionCounts(cycle: CycleID, settings: Settings) async throws -> PreconditionCounts {
        let rules = try rules(for: cycle, in: settings)
        let tally = try await store.preconditionTally(cycle: cycle)
        let directory = try await directory(of: Set([tally.pejabatPenilai].compactMap { $0 }))
        return Office.preconditionCounts(tally, cycle: cycle, rules: rules, settings: settings, directory: directory)
    }

    /// The counts of `tally` with their deadlines under `rules` and their owners named by
    /// `directory`.
    static func preconditionCounts(
        _ tally: PreconditionTally, cycle: CycleID, rules: YearRules, settings: Settings, directory: PartyDirectory
    ) -> PreconditionCounts {
        let deadlines = rules.preconditions
        return PreconditionCounts(
            tracked: settings.config.office.tracks(cycle), persons: tally.persons,
            pemutakhiranDataDone: tally.done[.pemutakhiranData] ?? 0, pemutakhiranDataMissing: tally.missing(.pemutakhiranData),
            plottingTimKinerjaDone: tally.done[.plottingTimKinerja] ?? 0, plottingTimKinerjaMissing: tally.missing(.plottingTimKinerja),
            pemutakhiranDataDue: deadlines.due(of: .pemutakhiranData, in: cycle).description,
            plottingTimKinerjaDue: deadlines.due(of: .plottingTimKinerja, in: cycle).description,
            pemutakhiranDataOwner: directory.party(.officeOperator, nil),
            plottingTimKinerjaOwner: directory.party(.pejabatPenilai, tally.pejabatPenilai))
    }

    /// The same when the office tracks stages 1–2 in `cycle`, else nil (what `status`,
    /// `cycle show` and the compliance report carry).
    func trackedPreconditionCounts(cycle: CycleID, settings: Settings) async throws -> PreconditionCounts? {
        guard settings.config.office.tracks(cycle) else { return nil }
        return try await preconditionCounts(cycle: cycle, settings: settings)
    }

    /// Stages 1–2 of `cycle` (the current one by default): the counts, the owners and the
    /// deadlines, and each active person's record (only those with one missing, with
    /// `missing`).
    func listPreconditions(cycle text: String?, missing: Bool) async throws -> Kinerja.ListPreconditions.Result {
        let settings = settings
        let cycle = try WireToCore.cycle(text, default: currentCycle())
        let counts = try await preconditionCounts(cycle: cycle, settings: settings)
        var byPerson: [PersonID: [Precondition: PreconditionRecord]] = [:]
        for r in try await store.preconditions(cycle: cycle) { byPerson[r.person, default: [:]][r.precondition] = r }
        var names: [PersonID: String] = [:]
        for row in try await store.listing(ListingQuery(cycle: cycle, activeOnly: true)) { names[row.person.id] = row.person.nama }
        var items: [PreconditionItem] = []
        for (id, nama) in names.sorted(by: { $0.key < $1.key }) {
            let mine = byPerson[id] ?? [:]
            if missing, mine.count == Precondition.allCases.count { continue }
            let plotting = mine[.plottingTimKinerja]
            items.append(PreconditionItem(
                id: id.rawValue, nama: nama, pemutakhiranData: mine[.pemutakhiranData]?.doneOn.description,
                plottingTimKinerja: plotting?.doneOn.description, decreeNumber: plotting?.decreeNumber,
                decreeDate: plotting?.decreeDate?.description))
        }
        return .init(cycle: cycle.description, counts: counts, persons: items)
    }
}
