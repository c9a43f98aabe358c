/// The language of the texts an office reads: Bahasa Indonesia (the default, what a Dinas
/// Pendidikan's staff read) or English (`language = "en"` in kinerja.toml). The core builds
/// no I/O, so it keeps refusals structured and renders them in the language asked for.
public enum OfficeLanguage: String, Sendable, CaseIterable {
    case indonesian = "id"
    case english = "en"

    /// The text in this language, of the same text in both.
    public func text(id indonesian: String, en english: String) -> String {
        self == .english ? english : indonesian
    }
}
