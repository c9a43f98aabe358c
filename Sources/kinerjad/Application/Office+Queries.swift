import Foundation
import Synchronization
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Read operations: open to every client that can connect.
extension Office {
    func status(version: String) async throws -> Status {
        let now = clock.now()
        let today = calendar.date(of: now)
        let cycle = CycleID(containing: today)
        if let figures = statusCache.figures(cycle: cycle, day: today) { return status(version: version, now: now, figures: figures) }
        let generation = statusCache.generation
        let figures = try await store.statusFigures(cycle: cycle, on: today)
        statusCache.keep(figures, cycle: cycle, day: today, readAt: generation)
        return status(version: version, now: now, figures: figures)
    }

    /// The status from the figures kept since the store's last change, without touching the
    /// database (so it can answer on an event loop); `nil` when they must be read anew. The
    /// same status for every call within one second (its times are to the second) while the
    /// figures and the settings stay: building it was a third of a status call.
    func statusIfKept(version: String) -> Status? {
        let now = clock.now()
        let (settings, settingsVersion) = versionedSettings
        let today = settings.config.calendar.date(of: now)
        guard let figures = statusCache.figures(cycle: CycleID(containing: today), day: today) else { return nil }
        // Both whole seconds it shows: the time, and the uptime (which ticks at another phase).
        let second = Int64(now.timeIntervalSince1970.rounded(.down)), uptime = Int64(now.timeIntervalSince(startedAt).rounded(.down))
        if let last = lastStatus.withLock({ $0 }), last.second == second, last.uptime == uptime, last.settingsVersion == settingsVersion,
           last.figures == figures {
            return last.status
        }
        let status = status(version: version, now: now, figures: figures)
        lastStatus.withLock { $0 = (second, uptime, settingsVersion, figures, status) }
        return status
    }

    private func status(version: String, now: Date, figures: StatusFigures) -> Status {
        let today = calendar.date(of: now)
        let cycle = CycleID(containing: today)
        let counts = figures.counts, reminders = figures.reminders
        let settings = settings
        return Status(
            version: version, startedAt: CoreToWire.timestamp(startedAt, in: calendar),
            now: CoreToWire.timestamp(now, in: calendar), uptimeSeconds: Int(now.timeIntervalSince(startedAt)),
            clockOverridden: clock.isOverridden, timezone: settings.config.timezone, language: settings.config.language.rawValue,
            today: today.description, currentCycle: cycle.description, storePath: store.location,
            storeBytes: Int(figures.storeBytes), rulesYears: settings.rules.years.map(\.year),
            counts: Counts(
                people: counts.activePeople, kepalaSekolah: counts.activeKepalaSekolah,
                pengawasSekolah: counts.activePengawasSekolah, plans: counts.plans, complete: counts.complete,
                blocked: counts.blocked, overdue: counts.overdue),
            remindersFired: reminders[.fired] ?? 0, remindersMissed: reminders[.missed] ?? 0,
            remindersSilenced: reminders[.silenced] ?? 0,
            remindersUncertain: reminders[.uncertain] ?? 0, deliveriesFailed: figures.failedDeliveries,
            clockRate: clock.rate == 1 ? nil : Int(clock.rate),
            preconditions: settings.config.office.tracks(cycle) ? settings.rules.rules(for: cycle).map { rules in
                Office.preconditionCounts(
                    figures.preconditions, cycle: cycle, rules: rules, settings: settings,
                    directory: PartyDirectory(officeOperator: settings.config.office.named))
            } : nil)
    }

    /// `cycleInfo` with the cycle's stages 1–2, when the office tracks them.
    func cycleInfoWithPreconditions(_ text: String?) async throws -> CycleInfo {
        var info = try cycleInfo(text)
        info.preconditions = try await trackedPreconditionCounts(cycle: try WireToCore.cycle(text, default: currentCycle()), settings: settings)
        return info
    }

    func cycleInfo(_ text: String?) throws(OfficeError) -> CycleInfo {
        let cycle = try WireToCore.cycle(text, default: currentCycle())
        let rules = try rules(for: cycle)
        var deadlines: [CycleDeadline] = []
        for role in Role.allCases {
            for entry in Timeline.projected(cycle: cycle, role: role, rules: rules) {
                deadlines.append(CycleDeadline(role: role.rawValue, step: entry.step.rawValue, deadline: entry.step.deadlineName, due: entry.due.description))
            }
        }
        let extensions = rules.extensions.filter { $0.cycle == cycle }.map {
            "\($0.role?.rawValue ?? "semua") \($0.deadline) \($0.until)"
        }
        return CycleInfo(
            cycle: cycle.description, start: cycle.start.description, end: cycle.end.description, rulesYear: rules.year,
            planningDeadline: rules.planningDeadline(in: cycle, for: .kepalaSekolah).description, deadlines: deadlines,
            extensions: extensions)
    }

