/// What every route reads from: kinerjad (through kept reads), the feed tokens (nil without a key file: no feeds), the office's name for calendars,
/// and, when set, the address the dashboard is reached at (for the feed links).
public struct WebEnvironment: Sendable {
    public let reads: KeptReads
    public let feeds: FeedTokens?
    public let office: String
    public let publicURL: String?

    public init(reads: KeptReads, feeds: FeedTokens? = nil, office: String = "Kinerja", publicURL: String? = nil) {
        self.reads = reads
        self.feeds = feeds
        self.office = office
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}

/// Why a page cannot be shown.
enum WebError: Error {
    case notFound
}
