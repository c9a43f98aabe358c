/// One text in both languages Kinerja's clients speak, written together: Bahasa Indonesia
/// (what a Dinas Pendidikan's staff read, the default) and English (kinerjactl's
/// `KINERJA_LANG=en`, kinerja-web's `?lang=en`).
public struct Bilingual: Sendable, Hashable {
    public let indonesian: String
    public let english: String

    public init(_ indonesian: String, _ english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    /// An id no table knows (a newer daemon's): shown as itself, in either language.
    public init(unknown id: String) { self.init(id, id) }

    public func text(english: Bool) -> String { english ? self.english : indonesian }

    /// The two texts side by side, each joined with its own separator.
    public static func joined(_ parts: [Bilingual], separator: Bilingual) -> Bilingual {
        Bilingual(
            parts.map(\.indonesian).joined(separator: separator.indonesian),
            parts.map(\.english).joined(separator: separator.english))
    }

    public static func + (left: Bilingual, right: Bilingual) -> Bilingual {
        Bilingual(left.indonesian + right.indonesian, left.english + right.english)
    }
}
