import ArgumentParser
import KinerjaVocabulary
import KinerjactlCore

extension Language {
    /// The words in kinerjactl's language.
    static func t(_ words: Bilingual) -> String { words.text(english: english) }
}

extension ArgumentHelp {
    /// A help text, and the placeholder of its value, in kinerjactl's language.
    static func text(_ indonesian: String, _ english: String, value: Bilingual? = nil) -> ArgumentHelp {
        ArgumentHelp(Language.t(indonesian, english), valueName: value.map(Language.t))
    }
}

/// Runs `validate()`'s syntax checks: a value refused there is ArgumentParser's usage error
/// (exit 2), its message in kinerjactl's language.
func checked(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let problem as ArgumentProblem {
        throw ValidationError(Language.t(problem.words))
    }
}
