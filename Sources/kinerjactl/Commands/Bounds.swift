import ArgumentParser
import KinerjaRPC

/// The interface's bounds (``WireBounds``) checked before a call: a value the daemon would
/// refuse is a usage error here, named as the option is typed.
enum Bounds {
    /// `--limit`: the rows a listing returns at once (`bound`: the method's).
    static func limit(_ value: Int, _ bound: ParameterBound = WireBounds.listLimit) throws {
        guard case .integer(let range) = bound, range.contains(Int64(value)) else {
            throw ValidationError(Language.t("--limit harus antara \(Self.range(bound))", "--limit must be from \(Self.range(bound))"))
        }
    }

    private static func range(_ bound: ParameterBound) -> String {
        guard case .integer(let range) = bound else { return bound.summary }
        return "\(range.lowerBound) \(Language.t("sampai", "to")) \(range.upperBound)"
    }
}
