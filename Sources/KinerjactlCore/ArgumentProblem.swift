import KinerjaVocabulary
/// A value kinerjactl refuses before any call (a usage error, exit 2): what was typed, where,
/// and what is accepted, in both languages.
public struct ArgumentProblem: Error, Sendable, Hashable {
    public let words: Bilingual

    public init(_ words: Bilingual) { self.words = words }
}
