import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Changing operations: the caller was authorised by the route; each change is written
/// with its audit row in one transaction, or not at all.
extension Office {
    func transition(_ p: Kinerja.Transition.Parameters, actor: AuditActor) throws -> PlanDetail {
        let id = try resolvePlan(plan: p.plan, person: p.person, npsn: p.npsn, cycle: p.cycle)
        let action = try WireToCore.action(p)
        let today = today()
        let date = try WireToCore.date(p.date, field: "date", default: today)
        let rules = try rules(for: id.cycle)
        let lifecycle = settings.config.reminders.lifecycle
        let now = clock.now()
        let saved: Plan = try writing {
            try store.transaction { tx in
                guard try tx.position(id.position) != nil else {
                    throw VarlinkError(name: KinerjaError.noSuchPlan, parameters: [
                        "plan": .string(id.description), "message": .string(Refusal.text(
                            id: "posisi \(id.position) tidak ada dalam roster", en: "no position \(id.position) in the roster")),
                    ])
                }
                let stored = try tx.storedPlan(id)
                let next = try Office.apply(
                    action, to: stored?.plan ?? Plan(id: id), closure: stored?.closure, lifecycle: lifecycle, on: date, today: today,
                    rules: rules)
                try tx.savePlan(next, due: Office.due(of: next, rules: rules), action: Office.auditAction(action), actor: actor, at: now)
                return next
            }
        }
        changed.poke()
        logger.info("plan changed", metadata: [
            "KINERJA_PLAN": "\(id)", "KINERJA_ACTION": "\(Office.auditAction(action))", "KINERJA_ACTOR": "\(actor.user)",
        ])
        return try detail(of: saved)
    }

    /// Applies an action to a plan of an open cycle, turning the domain's refusal into the
    /// interface's error, worded in the office's language.
    static func apply(
        _ action: PlanAction, to plan: Plan, closure: PlanClosure?, lifecycle: CycleLifecycle, on date: LocalDate, today: LocalDate,
        rules: YearRules
    ) throws(VarlinkError) -> Plan {
        do {
            try lifecycle.checkOpen(plan, step: action.step, kept: closure, today: today)
            return try plan.applying(action, on: date, today: today, rules: rules)
        } catch {
            let language = Refusal.language
            throw VarlinkError(name: KinerjaError.transitionRefused, parameters: [
                "plan": .string(error.plan), "step": error.step.map { .string($0.rawValue) } ?? .null,
                "state": .string(error.standing.text(in: language)), "allowed": .array(error.allowed.map { .string($0) }),
                "message": .string(error.message(in: language)),
            ])
        }
    }

    /// `selesai praktik-kinerja`: the audit row's action words.
    static func auditAction(_ action: PlanAction) -> String {
        switch action {
        case .block(let cause, _): return "terblokir \(cause.rawValue)"
        case .unblock: return "dibuka"
        default: return "\(action.verb) \(action.step?.rawValue ?? "")"
        }
    }

    /// Runs a store write, passing interface errors through and reporting any other failure
    /// (disk full, read-only file) as `StoreFailure`: the transaction was rolled back.
    func writing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as VarlinkError {
            throw error
        } catch let error as ImportAbort {
            throw error
        } catch {
            logger.error("store write failed", metadata: ["error": "\(error)"])
            throw Office.storeFailure(error)
        }
    }

    /// Writes a backup into `backups/`, named by the office's time (`BackupDirectory`).
    func backup() throws -> BackupInfo {
        let stamp = clock.now().formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)-\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)",
            timeZone: calendar.timeZone, calendar: Calendar(identifier: .gregorian)))
        let info = try backups.write(stamp: stamp) { partial in try writing { try store.backup(to: partial) } }
        logger.notice("backup written", metadata: ["KINERJA_BACKUP": "\(info.path)"])
        return info
    }

    /// Where backups are written and read.
    var backups: BackupDirectory { BackupDirectory(stateDirectory: settings.config.stateDirectory) }
}
