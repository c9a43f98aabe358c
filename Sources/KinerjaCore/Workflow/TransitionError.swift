/// A refused change to a plan. It names the plan, the step, where the plan stands and
/// what would be accepted instead, because the person reading it is an administrator
/// fixing a CSV row or a command, not a developer.
public struct TransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The step is not part of this role's workflow.
        case stepNotInWorkflow
        /// The step is not the one the plan is at.
        case notCurrentStep
        /// The plan was submitted and its planning steps are frozen.
        case frozen(submittedOn: LocalDate)
        /// The plan is blocked and only `unblock` is possible.
        case blocked(BlockCause)
        /// `unblock` on a plan that is not blocked.
        case notBlocked
        /// Only review steps can be returned for revision.
        case notReviewStep
        /// `mulai` on a step that was already started.
        case alreadyStarted(on: LocalDate)
        /// `mulai` on a step without a length of its own.
        case cannotStart
        /// Every step is done.
        case planComplete
        /// The date is before the previous event, the cycle's start, or after today.
        case badDate(String)
        /// The details break the year's rules.
        case invalidDetails(String)
    }

    /// The plan, as `CYCLE/ID/ks@NPSN` or `CYCLE/ID/ps`.
    public let plan: String
    public let step: Step?
    /// Where the plan stands, e.g. `at praktik-kinerja`, `blocked (rhk-atasan)`, `complete`.
    public let state: String
    /// What would be accepted now, e.g. `selesai praktik-kinerja`.
    public let allowed: [String]
    public let reason: Reason

    public var description: String {
        let what: String
        switch reason {
        case .stepNotInWorkflow: what = "step '\(step?.rawValue ?? "-")' is not part of this role's workflow"
        case .notCurrentStep: what = "step '\(step?.rawValue ?? "-")' is not the current step"
        case .frozen(let day): what = "the plan was submitted on \(day) and can no longer be changed"
        case .blocked(let cause): what = "the plan is blocked (\(cause.rawValue)); unblock it first"
        case .notBlocked: what = "the plan is not blocked"
        case .notReviewStep: what = "only pemeriksaan and persetujuan can return a plan for revision"
        case .alreadyStarted(let day): what = "step '\(step?.rawValue ?? "-")' already started on \(day)"
        case .cannotStart: what = "only pendampingan and upaya-tindak-lanjut are started (mulai); complete '\(step?.rawValue ?? "-")' with selesai"
        case .planComplete: what = "every step of the plan is done"
        case .badDate(let why): what = why
        case .invalidDetails(let why): what = why
        }
        let options = allowed.isEmpty ? "nothing" : allowed.joined(separator: ", ")
        return "plan \(plan): \(what) (state: \(state); allowed: \(options))"
    }
}
