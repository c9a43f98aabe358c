import KinerjaCore
import KinerjaRPC

/// The language of the call being served: the `language` its client sent (every method of
/// the interface takes one, `LanguageCarrying`), for as long as the call runs. The office's
/// words (refusals, an import's row problems and warnings, advice, a preview's messages) are
/// in it; work that is no call's (the scheduler's reminders, the journal) stays in
/// kinerja.toml's language. Scoped to the call's task, not kept anywhere.
enum CallLanguage {
    @TaskLocal static var current: OfficeLanguage?

    /// The language `parameters` ask for: nil when they do not say; a language other than
    /// `id` or `en` is refused (InvalidInput, worded in `office`'s language).
    static func asked<P>(by parameters: P, office: OfficeLanguage) throws -> OfficeLanguage? {
        guard let text = (parameters as? any LanguageCarrying)?.language else { return nil }
        guard let language = OfficeLanguage(rawValue: text.lowercased()) else {
            let refusal = OfficeError.invalidInput(field: "language", Words(
                id: "bahasa '\(text)' tidak dikenal; gunakan \"id\" (Bahasa Indonesia) atau \"en\"",
                en: "language '\(text)' is unknown; use \"id\" (Bahasa Indonesia) or \"en\""))
            throw WireErrors.varlink(refusal, language: office) ?? refusal
        }
        return language
    }
}
