import KinerjaCore

/// What every page of one request knows: its language, its query (the filters, so that a
/// view can be bookmarked), the signed-in user, and the date its data is from.
struct PageContext: Sendable {
    let words: Words
    let path: String
    /// The query's parameters, decoded, without `lang`.
    let query: [String: String]
    /// Who is signed in (login or the proxy's header); nil on loopback without login.
    let user: String?
    /// Offer a sign-out button (login sessions only).
    let canSignOut: Bool
    /// The route's parameters (`/orang/{id}`), decoded.
    let routeParameters: [String: String]
    /// The request's Host, for absolute links.
    let host: String?

    init(
        path: String, query: [String: String], user: String? = nil, canSignOut: Bool = false,
        routeParameters: [String: String] = [:], host: String? = nil
    ) {
        self.routeParameters = routeParameters
        self.host = host
        words = Words(language: query["lang"] == "en" ? .english : .indonesian)
        self.path = path
        var query = query
        query["lang"] = nil
        self.query = query
        self.user = user
        self.canSignOut = canSignOut
    }

    /// A filter's value; empty counts as absent.
    func filter(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }

    /// `path` with `parameters` (nil or empty values left out) and this page's language.
    func link(_ path: String, _ parameters: [(String, String?)] = []) -> String {
        var pairs = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name, $0) } }
        if words.isEnglish { pairs.append(("lang", "en")) }
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\(URLText.encode($0.0))=\(URLText.encode($0.1))" }.joined(separator: "&")
    }

    /// This page with its filters, some of them changed (nil removes one): sort links,
    /// downloads of the same view, the other language.
    func withQuery(path: String? = nil, _ changes: [String: String?] = [:], english: Bool? = nil) -> String {
        var query = self.query
        for (name, value) in changes { query[name] = value ?? nil }
        var pairs = query.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) }
        if english ?? words.isEnglish { pairs.append(("lang", "en")) }
        let target = path ?? self.path
        guard !pairs.isEmpty else { return target }
        return target + "?" + pairs.map { "\(URLText.encode($0.0))=\(URLText.encode($0.1))" }.joined(separator: "&")
    }
}

/// Percent-encoding of a query's names and values (RFC 3986 unreserved characters kept).
enum URLText {
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return encoded
    }
}
