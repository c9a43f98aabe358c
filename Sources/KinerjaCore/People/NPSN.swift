import Foundation

/// A school's NPSN (Nomor Pokok Sekolah Nasional): eight characters, digits, the first
/// possibly a capital letter (some regions issue such numbers).
public struct NPSN: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates `text`, or returns nil when it is not an NPSN.
    public init?(_ text: String) {
        let t = text.trimmedOfWhitespace().uppercased()
        let chars = Array(t)
        guard chars.count == 8, chars[0].isASCII, chars[0].isNumber || chars[0].isLetter,
              chars.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        rawValue = t
    }

    public init(trusted rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: NPSN, b: NPSN) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
