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
    public init(validating text: String, kepegawaian: Kepegawaian? = nil) throws(PersonIDError) {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { throw .empty }
        guard compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw .invalidCharacters(text)
        }
        // A NIP written with dots or dashes, or one digit short or long, is a typo of a NIP,
        // not another person: inferring "non-ASN" would silently split one person in two.
        let digitsOnly = compact.filter { $0 != "." && $0 != "-" }
        let looksLikeNIP = digitsOnly.allSatisfy(\.isNumber) && (17...19).contains(digitsOnly.count)
        let allDigits = compact.allSatisfy(\.isNumber)
        switch kepegawaian ?? (looksLikeNIP ? .pns : .nonAsn) {
        case .pns:
            try PersonID.checkNIP(digitsOnly)
            rawValue = digitsOnly
            return
        case .pppk:
            guard allDigits, compact.count == 18 else { throw .wrongLength(id: compact, length: compact.count) }
        case .nonAsn:
            break
        }
        rawValue = compact
    }

    /// Wraps an id already validated (read back from the store).
    public init(trusted rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: PersonID, b: PersonID) -> Bool { a.rawValue < b.rawValue }

    /// Checks the PNS NIP layout: birth date YYYYMMDD, TMT CPNS YYYYMM, sex digit, serial.
    static func checkNIP(_ nip: String) throws(PersonIDError) {
        let digits = Array(nip)
        guard digits.count == 18, digits.allSatisfy(\.isNumber) else {
            throw .wrongLength(id: nip, length: digits.count)
        }
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        let birthText = String(digits[0..<8])
        guard let birth = LocalDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
              (1900...2100).contains(birth.year)
        else { throw .birthDate(id: nip, digits: birthText) }
        let appointmentYear = number(8..<12), appointmentMonth = number(12..<14)
        guard (1900...2100).contains(appointmentYear), (1...12).contains(appointmentMonth) else {
            throw .appointmentMonth(id: nip, digits: String(digits[8..<14]))
        }
        guard (appointmentYear, appointmentMonth) > (birth.year, birth.month) else {
            throw .appointmentBeforeBirth(id: nip)
        }
        guard digits[14] == "1" || digits[14] == "2" else { throw .sexDigit(id: nip, digit: digits[14]) }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
