import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Read operations: open to every client that can connect.
extension Office {
    func status(version: String) throws -> Status {
        let now = clock.now()
        let today = calendar.date(of: now)
        return status(version: version, now: now, figures: try store.statusFigures(cycle: CycleID(containing: today), overdueOn: today))
    }

    /// The status from the figures the store keeps between writes, without touching the
    /// database (so it can answer on an event loop); `nil` when they must be read anew. The
    /// same status for every call within one second (its times are to the second) while the
    /// figures and the settings stay: building it was a third of a status call.
    func statusIfKept(version: String) -> Status? {
        let now = clock.now()
        let (settings, settingsVersion) = versionedSettings
        let today = settings.config.calendar.date(of: now)
        guard let figures = store.keptStatusFigures(cycle: CycleID(containing: today), overdueOn: today) else { return nil }
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
            today: today.description, currentCycle: cycle.description, storePath: store.path,
            storeBytes: Int(figures.storeBytes), rulesYears: settings.rules.years.map(\.year),
            counts: Counts(
                people: counts.activePeople, kepalaSekolah: counts.activeKepalaSekolah,
                pengawasSekolah: counts.activePengawasSekolah, plans: counts.plans, complete: counts.complete,
                blocked: counts.blocked, overdue: counts.overdue),
            remindersFired: reminders[.fired] ?? 0, remindersMissed: reminders[.missed] ?? 0,
            remindersSilenced: reminders[.silenced] ?? 0, deliveriesFailed: figures.failedDeliveries,
            clockRate: clock.rate == 1 ? nil : Int(clock.rate))
    }

    func cycleInfo(_ text: String?) throws(VarlinkError) -> CycleInfo {
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
        // The published deadline; an extension of it is listed among the extensions.
        let planning: LocalDate
        if case .endOfMonth(let month)? = rules.deadlines(for: .kepalaSekolah)[Step.praktikKinerja.deadlineName] {
            planning = cycle.endOfMonth(month)
        } else {
            planning = cycle.endOfMonth(1)
        }
        return CycleInfo(
            cycle: cycle.description, start: cycle.start.description, end: cycle.end.description, rulesYear: rules.year,
            planningDeadline: planning.description, deadlines: deadlines, extensions: extensions)
    }

    func listPeople(_ p: Kinerja.ListPeople.Parameters) throws -> [PositionSummary] {
        let today = today()
        let cycle = try WireToCore.cycle(p.cycle, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        let role = try WireToCore.role(p.role)
        let npsn = try WireToCore.npsn(p.npsn)
        let step = try WireToCore.step(p.step)
        let planFiltered = step != nil || p.overdue == true || p.blocked != nil
        let planQuery = PlanQuery(
            cycle: cycle, role: role, npsn: npsn, currentStep: step,
            overdueOn: p.overdue == true ? today : nil, blocked: p.blocked)
        let plans = try store.plans(matching: planQuery)
        var planByPosition: [PositionKey: StoredPlan] = [:]
        planByPosition.reserveCapacity(plans.count)
        for stored in plans { planByPosition[stored.plan.id.position] = stored }
        let lifecycle = settings.config.reminders.lifecycle
        let rows = try store.positionsWithPeople(matching: PositionQuery(
            role: role, npsn: npsn, activeOnly: p.includeInactive != true, havingPlan: planFiltered ? planQuery : nil))
        let schedule = TimelineSchedule(cycle: cycle, rules: rules)
        var result: [PositionSummary] = []
        result.reserveCapacity(rows.count)
        for (person, position) in rows {
            let plan = planByPosition[position.key]
            if planFiltered && plan == nil { continue }
            let summary = plan.map {
                CoreToWire.summary(PlanStatus(
                    of: $0.plan, timeline: schedule.entries(of: $0.plan), on: today, rules: rules,
                    closure: lifecycle.closure(of: $0.plan, kept: $0.closure, on: today)))
            }
            result.append(CoreToWire.position(person, position, plan: summary))
        }
        return result
    }

    func showPerson(_ idText: String) throws -> [PositionSummary] {
        let id = PersonID(trusted: idText.filter { !$0.isWhitespace })
        guard let person = try store.person(id) else {
            throw VarlinkError(name: KinerjaError.noSuchPerson, parameters: ["id": .string(id.rawValue)])
        }
        let today = today()
        let cycle = CycleID(containing: today)
        let rules = try rules(for: cycle)
        return try store.positions(of: id).map { position in
            let plan = try store.plan(PlanID(cycle: cycle, position: position.key))
            return CoreToWire.position(person, position, plan: plan.map { CoreToWire.summary(PlanStatus(of: $0, on: today, rules: rules)) })
        }
    }

    func showPlan(plan: String?, person: String?, npsn: String?, cycle: String?) throws -> PlanDetail {
        let id = try resolvePlan(plan: plan, person: person, npsn: npsn, cycle: cycle)
        guard let stored = try store.storedPlan(id) else {
            throw VarlinkError(name: KinerjaError.noSuchPlan, parameters: [
                "plan": .string(id.description), "message": .string(Refusal.text(
                    id: "rencana \(id) tidak ada di penyimpanan (roster sudah diimpor? siklusnya benar?)",
                    en: "no plan \(id) in the store (roster imported? cycle right?)")),
            ])
        }
        return try detail(of: stored.plan, closure: stored.closure)
    }

    /// A plan in full; `closure` is the final standing kept with it, if any.
    func detail(of plan: Plan, closure: PlanClosure? = nil) throws -> PlanDetail {
        let person = try store.person(plan.id.position.personID)
        let position = try store.position(plan.id.position)
        let today = today()
        return CoreToWire.detail(
            plan, person: person, position: position, today: today, rules: try rules(for: plan.id.cycle),
            closure: settings.config.reminders.lifecycle.closure(of: plan, kept: closure, on: today))
    }

    /// A subject's audit rows, newest first; a person's history includes their plans'.
    func history(subject: String, limit: Int?) throws -> [AuditEntry] {
        let limit = limit ?? 100
        var records = try store.history(subject: subject, limit: limit)
        if !subject.contains("/") {
            for plan in try store.planIDs(of: PersonID(trusted: subject)) {
                records += try store.history(subject: plan, limit: limit)
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
    func resolvePlan(plan: String?, person: String?, npsn: String?, cycle: String?) throws -> PlanID {
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
        let key = try resolvePosition(personID: personID, npsn: school)
        return PlanID(cycle: cycleID, position: key)
    }

    func resolvePosition(personID: PersonID, npsn: NPSN?) throws -> PositionKey {
        try Office.choosePosition(among: store.positions(of: personID), personID: personID, npsn: npsn)
    }

    /// Picks the position a person id (and school) means among the person's positions,
    /// preferring active ones; several candidates need the npsn to choose.
    static func choosePosition(among positions: [Position], personID: PersonID, npsn: NPSN?) throws(VarlinkError) -> PositionKey {
        guard !positions.isEmpty else {
            throw VarlinkError(name: KinerjaError.noSuchPerson, parameters: ["id": .string(personID.rawValue)])
        }
        let matching = positions.filter { npsn == nil || $0.key.npsn == npsn }
        let active = matching.filter(\.active)
        let candidates = active.isEmpty ? matching : active
        guard candidates.count == 1 else {
            if candidates.isEmpty {
                throw VarlinkError(name: KinerjaError.noSuchPlan, parameters: [
                    "plan": .string(personID.rawValue),
                    "message": .string(Refusal.text(
                        id: "\(personID) tidak memegang posisi di sekolah \(npsn?.rawValue ?? "-")",
                        en: "\(personID) holds no position at school \(npsn?.rawValue ?? "-")")),
                ])
            }
            throw VarlinkError(name: KinerjaError.ambiguousPosition, parameters: [
                "id": .string(personID.rawValue), "npsns": .array(candidates.compactMap { $0.key.npsn.map { .string($0.rawValue) } }),
            ])
        }
        return candidates[0].key
    }
}
