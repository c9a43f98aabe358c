/// The words that name a change to a plan, as an administrator writes them in a progress
/// CSV (`status`, `langkah`, `catatan`) or sends them in a `Transition` call (`action`,
/// `step`, `cause`, `note`): one reading of them for both, so that what one refuses the
/// other refuses too.
public enum ActionWords {
    /// The verbs, in the order an office meets them.
    public static let verbs = ["mulai", "selesai", "disetujui", "dikembalikan", "terblokir", "dibuka"]

    /// The action `verb` names. `step` is required by every verb but `terblokir` and
    /// `dibuka`; `cause` (a `BlockCause` id, `lainnya` when absent) only by `terblokir`;
    /// `note` is the reason of `dikembalikan` (required) and the block's note; `details` go
    /// with `selesai` and `disetujui`.
    public static func action(
        verb: String, step: Step?, cause: String?, note: String?, details: StepDetails = .none
    ) throws(ActionProblem) -> PlanAction {
        func required() throws(ActionProblem) -> Step {
            guard let step else { throw .stepNeeded(verb: verb) }
            return step
        }
        switch verb {
        case "mulai": return .start(try required())
        case "selesai", "disetujui": return .complete(try required(), details)
        case "dikembalikan":
            guard let reason = note, !reason.isEmpty else { throw .reasonNeeded }
            return .returnForRevision(try required(), reason: reason)
        case "terblokir": return .block(try blockCause(cause), note: note)
        case "dibuka": return .unblock
        default: throw .unknownVerb(verb)
        }
    }

    /// The step a step id names (any case).
    public static func step(_ text: String) throws(ActionProblem) -> Step {
        guard let step = Step(rawValue: text.lowercased()) else { throw .unknownStep(text) }
        return step
    }

    /// The cause a cause id names; no cause is `lainnya`. An unknown cause is refused, not
    /// taken as `lainnya`: "RHK atasan" is a typo of `rhk-atasan`, and a block under the
    /// wrong cause reminds the wrong person.
    public static func blockCause(_ text: String?) throws(ActionProblem) -> BlockCause {
        guard let text, !text.isEmpty else { return .lainnya }
        guard let cause = BlockCause(rawValue: text.lowercased()) else { throw .unknownCause(text) }
        return cause
    }
}

/// Why the words of a change name no change.
public enum ActionProblem: Refusal, Hashable {
    case unknownVerb(String)
    case stepNeeded(verb: String)
    case unknownStep(String)
    /// `dikembalikan` without a reason.
    case reasonNeeded
    case unknownCause(String)

    /// The part of the request that is wrong, as a `Transition` call names it.
    public var field: String {
        switch self {
        case .unknownVerb: return "action"
        case .stepNeeded, .unknownStep: return "step"
        case .reasonNeeded: return "note"
        case .unknownCause: return "cause"
        }
    }

    public func message(in language: OfficeLanguage) -> String {
        switch self {
        case .unknownVerb(let verb):
            let verbs = ActionWords.verbs.joined(separator: ", ")
            return language.text(id: "'\(verb)' tidak dikenal; gunakan \(verbs)", en: "'\(verb)' is unknown; use \(verbs)")
        case .stepNeeded(let verb):
            return language.text(id: "\(verb) memerlukan langkah", en: "\(verb) needs a step")
        case .unknownStep(let text):
            let steps = Step.allCases.map(\.rawValue).joined(separator: ", ")
            return language.text(id: "langkah '\(text)' tidak dikenal; langkah yang ada: \(steps)", en: "step '\(text)' is unknown; steps: \(steps)")
        case .reasonNeeded:
            return language.text(id: "dikembalikan memerlukan alasan (catatan)", en: "dikembalikan needs the reason (a note)")
        case .unknownCause(let text):
            let causes = BlockCause.allCases.map(\.rawValue).joined(separator: ", ")
            return language.text(
                id: "penyebab blokir '\(text)' tidak dikenal; gunakan \(causes)", en: "block cause '\(text)' is unknown; use \(causes)")
        }
    }
}
