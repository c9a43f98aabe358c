/// A change to a plan, as an administrator records it (CLI command or progress CSV row).
public enum PlanAction: Hashable, Sendable, Codable {
    /// `mulai`: the step has started (Pendampingan and Upaya have a length that matters).
    case start(Step)
    /// `selesai` / `disetujui`: the step is done, with what was chosen or rated.
    case complete(Step, StepDetails)
    /// `dikembalikan`: a reviewer returns the plan for revision, back to composing.
    case returnForRevision(Step, reason: String)
    /// The plan cannot move until someone else acts.
    case block(BlockCause, note: String?)
    /// The cause of the block is gone.
    case unblock

    /// The step an action is about, if any.
    public var step: Step? {
        switch self {
        case .start(let s), .complete(let s, _), .returnForRevision(let s, _): return s
        case .block, .unblock: return nil
        }
    }

    /// The CSV status word of the action (`selesai`, `mulai`, …).
    public var verb: String {
        switch self {
        case .start: return "mulai"
        case .complete(let s, _): return s.isReview ? "disetujui" : "selesai"
        case .returnForRevision: return "dikembalikan"
        case .block: return "terblokir"
        case .unblock: return "dibuka"
        }
    }
}
