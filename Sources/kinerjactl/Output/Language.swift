/// The language of kinerjactl's words: Bahasa Indonesia by default, English with
/// `KINERJA_LANG=en` (the office's staff read Indonesian; developers may not).
enum Language {
    static let english: Bool = {
        guard let value = getenv("KINERJA_LANG") else { return false }
        return String(cString: value).lowercased().hasPrefix("en")
    }()

    /// Picks the Indonesian or English text.
    static func t(_ indonesian: String, _ english: String) -> String { Language.english ? english : indonesian }

    /// The same for text bound for the terminal: what it interpolates is escaped (``TerminalText``).
    static func t(_ indonesian: TerminalText, _ english: TerminalText) -> TerminalText { Language.english ? english : indonesian }
}

#if canImport(Glibc)
import Glibc
#endif
