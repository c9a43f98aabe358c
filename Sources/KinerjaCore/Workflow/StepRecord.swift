/// What happened at one step of one plan.
public struct StepRecord: Hashable, Sendable, Codable {
    public let step: Step
    /// When the step was started (`mulai`); for steps with a length, their start.
    public var startedOn: LocalDate?
    /// When the step was completed (`selesai`, or `disetujui` for a review).
    public var completedOn: LocalDate?
    public var details: StepDetails?

    public init(step: Step, startedOn: LocalDate? = nil, completedOn: LocalDate? = nil, details: StepDetails? = nil) {
        self.step = step
        self.startedOn = startedOn
        self.completedOn = completedOn
        self.details = details
    }
}

/// A return for revision (dikembalikan): every round is kept.
public struct Revision: Hashable, Sendable, Codable {
    /// The review step that returned the plan (pemeriksaan or persetujuan).
    public let by: Step
    public let on: LocalDate
    public let reason: String

    public init(by: Step, on: LocalDate, reason: String) {
        self.by = by
        self.on = on
        self.reason = reason
    }
}

/// A period in which the plan was blocked; `until` is nil while it still is.
public struct BlockPeriod: Hashable, Sendable, Codable {
    public let cause: BlockCause
    public let note: String?
    public let since: LocalDate
    public var until: LocalDate?

    public init(cause: BlockCause, note: String?, since: LocalDate, until: LocalDate?) {
        self.cause = cause
        self.note = note
        self.since = since
        self.until = until
    }
}
