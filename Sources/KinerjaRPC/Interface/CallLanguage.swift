/// The language the caller reads, `id` or `en`: every method of `id.kinerja.Kinerja`
/// takes it as its optional `language` parameter, and the daemon words its refusals and
/// the texts of its replies in it (kinerja.toml's `language` when absent). Each method's
/// parameters carry it, so that a call means the same on any connection and a one-shot
/// client (`varlinkctl call`) can send it too; `VarlinkClient.language` fills it in for a
/// client that speaks one language.
public protocol LanguageCarrying {
    var language: String? { get set }
}

/// The parameters of a method that takes nothing but the caller's language.
public struct LanguageParameters: Codable, Sendable, Hashable, LanguageCarrying {
    public var language: String?
    public init(language: String? = nil) { self.language = language }
}

extension LanguageParameters {
    /// `parameters` with `language` set, when they carry one and left it unset; as they are
    /// otherwise.
    public static func setting<P>(_ language: String?, in parameters: P) -> P {
        guard let language, var carrying = parameters as? any LanguageCarrying, carrying.language == nil else { return parameters }
        carrying.language = language
        return carrying as? P ?? parameters
    }
}
