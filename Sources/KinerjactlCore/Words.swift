/// One text in both languages kinerjactl speaks, written together: Bahasa Indonesia (what a
/// Dinas Pendidikan's staff read, the default) and English (`KINERJA_LANG=en`).
public struct Words: Sendable, Hashable {
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
    public static func joined(_ parts: [Words], separator: Words) -> Words {
        Words(
            parts.map(\.indonesian).joined(separator: separator.indonesian),
            parts.map(\.english).joined(separator: separator.english))
    }

    public static func + (left: Words, right: Words) -> Words {
        Words(left.indonesian + right.indonesian, left.english + right.english)
    }
}
