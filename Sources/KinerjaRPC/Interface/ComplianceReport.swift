/// Compliance of one step (IDL type `StepCompliance`).
public struct StepCompliance: Codable, Sendable, Hashable {
    public var role, step: String
    public var done, onTime, late, overdue, blocked, pending: Int

    public init(role: String, step: String, done: Int = 0, onTime: Int = 0, late: Int = 0, overdue: Int = 0, blocked: Int = 0, pending: Int = 0) {
        self.role = role
        self.step = step
        self.done = done
        self.onTime = onTime
        self.late = late
        self.overdue = overdue
        self.blocked = blocked
        self.pending = pending
    }
}

/// Compliance of a school or a role (IDL type `GroupCompliance`).
public struct GroupCompliance: Codable, Sendable, Hashable {
    public var key: String
    public var name: String?
    public var plans, complete, overdue, blocked, notSubmitted: Int

    public init(key: String, name: String?, plans: Int = 0, complete: Int = 0, overdue: Int = 0, blocked: Int = 0, notSubmitted: Int = 0) {
        self.key = key
        self.name = name
        self.plans = plans
        self.complete = complete
        self.overdue = overdue
        self.blocked = blocked
        self.notSubmitted = notSubmitted
    }
}

/// The compliance report of a cycle (IDL type `Compliance`: the method has the name `ComplianceReport`).
public struct ComplianceReport: Codable, Sendable, Hashable {
    public var cycle, asOf: String
    public var steps: [StepCompliance]
    public var schools, roles: [GroupCompliance]

    public init(cycle: String, asOf: String, steps: [StepCompliance], schools: [GroupCompliance], roles: [GroupCompliance]) {
        self.cycle = cycle
        self.asOf = asOf
        self.steps = steps
        self.schools = schools
        self.roles = roles
    }
}

/// A backup file (IDL type `BackupInfo`).
public struct BackupInfo: Codable, Sendable, Hashable {
    public var name, path: String
    public var bytes: Int

    public init(name: String, path: String, bytes: Int) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }
}

extension StepCompliance: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.role, role)
        object.member(CodingKeys.step, step)
        object.member(CodingKeys.done, done)
        object.member(CodingKeys.onTime, onTime)
        object.member(CodingKeys.late, late)
        object.member(CodingKeys.overdue, overdue)
        object.member(CodingKeys.blocked, blocked)
        object.member(CodingKeys.pending, pending)
    }
}

extension GroupCompliance: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.key, key)
        object.member(CodingKeys.name, name)
        object.member(CodingKeys.plans, plans)
        object.member(CodingKeys.complete, complete)
        object.member(CodingKeys.overdue, overdue)
        object.member(CodingKeys.blocked, blocked)
        object.member(CodingKeys.notSubmitted, notSubmitted)
    }
}
