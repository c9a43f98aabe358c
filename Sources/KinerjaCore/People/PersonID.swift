/// The id of a person: a NIP for a civil servant, any unique id otherwise.
///
/// The id never *requires* a NIP, because some principals are not civil servants; but
/// when the person is a PNS, the NIP structure (Perka BKN 22/2007) is checked, because a
/// mistyped NIP silently splits one person into two.
public struct PersonID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Normalises (drops the spaces people type inside a NIP) and validates `text` for a
    /// person of the given employment status; `nil` status means "infer": 18 digits are
    /// taken as a PNS NIP.
    /// Checked byte by byte: a valid id is ASCII once its spaces are gone, and Character's
    /// Unicode properties were a third of parsing a country's roster.
    public init(validating text: String, kepegawaian: Kepegawaian? = nil) throws(PersonIDError) {
        let compact = PersonID.droppingWhitespace(text)
        guard !compact.isEmpty else { throw .empty }
        // One pass over the bytes: an import validates one id per line.
        let length = compact.utf8.count
        guard length <= PersonID.maxBytes else { throw .tooLong(length: length) }
        var digits = 0, separators = 0
        for byte in compact.utf8 {
            if PersonID.isASCIIDigit(byte) {
                digits += 1
            } else if byte == .dot || byte == .dash {
                separators += 1
            } else if !(PersonID.isASCIILetter(byte) || byte == .underscore) {
                throw .invalidCharacters(text)
            }
        }
        // A NIP written with dots or dashes, or one digit short or long, is a typo of a NIP,
        // not another person: inferring "non-ASN" would silently split one person in two.
        let looksLikeNIP = digits + separators == length && (17...19).contains(digits)
        let allDigits = digits == length
        switch kepegawaian ?? (looksLikeNIP ? .pns : .nonAsn) {
        case .pns:
            let nip = separators == 0 ? compact : String(decoding: compact.utf8.filter { $0 != .dot && $0 != .dash }, as: UTF8.self)
            try PersonID.checkNIP(nip)
            rawValue = nip
            return
        case .pppk:
            guard allDigits, length == 18 else { throw .wrongLength(id: compact, length: length) }
        case .nonAsn:
            break
        }
        rawValue = compact
    }

    /// `text` without any whitespace; byte by byte when it is all ASCII.
    private static func droppingWhitespace(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.filter { !$0.isWhitespace } }
        guard text.utf8.contains(where: \.isASCIIWhitespace) else { return text }
        return String(decoding: text.utf8.filter { !$0.isASCIIWhitespace }, as: UTF8.self)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Wraps an id already validated (read back from the store).
    public init(trusted rawValue: String) { self.rawValue = rawValue }

    /// The longest id, in (ASCII) characters: a NIP has 18; another unique id, an office's own
    /// numbering, far fewer than this.
    public static let maxBytes = 64

    public var description: String { rawValue }

    public static func < (a: PersonID, b: PersonID) -> Bool { a.rawValue < b.rawValue }

    /// Checks the PNS NIP layout: birth date YYYYMMDD, TMT CPNS YYYYMM, sex digit, serial.
    static func checkNIP(_ nip: String) throws(PersonIDError) {
        let digits = Array(nip.utf8)
        guard digits.count == 18, digits.allSatisfy(isASCIIDigit) else {
            throw .wrongLength(id: nip, length: nip.count)
        }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        func text(_ range: Range<Int>) -> String { String(decoding: digits[range], as: UTF8.self) }
        guard let birth = LocalDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
              (1900...2100).contains(birth.year)
        else { throw .birthDate(id: nip, digits: text(0..<8)) }
        let appointmentYear = number(8..<12), appointmentMonth = number(12..<14)
        guard (1900...2100).contains(appointmentYear), (1...12).contains(appointmentMonth) else {
            throw .appointmentMonth(id: nip, digits: text(8..<14))
        }
        guard (appointmentYear, appointmentMonth) > (birth.year, birth.month) else {
            throw .appointmentBeforeBirth(id: nip)
        }
        guard digits[14] == UInt8(ascii: "1") || digits[14] == UInt8(ascii: "2") else {
            throw .sexDigit(id: nip, digit: Character(Unicode.Scalar(digits[14])))
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

private extension UInt8 {
    static let dot = UInt8(ascii: "."), underscore = UInt8(ascii: "_"), dash = UInt8(ascii: "-")
}
