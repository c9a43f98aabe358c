/// The words for one kind of id the daemon sends (a step, a flag, a reminder's state…): the
/// wire keeps its stable kebab-case ids (`--json` prints them unchanged, for scripts), people
/// read words, the same in kinerjactl and kinerja-web. An id the table does not know (a newer
/// daemon's) is shown as itself.
///
/// The ids a table knows are also what kinerjactl accepts where such an id is typed
/// (`--step`, `--cause`, `--role`, `--state`; KinerjactlCore's `ArgumentSyntax`).
public struct Vocabulary: Sendable, ExpressibleByDictionaryLiteral {
    /// The ids, in the order the table lists them (the order help texts name them).
    public let ids: [String]
    private let entries: [String: Bilingual]

    public init(dictionaryLiteral elements: (String, Bilingual)...) {
        ids = elements.map(\.0)
        entries = Dictionary(elements, uniquingKeysWith: { first, _ in first })
    }

    /// The words for `id`; the id itself when the table does not know it.
    public subscript(id: String) -> Bilingual { entries[id] ?? Bilingual(unknown: id) }

    /// True when the table has words for `id`.
    public func knows(_ id: String) -> Bool { entries[id] != nil }

    /// The ids joined for a message: "a, b atau c" / "a, b or c".
    public var idList: Bilingual { Vocabulary.list(ids) }

    /// `items` joined for a message: "a, b atau c" / "a, b or c".
    public static func list(_ items: [String]) -> Bilingual {
        guard let last = items.last else { return Bilingual("", "") }
        guard items.count > 1 else { return Bilingual(last, last) }
        let head = items.dropLast().joined(separator: ", ")
        return Bilingual("\(head) atau \(last)", "\(head) or \(last)")
    }
}
