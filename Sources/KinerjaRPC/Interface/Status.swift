/// Counts of the current cycle (IDL type `Counts`).
public struct Counts: Codable, Sendable, Hashable {
    public var people, kepalaSekolah, pengawasSekolah, plans, complete, blocked, overdue: Int

    public init(people: Int, kepalaSekolah: Int, pengawasSekolah: Int, plans: Int, complete: Int, blocked: Int, overdue: Int) {
        self.people = people
        self.kepalaSekolah = kepalaSekolah
        self.pengawasSekolah = pengawasSekolah
        self.plans = plans
        self.complete = complete
        self.blocked = blocked
        self.overdue = overdue
    }
}

/// The daemon's state (IDL type `Status`).
public struct Status: Codable, Sendable, Hashable {
    public var version, startedAt, now: String
    public var uptimeSeconds: Int
    public var clockOverridden: Bool
    /// Seconds of the daemon's time per real second under `--clock-rate`; nil at real speed.
    public var clockRate: Int?
    public var timezone, language, today, currentCycle, storePath: String
    public var storeBytes: Int
    public var rulesYears: [Int]
    public var counts: Counts
    public var remindersFired, remindersMissed, remindersSilenced, remindersUncertain, deliveriesFailed: Int
    /// Stages 1–2 of the current cycle, when the office tracks them.
    public var preconditions: PreconditionCounts?

    public init(
        version: String, startedAt: String, now: String, uptimeSeconds: Int, clockOverridden: Bool,
        timezone: String, language: String, today: String, currentCycle: String, storePath: String,
        storeBytes: Int, rulesYears: [Int], counts: Counts,
        remindersFired: Int = 0, remindersMissed: Int = 0, remindersSilenced: Int = 0, remindersUncertain: Int = 0, deliveriesFailed: Int = 0,
        clockRate: Int? = nil, preconditions: PreconditionCounts? = nil
    ) {
        self.preconditions = preconditions
        self.clockRate = clockRate
        self.remindersFired = remindersFired
        self.remindersMissed = remindersMissed
        self.remindersSilenced = remindersSilenced
        self.remindersUncertain = remindersUncertain
        self.deliveriesFailed = deliveriesFailed
        self.version = version
        self.startedAt = startedAt
        self.now = now
        self.uptimeSeconds = uptimeSeconds
        self.clockOverridden = clockOverridden
        self.timezone = timezone
        self.language = language
        self.today = today
        self.currentCycle = currentCycle
        self.storePath = storePath
        self.storeBytes = storeBytes
        self.rulesYears = rulesYears
        self.counts = counts
    }
}

extension Counts: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.people, people)
        object.member(CodingKeys.kepalaSekolah, kepalaSekolah)
        object.member(CodingKeys.pengawasSekolah, pengawasSekolah)
        object.member(CodingKeys.plans, plans)
        object.member(CodingKeys.complete, complete)
        object.member(CodingKeys.blocked, blocked)
        object.member(CodingKeys.overdue, overdue)
    }
}

extension Status: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.version, version)
        object.member(CodingKeys.startedAt, startedAt)
        object.member(CodingKeys.now, now)
        object.member(CodingKeys.uptimeSeconds, uptimeSeconds)
        object.member(CodingKeys.clockOverridden, clockOverridden)
        object.member(CodingKeys.clockRate, clockRate)
        object.member(CodingKeys.preconditions, preconditions)
        object.member(CodingKeys.timezone, timezone)
        object.member(CodingKeys.language, language)
        object.member(CodingKeys.today, today)
        object.member(CodingKeys.currentCycle, currentCycle)
        object.member(CodingKeys.storePath, storePath)
        object.member(CodingKeys.storeBytes, storeBytes)
        object.member(CodingKeys.rulesYears, rulesYears)
        object.member(CodingKeys.counts, counts)
        object.member(CodingKeys.remindersFired, remindersFired)
        object.member(CodingKeys.remindersMissed, remindersMissed)
        object.member(CodingKeys.remindersSilenced, remindersSilenced)
        object.member(CodingKeys.remindersUncertain, remindersUncertain)
        object.member(CodingKeys.deliveriesFailed, deliveriesFailed)
    }
}
