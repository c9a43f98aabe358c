import HummingbirdBcrypt

/// Who may read the dashboard.
///
/// - `loopback`: no sign-in; kinerja-web listens only on a loopback address, so only
///   people logged in to the server itself (or tunnelled to it) reach it.
/// - `login`: a configured address on the office's network, each reader signing in with a
///   name and password checked against bcrypt hashes (`--users FILE`).
/// - `proxyHeader`: a reverse proxy in front (on the same machine, so kinerja-web still
///   listens on loopback) authenticates people and passes the name in a header; a request
///   without it is refused.
///
/// Calendar feeds never need a sign-in: calendar programs cannot sign in, and each feed's
/// URL carries its own secret (`FeedTokens`).
public enum Access: Sendable {
    case loopback
    case login(Users)
    case proxyHeader(String)
}

/// The readers allowed to sign in: `name:bcrypt-hash` lines (`kinerja-web hash-password`
/// prints a hash), `#` comments and blank lines ignored.
public struct Users: Sendable {
    let hashes: [String: String]

    public init(hashes: [String: String]) { self.hashes = hashes }

    public init(parsing text: String) throws {
        var hashes: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: " \t\r")
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex, line[line.index(after: colon)...].hasPrefix("$2") else {
                throw UsersFileError(line: number + 1)
            }
            hashes[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        self.hashes = hashes
    }

    /// Whether `password` is `name`'s. Costs one bcrypt verification (a quarter of a second
    /// at cost 12) also for an unknown name, so that timing does not tell names apart.
    func verify(name: String, password: String) -> Bool {
        let hash = hashes[name] ?? Users.unknownNameHash
        return Bcrypt.verify(password, hash: hash) && hashes[name] != nil
    }

    private static let unknownNameHash = Bcrypt.hash("kinerja-web: no such reader", cost: 12)
}

/// A users file line that is not `name:bcrypt-hash`.
public struct UsersFileError: Error, CustomStringConvertible {
    let line: Int
    public var description: String { "line \(line): expected name:bcrypt-hash (kinerja-web hash-password prints one)" }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
