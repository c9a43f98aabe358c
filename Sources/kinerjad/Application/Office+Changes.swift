import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Changing operations: the caller was authorised by the route; each change is written
/// with its audit row in one transaction, or not at all.
extension Office {
    /// How many times a change is read and applied again when another writer saved the
    /// same plan in between (`StoreError.conflict`).
    static let conflictRetries = 3

    func transition(_ p: Kinerja.Transition.Parameters, actor: AuditActor) async throws -> PlanDetail {
        let id = try await resolvePlan(plan: p.plan, person: p.person, npsn: p.npsn, cycle: p.cycle)
        let action = try WireToCore.action(p)
        let today = today()
        let date = try WireToCore.date(p.date, field: "date", default: today)
        let settings = settings
        let rules = try rules(for: id.cycle, in: settings)
        let lifecycle = settings.config.lifecycle
        let now = clock.now()
        let saved: Plan = try await writing {
            var attempt = 1
            while true {
                guard let position = try await store.position(id.position) else {
                    throw OfficeError.noSuchPlan(id.description, Words(
                        id: "posisi \(id.position) tidak ada dalam roster", en: "no position \(id.position) in the roster"))
                }
                let current = try await store.plan(id)
                let next = try Office.apply(
                    action, to: current, id: id, lifecycle: lifecycle, on: date, today: today, rules: rules, sekolahBinaan: position.sekolahBinaan)
                do {
                    try await store.savePlans(
                        [Office.save(
                            next, over: current, rules: rules, in: settings,
                            states: try await preconditionStates(cycle: id.cycle, settings: settings), action: Office.auditAction(action))],
                        record: nil, actor: actor, at: now)
                    return next
                } catch StoreError.conflict where attempt < Office.conflictRetries {
                    attempt += 1
                }
            }
        }
        logger.info("plan changed", metadata: [
            "KINERJA_PLAN": "\(id)", "KINERJA_ACTION": "\(Office.auditAction(action))", "KINERJA_ACTOR": "\(actor.user)",
        ])
        return try await detail(of: saved)
    }

    /// Applies an action to a plan (`stored`, or a fresh one of `id`) of an open cycle: a
    /// closed cycle's plans keep their final standing (`CycleLifecycle`).
    static func apply(
        _ action: PlanAction, to stored: StoredPlan?, id: PlanID, lifecycle: CycleLifecycle, on date: LocalDate, today: LocalDate,
        rules: YearRules, sekolahBinaan: [NPSN]
    ) throws(TransitionError) -> Plan {
        let plan = stored?.plan ?? Plan(id: id)
        try lifecycle.checkOpen(plan, step: action.step, kept: stored?.closure, today: today)
        return try plan.applying(action, on: date, today: today, rules: rules, sekolahBinaan: sekolahBinaan)
    }

    /// `selesai praktik-kinerja`: the audit row's action words.
    static func auditAction(_ action: PlanAction) -> String {
        switch action {
        case .block(let cause, _): return "terblokir \(cause.rawValue)"
        case .unblock: return "dibuka"
        default: return "\(action.verb) \(action.step?.rawValue ?? "")"
        }
    }

    /// Writes a backup into `backups/`, named by the office's time (`BackupDirectory`).
    func backup() async throws -> BackupInfo {
        let stamp = clock.now().formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)-\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)",
            timeZone: calendar.timeZone, calendar: Calendar(identifier: .gregorian)))
        let info = try await backups.write(stamp: stamp) { partial in try await writing { try await store.backup(to: partial) } }
        logger.notice("backup written", metadata: ["KINERJA_BACKUP": "\(info.path)"])
        return info
    }

    /// Where backups are written and read.
    var backups: BackupDirectory { BackupDirectory(stateDirectory: settings.config.stateDirectory) }
}
