/// A signal an office wants to see about a plan (DOMAIN.md, last section).
public enum PlanFlag: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Blocked by a precondition someone else owns (see the block's cause).
    case blocked
    /// The current step is past its deadline.
    case overdue
    /// The planning deadline has passed and the plan is still not submitted.
    case notSubmitted = "not-submitted"
    /// The plan was submitted after the planning deadline.
    case lateSubmission = "late-submission"
    /// Pendampingan ran, or is running, longer than the recommended maximum.
    case pendampinganOverran = "pendampingan-overran"
    /// Pendampingan was closed before the recommended minimum.
    case pendampinganTooShort = "pendampingan-too-short"
    /// A principal waits for the supervisor to observe.
    case awaitingObservation = "awaiting-observation"
    /// The year's rules advise something about the recorded choices (`PlanAdvice`: fewer
    /// RHK points than the minimum, an advised choice left out): to discuss with the atasan.
    case advice
    /// The cycle closed before the plan was complete: its final standing is the step it
    /// reached, "tidak selesai" (`CycleLifecycle`). It replaces overdue, blocked and
    /// not-submitted, which speak of something still to be done.
    case tidakSelesai = "tidak-selesai"

    public static func < (a: PlanFlag, b: PlanFlag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
