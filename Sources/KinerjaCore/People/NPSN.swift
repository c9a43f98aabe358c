import Foundation

/// A school's NPSN (Nomor Pokok Sekolah Nasional): eight characters, digits, the first
/// possibly a capital letter (some regions issue such numbers).
public struct NPSN: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates `text`, or returns nil when it is not an NPSN.
    public init?(_ text: String) {
        // Eight ASCII bytes, the form every file has: checked byte by byte, no copy made
        // unless a letter is lower case.
        if text.utf8.count == 8 {
            var bytes = text.utf8.makeIterator()
            let first = bytes.next()!
            let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            let isUpper = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
            let isLower = first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
            if isDigit(first) || isUpper || isLower {
                while let b = bytes.next() { guard isDigit(b) else { return nil } }
                rawValue = isLower ? text.uppercased() : text
                return
            }
        }
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
