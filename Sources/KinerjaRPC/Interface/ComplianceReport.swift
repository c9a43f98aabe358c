/// Compliance of one step (IDL type `StepCompliance`).
public struct StepCompliance: Codable, Sendable, Hashable {
    public var role, step: String
    public var done, onTime, late, overdue, blocked, pending: Int
    /// Plans the closed cycle left at this step ("tidak selesai").
    public var unfinished: Int

    public init(
        role: String, step: String, done: Int = 0, onTime: Int = 0, late: Int = 0, overdue: Int = 0, blocked: Int = 0, pending: Int = 0,
        unfinished: Int = 0
    ) {
        self.unfinished = unfinished
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
    /// Plans the closed cycle left unfinished ("tidak selesai").
    public var unfinished: Int

    public init(
        key: String, name: String?, plans: Int = 0, complete: Int = 0, overdue: Int = 0, blocked: Int = 0, notSubmitted: Int = 0,
        unfinished: Int = 0
    ) {
        self.unfinished = unfinished
        self.key = key
        self.name = name
        self.plans = plans
        self.complete = complete
        self.overdue = overdue
        self.blocked = blocked
        self.notSubmitted = notSubmitted
    }
}

/// How many plans recorded one choice or rating at a step (IDL type `ChoiceCount`).
public struct ChoiceCount: Codable, Sendable, Hashable {
    public var role, step, choice, id: String
    public var nama, aspect: String?
    public var plans: Int

    public init(role: String, step: String, choice: String, id: String, nama: String?, aspect: String? = nil, plans: Int) {
        self.aspect = aspect
        self.role = role
        self.step = step
        self.choice = choice
        self.id = id
        self.nama = nama
        self.plans = plans
    }
}

/// The compliance report of a cycle (IDL type `Compliance`: the method has the name `ComplianceReport`).
public struct ComplianceReport: Codable, Sendable, Hashable {
    public var cycle, asOf: String
    public var steps: [StepCompliance]
    public var schools, roles: [GroupCompliance]
    /// What the plans chose and how they were rated.
    public var choices: [ChoiceCount]
    /// Plans with flag advice.
    public var advised: Int
    /// Stages 1–2 of the cycle, when the office tracks them.
    public var preconditions: PreconditionCounts?

    public init(
        cycle: String, asOf: String, steps: [StepCompliance], schools: [GroupCompliance], roles: [GroupCompliance],
        choices: [ChoiceCount] = [], advised: Int = 0, preconditions: PreconditionCounts? = nil
    ) {
        self.preconditions = preconditions
        self.choices = choices
        self.advised = advised
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
        object.member(CodingKeys.unfinished, unfinished)
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
        object.member(CodingKeys.unfinished, unfinished)
    }
}

extension StepCompliance: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var role, step: String?
        var done, onTime, late, overdue, blocked, pending, unfinished: Int?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .role?: role = try parser.readString()
            case .step?: step = try parser.readString()
            case .done?: done = try parser.readInt()
            case .onTime?: onTime = try parser.readInt()
            case .late?: late = try parser.readInt()
            case .overdue?: overdue = try parser.readInt()
            case .blocked?: blocked = try parser.readInt()
            case .pending?: pending = try parser.readInt()
            case .unfinished?: unfinished = try parser.readInt()
            case nil: try parser.skipValue()
            }
        }
        self.init(
            role: try parser.required(role, CodingKeys.role), step: try parser.required(step, CodingKeys.step),
            done: try parser.required(done, CodingKeys.done), onTime: try parser.required(onTime, CodingKeys.onTime),
            late: try parser.required(late, CodingKeys.late), overdue: try parser.required(overdue, CodingKeys.overdue),
            blocked: try parser.required(blocked, CodingKeys.blocked), pending: try parser.required(pending, CodingKeys.pending),
            unfinished: try parser.required(unfinished, CodingKeys.unfinished))
    }
}

extension GroupCompliance: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var key, name: String?
        var plans, complete, overdue, blocked, notSubmitted, unfinished: Int?
        try parser.forEachMember { member, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: member) {
            case .key?: key = try parser.readString()
            case .name?: name = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .plans?: plans = try parser.readInt()
            case .complete?: complete = try parser.readInt()
            case .overdue?: overdue = try parser.readInt()
            case .blocked?: blocked = try parser.readInt()
            case .notSubmitted?: notSubmitted = try parser.readInt()
            case .unfinished?: unfinished = try parser.readInt()
            case nil: try parser.skipValue()
            }
        }
        self.init(
            key: try parser.required(key, CodingKeys.key), name: name, plans: try parser.required(plans, CodingKeys.plans),
            complete: try parser.required(complete, CodingKeys.complete), overdue: try parser.required(overdue, CodingKeys.overdue),
            blocked: try parser.required(blocked, CodingKeys.blocked), notSubmitted: try parser.required(notSubmitted, CodingKeys.notSubmitted),
            unfinished: try parser.required(unfinished, CodingKeys.unfinished))
    }
}

extension ComplianceReport: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var cycle, asOf: String?
        var steps: [StepCompliance]?
        var schools, roles: [GroupCompliance]?
        var choices: [ChoiceCount] = []
        var advised = 0
        var preconditions: PreconditionCounts?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .preconditions?:
                preconditions = try parser.readOptional { parser throws(JSONParsingError) in try PreconditionCounts(reading: &parser) }
            case .choices?: choices = try parser.readArray(of: ChoiceCount.self)
            case .advised?: advised = try parser.readInt()
            case .cycle?: cycle = try parser.readString()
            case .asOf?: asOf = try parser.readString()
            case .steps?: steps = try parser.readArray(of: StepCompliance.self)
            case .schools?: schools = try parser.readArray(of: GroupCompliance.self)
            case .roles?: roles = try parser.readArray(of: GroupCompliance.self)
            case nil: try parser.skipValue()
            }
        }
        self.init(
            cycle: try parser.required(cycle, CodingKeys.cycle), asOf: try parser.required(asOf, CodingKeys.asOf),
            steps: try parser.required(steps, CodingKeys.steps), schools: try parser.required(schools, CodingKeys.schools),
            roles: try parser.required(roles, CodingKeys.roles), choices: choices, advised: advised, preconditions: preconditions)
    }
}

extension ChoiceCount: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var role, step, choice, id, nama, aspect: String?
        var plans: Int?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .role?: role = try parser.readString()
            case .step?: step = try parser.readString()
            case .choice?: choice = try parser.readString()
            case .id?: id = try parser.readString()
            case .nama?: nama = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .aspect?: aspect = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .plans?: plans = try parser.readInt()
            case nil: try parser.skipValue()
            }
        }
        self.init(
            role: try parser.required(role, CodingKeys.role), step: try parser.required(step, CodingKeys.step),
            choice: try parser.required(choice, CodingKeys.choice), id: try parser.required(id, CodingKeys.id), nama: nama, aspect: aspect,
            plans: try parser.required(plans, CodingKeys.plans))
    }
}