    /// Rows read, turned into summaries and sent at a time: a country's overdue list is
    /// sent as it is read, never held whole.
    static let listingChunk = 2_000

    /// The whole listing (the tests' callers).
    func listPeople(_ p: Kinerja.ListPeople.Parameters) async throws -> [PositionSummary] {
        let collected = Collected<[UInt8]>()
        try await listPeople(p) { collected.add([$0]) }
        let list = "[" + collected.all.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") + "]"
        return try JSONDecoder().decode([PositionSummary].self, from: Data(list.utf8))
    }

    /// The positions the parameters ask for, with their plan's status, handed to `emit` as
    /// runs of JSON objects (comma-separated) a chunk at a time, as the store reads them
    /// (see `OfficeStore.listingChunks`). An answer of a district's size is kept until the
    /// store reports a change (`listingCache`).
    func listPeople(_ p: Kinerja.ListPeople.Parameters, emit: @Sendable ([UInt8]) async throws -> Void) async throws {
        let today = today()
        let (settings, settingsVersion) = versionedSettings
        let cycle = try WireToCore.cycle(p.cycle, default: CycleID(containing: today))
        _ = try rules(for: cycle, in: settings)
        let query = ListingQuery(
            cycle: cycle, role: try WireToCore.role(p.role), npsn: try WireToCore.npsn(p.npsn), activeOnly: p.includeInactive != true,
            currentStep: try WireToCore.step(p.step), overdueOn: p.overdue == true ? today : nil, blocked: p.blocked)
        let key = ListingKey(query: query, today: today, settingsVersion: settingsVersion)
        if let kept = listingCache.answer(key) {
            if !kept.isEmpty { try await emit(kept) }
            return
        }
        let generation = listingCache.generation
        let lifecycle = settings.config.lifecycle
        var whole: [UInt8]? = []
        for try await rows in store.listingChunks(query, size: Office.listingChunk) {
            let statuses = rows.map { $0.plan.map { lifecycle.status(of: $0, on: today) } }
            // Whom the chunk's blocked plans await, named in one read.
            var awaited = Set<PersonID>()
            for (row, status) in zip(rows, statuses) {
                if let id = status?.blocked?.awaitedID(in: row.position) { awaited.insert(id) }
            }
            let directory = try await directory(of: awaited)
            let summaries = zip(rows, statuses).map { row, status in
                CoreToWire.position(row.person, row.position, plan: status.map {
                    CoreToWire.summary($0, awaiting: CoreToWire.awaiting($0, in: row.position, directory))
                })
            }
            let array = try StreamingJSONEncoder.encode(summaries)
            let objects = array[1..<(array.count - 1)]
            if whole != nil {
                if !whole!.isEmpty { whole!.append(UInt8(ascii: ",")) }
                whole!.append(contentsOf: objects)
                if whole!.count > AnswerCache<ListingKey>.limit { whole = nil }
            }
            try await emit(Array(objects))
        }
        if let whole { listingCache.keep(whole, for: key, readAt: generation) }
    }

    func showPerson(_ idText: String) async throws -> [PositionSummary] {
        let id = PersonID(trusted: idText.filter { !$0.isWhitespace })
        let today = today()
        let rows = try await store.listing(ListingQuery(cycle: CycleID(containing: today), activeOnly: false, personID: id))
        guard !rows.isEmpty else { throw OfficeError.position(.noSuchPerson(id)) }
        let lifecycle = settings.config.lifecycle
        var named = Set<PersonID>()
        for row in rows {
            named.formUnion([row.person.id, row.position.atasanID, row.position.pejabatPenilaiID].compactMap { $0 } + row.position.timKinerja)
        }
        let directory = try await directory(of: named)
        return rows.sorted { $0.position.key < $1.position.key }.map { row in
            CoreToWire.position(row.person, row.position, plan: row.plan.map {
                let status = lifecycle.status(of: $0, on: today)
                return CoreToWire.summary(status, awaiting: CoreToWire.awaiting(status, in: row.position, directory))
            }, parties: directory.parties(of: row.position))
        }
    }

    func showPlan(plan: String?, person: String?, npsn: String?, cycle: String?) async throws -> PlanDetail {
        let id = try await resolvePlan(plan: plan, person: person, npsn: npsn, cycle: cycle)
        guard let stored = try await store.plan(id) else {
            throw OfficeError.noSuchPlan(id.description, Words(
                id: "rencana \(id) tidak ada di penyimpanan (roster sudah diimpor? siklusnya benar?)",
                en: "no plan \(id) in the store (roster imported? cycle right?)"))
        }
        return try await detail(of: stored.plan, closure: stored.closure)
    }

    /// A plan in full; `closure` is the final standing kept with it, if any. The schools it
    /// names are named by the roster, and whom a blocked plan awaits by the roster or the
    /// officials file.
    func detail(of plan: Plan, closure: PlanClosure? = nil) async throws -> PlanDetail {
        async let person = store.person(plan.id.position.personID)
        async let position = store.position(plan.id.position)
        let schools = Set(plan.records.flatMap { ($0.details?.sekolah ?? []) + [$0.details?.sekolahFokus].compactMap { $0 } })
        async let schoolNames = store.schoolNames(schools)
        let today = today()
        let settings = settings
        let heldPosition = try await position
        let preconditions = try await preconditionStates(cycle: plan.id.cycle, settings: settings)
            .map { $0[plan.id.position.personID] ?? PreconditionState() }
        var awaited = Set<PersonID>()
        if let block = plan.openBlock ?? preconditions?.block(in: plan.id.cycle, openedOn: plan.openedOn), let held = heldPosition,
           let id = BlockedStanding(block: block, on: today).awaitedID(in: held) {
            awaited.insert(id)
        }
        return CoreToWire.detail(
            plan, person: try await person, position: heldPosition, today: today, rules: try rules(for: plan.id.cycle, in: settings),
            closure: settings.config.lifecycle.closure(of: plan, kept: closure, on: today), preconditions: preconditions,
            directory: try await directory(of: awaited), schoolNames: try await schoolNames, language: language)
    }

    /// A subject's audit rows, newest first; a person's history includes their plans'.
    func history(subject: String, limit: Int?) async throws -> [AuditEntry] {
        let limit = limit ?? 100
        var records = try await store.history(subject: subject, limit: limit)
        if !subject.contains("/") {
            for plan in try await store.planIDs(of: PersonID(trusted: subject)) {
                records += try await store.history(subject: plan.description, limit: limit)
            }
        }
        records.sort { ($0.at, $0.id) > ($1.at, $1.id) }
        return records.prefix(limit).map {
            AuditEntry(
                at: CoreToWire.timestamp($0.at, in: calendar), uid: Int($0.actor.uid), user: $0.actor.user,
                action: $0.action, subject: $0.subject, before: $0.before, after: $0.after)
        }
    }

    /// Finds the plan a call means: a plan id, or a person (and school, when they head
    /// two) in a cycle (default: the current one).
    func resolvePlan(plan: String?, person: String?, npsn: String?, cycle: String?) async throws -> PlanID {
        if let plan {
            guard let id = PlanID(plan) else {
                throw WireToCore.invalid(
                    "plan", id: "'\(plan)' bukan id rencana; tulis CYCLE/ID/ks@NPSN atau CYCLE/ID/ps, mis. 2026-2/198609262015051001/ks@20100001",
                    en: "'\(plan)' is not a plan id; write CYCLE/ID/ks@NPSN or CYCLE/ID/ps, e.g. 2026-2/198609262015051001/ks@20100001")
            }
            return id
        }
        guard let person else {
            throw WireToCore.invalid("plan", id: "berikan id rencana, atau id orang (dan npsn)", en: "give a plan id, or a person id (and npsn)")
        }
        let personID = PersonID(trusted: person.filter { !$0.isWhitespace })
        let cycleID = try WireToCore.cycle(cycle, default: currentCycle())
        let school = try WireToCore.npsn(npsn)
        let key = try PositionChoice.choose(among: try await store.positions(of: personID), personID: personID, npsn: school)
        return PlanID(cycle: cycleID, position: key)
    }
}

/// What a handler's pieces add up to, for callers that want the whole.
final class Collected<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func add(_ piece: [Element]) { items.withLock { $0 += piece } }
    var all: [Element] { items.withLock { $0 } }
}

/// What a kept listing answers: the query (its day among it), and the settings it was
/// summarized under.
struct ListingKey: Hashable, Sendable {
    var query: ListingQuery
    var today: LocalDate
    var settingsVersion: UInt64
}
