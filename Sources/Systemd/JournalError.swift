#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A journal write that did not happen.
///
/// Why a dedicated error with the errno: callers such as the reminder code
/// want to distinguish "journald is not running" (`ENOENT`, `ECONNREFUSED`)
/// from a malformed entry (`EINVAL`) and log or retry accordingly.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The positive errno value, e.g. `ENOENT` when the journal socket is missing.
    public let code: Int32
    /// What was being attempted, for humans.
    public let detail: String

    public init(code: Int32, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        "\(detail): \(String(cString: strerror(code))) (errno \(code))"
    }
}
