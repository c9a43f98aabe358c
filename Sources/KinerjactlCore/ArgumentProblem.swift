/// A value kinerjactl refuses before any call (a usage error, exit 2): what was typed, where,
/// and what is accepted, in both languages.
public struct ArgumentProblem: Error, Sendable, Hashable {
    public let words: Words

    public init(_ words: Words) { self.words = words }
}
