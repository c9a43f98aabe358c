import KinerjaCore
import KinerjaStore

/// Why the office refused a call, as the domain says it: the application layer throws
/// these, and only the RPC edge (`WireErrors`) turns them into the interface's named errors,
/// worded in the office's language. An import reports the same refusals line by line, in
/// the same words.
enum OfficeError: Refusal {
    /// A parameter that cannot be read: what it should look like.
    case invalidInput(field: String, Words)
    /// A refusal of the domain (`ActionProblem`, …) about one parameter.
    case refusedInput(field: String, any Refusal)
    case position(PositionProblem)
    /// The plan (or what a call named as one) is not there.
    case noSuchPlan(String, Words)
    case transitionRefused(TransitionError)
    /// An import refused as a whole: its bad lines.
    case importRejected([ImportLineProblem])
    /// The store could not do it (nothing was written).
    case storeFailure(any Error)
    case noSuchSilence(Int)
    case noSuchHook(String)
    case noSuchBackup(String)
    case noSuchUpload(String)

    func message(in language: OfficeLanguage) -> String {
        switch self {
        case .invalidInput(_, let words): return words.message(in: language)
        case .refusedInput(_, let refusal): return refusal.message(in: language)
        case .position(let problem): return problem.message(in: language)
        case .noSuchPlan(_, let words): return words.message(in: language)
        case .transitionRefused(let error): return error.message(in: language)
        case .importRejected(let problems):
            return problems.map { "\($0.line): \($0.problem.message(in: language))" }.joined(separator: "; ")
        case .storeFailure(let error): return (error as? any Refusal)?.message(in: language) ?? "\(error)"
        case .noSuchSilence(let id): return language.text(id: "tidak ada jeda pengingat \(id)", en: "no silence \(id)")
        case .noSuchHook(let name): return language.text(id: "tidak ada hook \(name)", en: "no hook \(name)")
        case .noSuchBackup(let name): return language.text(id: "tidak ada cadangan \(name)", en: "no backup \(name)")
        case .noSuchUpload(let id): return language.text(id: "tidak ada unggahan \(id)", en: "no upload \(id)")
        }
    }
}

/// The same text in both of the office's languages.
struct Words: Refusal {
    let indonesian: String
    let english: String

    init(id indonesian: String, en english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    func message(in language: OfficeLanguage) -> String { language.text(id: indonesian, en: english) }
}

/// One refused line of an import.
struct ImportLineProblem: Sendable {
    let line: Int
    let problem: any Refusal
}
