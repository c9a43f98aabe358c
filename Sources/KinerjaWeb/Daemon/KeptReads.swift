import FoundationEssentials
import KinerjaRPC
import Synchronization

/// kinerjad's read methods with their answers kept until its data changes.
///
/// Every page begins with `GetDataVersion` (one round trip of tens of microseconds), and
/// reuses an answer only when it was read under the version the daemon reports now: the
/// version moves with every committed write, reload and new day, so a page never shows
/// data from before a change that kinerjad had acknowledged when the page was asked for.
/// An answer read while a change lands is kept under the version seen before it, which the
/// next page finds moved, and so drops. At most `maxAnswers` are kept: past that they are
/// dropped together (a district's pages need a few dozen).
public final class KeptReads: Sendable {
    public let connections: DaemonConnections
    let maxAnswers: Int
    private let kept = Mutex<(version: String, answers: [String: any Sendable])>(("", [:]))

    public init(connections: DaemonConnections, maxAnswers: Int = 512) {
        self.connections = connections
        self.maxAnswers = maxAnswers
    }

    /// The daemon's data version and date now, for one page's reads in `language` (`id`,
    /// `en`): the daemon words its texts (refusals, advice) in the page's language, and an
    /// answer is kept per language.
    public func snapshot(language: String) async throws -> DataSnapshot {
        let now = try await connections.call(Kinerja.GetDataVersion.self)
        kept.withLock { if $0.version != now.version { $0 = (now.version, [:]) } }
        return DataSnapshot(reads: self, version: now.version, today: now.today, language: language)
    }

    func read<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters, version: String) async throws -> M.Result {
        let key = try M.name + "\u{0}" + String(decoding: KeptReads.encoder.encode(parameters), as: UTF8.self)
        if let answer = kept.withLock({ $0.version == version ? $0.answers[key] : nil }) as? M.Result {
            return answer
        }
        let answer = try await connections.call(method, parameters)
        kept.withLock {
            guard $0.version == version else { return }
            if $0.answers.count >= maxAnswers { $0.answers.removeAll() }
            $0.answers[key] = answer
        }
        return answer
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}

/// The reads of one page: all under the data version seen when it began.
public struct DataSnapshot: Sendable {
    let reads: KeptReads
    /// The daemon's data version, and the office's date (`YYYY-MM-DD`) the data is from.
    public let version: String
    public let today: String

    /// The page's language, sent with every read.
    public let language: String

    public func read<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) async throws -> M.Result {
        try await reads.read(method, LanguageParameters.setting(language, in: parameters), version: version)
    }

    public func read<M: VarlinkMethod>(_ method: M.Type) async throws -> M.Result where M.Parameters == LanguageParameters {
        try await read(method, LanguageParameters())
    }
}
