import Crypto
import FoundationEssentials

/// The secret in a calendar feed's URL, derived rather than stored: HMAC-SHA256 of the
/// feed's name (`kantor`, `orang/<id>`) under the office's key file, its first 128 bits in
/// hex. Nothing to keep in a database, the same after a restart, different per feed, and
/// not guessable without the key. Rotating is replacing the key file and restarting: every
/// old URL stops working at once, and the pages show the new ones.
public struct FeedTokens: Sendable {
    private let key: SymmetricKey

    /// A key of at least 16 bytes (e.g. `head -c 32 /dev/urandom > web-feed.key`).
    public init(keyFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw FeedKeyError.unreadable(path) }
        guard data.count >= 16 else { throw FeedKeyError.tooShort(path, data.count) }
        key = SymmetricKey(data: data)
    }

    init(key: [UInt8]) { self.key = SymmetricKey(data: key) }

    public func token(for feed: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("kinerja-web feed\n\(feed)".utf8), using: key)
        return mac.prefix(16).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Whether `token` is `feed`'s, compared in constant time.
    public func accepts(_ token: String, for feed: String) -> Bool {
        let expected = Array(self.token(for: feed).utf8), given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A key file that cannot serve.
public enum FeedKeyError: Error, CustomStringConvertible {
    case unreadable(String)
    case tooShort(String, Int)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read the feed key file \(path)"
        case .tooShort(let path, let count): "the feed key file \(path) holds \(count) bytes; at least 16 are needed (head -c 32 /dev/urandom > \(path))"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
