import KinerjaCore
import Synchronization

/// The language of the daemon's refusal texts (the `message` of its errors, the lines of a
/// rejected import): the office's `language` from kinerja.toml, so that kinerjactl and any
/// other client show the office's language end to end. Process-wide, because refusals are
/// also built by static parsers and by code with no office at hand (uploads); `Office` sets
/// it whenever settings are loaded or reloaded.
enum Refusal {
    private static let current = Mutex(OfficeLanguage.indonesian)

    static var language: OfficeLanguage {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// The text in the office's language, of the same text in both.
    static func text(id indonesian: String, en english: String) -> String {
        language.text(id: indonesian, en: english)
    }
}
