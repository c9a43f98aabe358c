import Hummingbird
import HummingbirdAuth

/// A request's context: Hummingbird's, the session of a signed-in reader (`Access.login`),
/// and the reader's name once access was checked.
public struct WebContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<String>
    /// Who reads: the signed-in name, or the proxy's header; nil on loopback.
    public var reader: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        reader = nil
    }

    /// A login form is small.
    public var maxUploadSize: Int { 16 * 1024 }
}
