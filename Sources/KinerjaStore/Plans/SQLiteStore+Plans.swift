import Foundation
import KinerjaCore

/// Plan calls, each in its own transaction (`SQLiteTransaction` holds the SQL).
extension SQLiteStore {
    public func plan(_ id: PlanID) async throws -> StoredPlan? {
        try await reading { try $0.plan(id) }
    }

    public func plans(_ ids: Set<PlanID>) async throws -> [PlanID: StoredPlan] {
        try await reading { try $0.plans(ids) }
    }

    public func planIDs(of person: PersonID) async throws -> [PlanID] {
        try await reading { try $0.planIDs(of: person) }
    }

    public func cycles() async throws -> [CycleID] {
        try await reading { try $0.cycles() }
    }

    public func savePlans(_ saves: [PlanSave], record: ImportRecord?, actor: AuditActor, at: Date) async throws {
        try await writing { try $0.savePlans(saves, record: record, actor: actor, at: at) }
    }

    public func ensurePlans(_ creation: PlanCreation, actor: AuditActor, at: Date) async throws -> Int {
        try await writing { try $0.ensurePlans(creation, actor: actor, at: at) }
    }

    public func rederivePlans(cycle: CycleID, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation) async throws -> Int {
        try await writing { try $0.rederivePlans(cycle: cycle, rules: rules, derive: derive) }
    }

    public func closePlans(
        cycle: CycleID, on day: LocalDate, rules: String, derive: @escaping @Sendable (Plan, PlanClosure?) -> PlanDerivation,
        actor: AuditActor, at: Date
    ) async throws -> Int {
        try await writing { try $0.closePlans(cycle: cycle, on: day, rules: rules, derive: derive, actor: actor, at: at) }
    }

    public func reminderSubjects(cycle: CycleID, person: PersonID?) async throws -> [ReminderSubject] {
        try await reading { try $0.reminderSubjects(cycle: cycle, person: person) }
    }

    public func reminderSubjects(plans: Set<PlanID>) async throws -> [ReminderSubject] {
        try await reading { try $0.reminderSubjects(plans: plans) }
    }

    public func plansChanged(cycle: CycleID, since known: PlanVersions?) async throws -> (changed: Set<PlanID>?, now: PlanVersions) {
        try await reading { try $0.plansChanged(cycle: cycle, since: known) }
    }

    public func reminderSubjectChunks(cycle: CycleID, person: PersonID?, size: Int) -> StoreChunks<ReminderSubject> {
        chunks(size: size) { transaction, each in try transaction.reminderSubjects(cycle: cycle, person: person, each: each) }
    }

    public func choiceCounts(cycle: CycleID) async throws -> ChoiceCounts {
        try await reading { try $0.choiceCounts(cycle: cycle) }
    }

    public func compliance(cycle: CycleID, on today: LocalDate) async throws -> ComplianceCounts {
        try await reading { try $0.compliance(cycle: cycle, on: today) }
    }

    public func stepCompletions(cycle: CycleID, npsn: NPSN?) async throws -> [StepCompletions] {
        try await reading { try $0.stepCompletions(cycle: cycle, npsn: npsn) }
    }
}
