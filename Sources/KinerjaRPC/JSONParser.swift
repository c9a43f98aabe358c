/// Why JSON text was refused, and where.
struct JSONParsingError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        /// The structure is broken: an unexpected character, an unterminated value, text
        /// after the value, nesting past the limit.
        case syntax
        /// A string's or number's own text is malformed (bad escape, lone surrogate, control
        /// character, invalid UTF-8, leading zero, a number no `Double` can hold). These are
        /// the faults `JSONDecoder` found only when it decoded the value, so a Varlink call
        /// names the field that holds them.
        case content
    }

    var kind: Kind
    /// Byte offset of the fault in the text.
    var offset: Int
    var reason: String
    /// The member of the outermost object whose value holds the fault; `nil` for a fault in
    /// a member name or outside any member.
    var member: String?

    var description: String {
        "\(reason) at byte \(offset)" + (member.map { " (in member \"\($0)\")" } ?? "")
    }
}

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``, for every message the daemon
/// receives: Foundation's `JSONDecoder` scanned the text, then tried each JSON type in turn
/// for every value, and was the largest userland cost of a small call.
///
/// It reads what `JSONDecoder` read into a `JSONValue`, with the same results:
/// - numbers: an integer literal that fits `Int64` is `.int`; any other number is read as the
///   nearest `Double`, and is `.int` (its integer part, exactly) when that `Double` is
///   integral and strictly between -2⁶³ and 2⁶³, else `.double`; one beyond `Double`'s range
///   is an error;
/// - strings: all escapes, surrogate pairs joined; a lone surrogate, a raw control character
///   or invalid UTF-8 is an error;
/// - a repeated member name keeps its first value;
/// - a leading UTF-8 byte order mark is skipped.
///
/// Where it is stricter: a trailing comma in an array or object, which `JSONDecoder`
/// accepted, is an error, as RFC 8259 says.
struct JSONParser {
    /// `JSONDecoder`'s limit: at most this many arrays and objects inside one another.
    static let defaultMaxDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private let maxDepth: Int
    private var index = 0
    private var depth = 0
    private var member: String?

    private init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses `bytes`, which must hold one JSON value and nothing else but whitespace.
    static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth) throws(JSONParsingError) -> JSONValue {
        try read(bytes, maxDepth: maxDepth) { parser throws(JSONParsingError) in try parser.value() }
    }

    /// Reads the one JSON value `bytes` hold with `body`, which must read all of it (see
    /// `JSONParser+Reading.swift`); nothing but whitespace may follow.
    static func read<T>(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth, _ body: (inout JSONParser) throws(JSONParsingError) -> T
    ) throws(JSONParsingError) -> T {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.fault(.syntax, "unexpected end of text") }
        let value = try body(&parser)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.fault(.syntax, "unexpected text after the value") }
        return value
    }

    // MARK: Values

    mutating func value() throws(JSONParsingError) -> JSONValue {
        guard index < bytes.count else { throw fault(.syntax, "unexpected end of text") }
        switch bytes[index] {
        case ASCII.openBrace: return try object()
        case ASCII.openBracket: return try array()
        case ASCII.quote: return .string(try string())
        case ASCII.t:
            try literal("true")
            return .bool(true)
        case ASCII.f:
            try literal("false")
            return .bool(false)
        case ASCII.n:
            try literal("null")
            return .null
        case ASCII.minus, ASCII.zero...ASCII.nine: return try number()
        default: throw fault(.syntax, "unexpected character")
        }
    }

    private mutating func object() throws(JSONParsingError) -> JSONValue {
        // Room for a call's members from the start: growing from empty reallocated twice.
        var members = [String: JSONValue](minimumCapacity: 4)
        try forEachMember { name, parser throws(JSONParsingError) in
            let value = try parser.value()
            // A repeated name keeps its first value, as in `JSONDecoder`.
            if members.index(forKey: name) == nil {
                members[name] = value
            }
        }
        return .object(members)
    }

    private mutating func array() throws(JSONParsingError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { parser throws(JSONParsingError) in elements.append(try parser.value()) }
        return .array(elements)
    }

    /// For the object that starts here: calls `body` with each member's name and the parser
    /// at the member's value, which `body` must read whole (`value()` or a `read…` method).
    mutating func forEachMember(_ body: (String, inout JSONParser) throws(JSONParsingError) -> Void) throws(JSONParsingError) {
        guard peek() == ASCII.openBrace else { throw fault(.content, "expected an object") }
        try enterContainer()
        let outermost = depth == 1
        skipWhitespace()
        if peek() == ASCII.closeBrace { return leaveContainer() }
        while true {
            guard peek() == ASCII.quote else { throw fault(.syntax, "expected a member name") }
            let name = try string()
            skipWhitespace()
            guard peek() == ASCII.colon else { throw fault(.syntax, "expected ':'") }
            index += 1
            skipWhitespace()
            if outermost { member = name }
            guard index < bytes.count else { throw fault(.syntax, "unexpected end of text") }
            try body(name, &self)
            if outermost { member = nil }
            skipWhitespace()
            switch peek() {
            case ASCII.comma:
                index += 1
                skipWhitespace()
            case ASCII.closeBrace:
                return leaveContainer()
            default:
                throw fault(.syntax, "expected ',' or '}'")
            }
        }
    }

    /// For the array that starts here: calls `body` with the parser at each element, which
    /// `body` must read whole.
    mutating func forEachElement(_ body: (inout JSONParser) throws(JSONParsingError) -> Void) throws(JSONParsingError) {
        guard peek() == ASCII.openBracket else { throw fault(.content, "expected an array") }
        try enterContainer()
        skipWhitespace()
        if peek() == ASCII.closeBracket { return leaveContainer() }
        while true {
            guard index < bytes.count else { throw fault(.syntax, "unexpected end of text") }
            try body(&self)
            skipWhitespace()
            switch peek() {
            case ASCII.comma:
                index += 1
                skipWhitespace()
            case ASCII.closeBracket:
                return leaveContainer()
            default:
                throw fault(.syntax, "expected ',' or ']'")
            }
        }
    }

    /// Steps over the opening bracket or brace, refusing nesting past the limit before the
    /// recursion could exhaust the stack.
    private mutating func enterContainer() throws(JSONParsingError) {
        depth += 1
        guard depth <= maxDepth else { throw fault(.syntax, "nested deeper than \(maxDepth) levels") }
        index += 1
    }

    /// Steps over the closing bracket or brace.
    private mutating func leaveContainer() {
        index += 1
        depth -= 1
    }

    mutating func literal(_ word: StaticString) throws(JSONParsingError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fault(.syntax, "unexpected end of text") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fault(.syntax, "unexpected character")
        }
        index += count
    }

    // MARK: Strings

    /// Parses a string starting at its opening quote. Text without escapes, the common case,
    /// becomes a `String` straight from the input bytes.
    mutating func string() throws(JSONParsingError) -> String {
        index += 1
        let start = index
        var nonASCII: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                let text = try makeString(UnsafeRawBufferPointer(rebasing: bytes[start..<index]), ascii: nonASCII < 0x80, at: start)
                index += 1
                return text
            }
            if byte == ASCII.backslash { break }
            if byte < 0x20 { throw fault(.content, "control character in a string") }
            nonASCII |= byte
            index += 1
        }
        guard index < bytes.count else { throw fault(.syntax, "unterminated string") }
        var utf8 = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.quote:
                let text = try makeString(utf8, ascii: false, at: start)
                index += 1
                return text
            case ASCII.backslash:
                try escape(into: &utf8)
            case ..<0x20:
                throw fault(.content, "control character in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw fault(.syntax, "unterminated string")
    }

    private func makeString(_ utf8: some Collection<UInt8>, ascii: Bool, at start: Int) throws(JSONParsingError) -> String {
        if ascii { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw JSONParsingError(kind: .content, offset: start, reason: "invalid UTF-8 in a string", member: member)
        }
        return text
    }

    /// Appends the UTF-8 of the escape sequence at `index` (its backslash).
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONParsingError) {
        index += 1
        guard index < bytes.count else { throw fault(.syntax, "unterminated string") }
        let replacement: UInt8
        switch bytes[index] {
        case ASCII.quote: replacement = ASCII.quote
        case ASCII.backslash: replacement = ASCII.backslash
        case ASCII.slash: replacement = ASCII.slash
        case ASCII.b: replacement = 0x08
        case ASCII.f: replacement = 0x0C
        case ASCII.n: replacement = 0x0A
        case ASCII.r: replacement = 0x0D
        case ASCII.t: replacement = 0x09
        case ASCII.u:
            index += 1
            let scalar = try unicodeEscape()
            utf8.append(contentsOf: UTF8.encode(scalar)!)
            return
        default:
            throw fault(.content, "invalid escape sequence")
        }
        utf8.append(replacement)
        index += 1
    }

    /// The scalar of `XXXX` at `index` (after `\u`), joined with the `\uXXXX` low surrogate
    /// that must follow a high one.
    private mutating func unicodeEscape() throws(JSONParsingError) -> Unicode.Scalar {
        let first = try hexQuad()
        switch first {
        case 0xD800...0xDBFF:
            guard bytes.count - index >= 2, bytes[index] == ASCII.backslash, bytes[index + 1] == ASCII.u else {
                throw fault(.content, "unpaired surrogate in a string")
            }
            index += 2
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw fault(.content, "unpaired surrogate in a string") }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw fault(.content, "unpaired surrogate in a string")
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func hexQuad() throws(JSONParsingError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fault(.syntax, "unterminated string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte - ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault(.content, "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers

    /// Parses `-? int frac? exp?`; see the type's documentation for `.int` against `.double`.
    mutating func number() throws(JSONParsingError) -> JSONValue {
        let start = index
        let negative = bytes[index] == ASCII.minus
        if negative { index += 1 }
        let integerStart = index
        guard index < bytes.count, isDigit(bytes[index]) else { throw fault(.content, "a number needs a digit") }
        if bytes[index] == ASCII.zero, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
            throw fault(.content, "leading zero in a number")
        }
        skipDigits()
        let integerEnd = index
        var fractionEnd = index
        if peek() == ASCII.dot {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fault(.content, "a fraction needs a digit") }
            skipDigits()
            fractionEnd = index
        }
        var exponent = 0
        let hasExponent = peek() == ASCII.e || peek() == ASCII.capitalE
        if hasExponent {
            index += 1
            let negativeExponent = peek() == ASCII.minus
            if negativeExponent || peek() == ASCII.plus { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fault(.content, "an exponent needs a digit") }
            while index < bytes.count, isDigit(bytes[index]) {
                // Beyond a million the value is 0 or infinite either way.
                exponent = min(exponent * 10 + Int(bytes[index] - ASCII.zero), 1_000_000)
                index += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        let digits = Digits(bytes: bytes, integer: integerStart..<integerEnd, fraction: integerEnd < fractionEnd ? integerEnd + 1..<fractionEnd : fractionEnd..<fractionEnd)
        if digits.fraction.isEmpty, !hasExponent, let integer = digits.integerPart(exponent: 0, negative: negative) {
            return .int(integer)
        }
        guard let double = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
              double.isFinite
        else { throw JSONParsingError(kind: .content, offset: start, reason: "number out of range", member: member) }
        if double.rounded(.towardZero) == double, double > -0x1p63, double < 0x1p63,
           let integer = digits.integerPart(exponent: exponent, negative: negative) {
            return .int(integer)
        }
        return .double(double)
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- ASCII.zero < 10 }

    // MARK: Helpers

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    func fault(_ kind: JSONParsingError.Kind, _ reason: String) -> JSONParsingError {
        JSONParsingError(kind: kind, offset: index, reason: reason, member: member)
    }
}

/// The digits of a number's integer and fraction parts, as byte ranges of the text.
private struct Digits {
    let bytes: UnsafeRawBufferPointer
    let integer: Range<Int>
    let fraction: Range<Int>

    /// The integer part of `digits × 10^exponent`, exactly, or `nil` if it overflows `Int64`.
    func integerPart(exponent: Int, negative: Bool) -> Int64? {
        let count = integer.count + fraction.count
        let pointPosition = integer.count + exponent
        var result: Int64 = 0
        var position = 0
        while position < pointPosition {
            let digit: Int64
            if position < count {
                let offset = position < integer.count ? integer.lowerBound + position : fraction.lowerBound + position - integer.count
                digit = Int64(bytes[offset] - ASCII.zero)
            } else if result == 0 {
                break
            } else {
                digit = 0
            }
            // Negative accumulation reaches Int64.min, which positive accumulation cannot.
            let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.subtractingReportingOverflow(digit)
            if overflow || carry { return nil }
            result = sum
            position += 1
        }
        if negative { return result }
        return result == .min ? nil : -result
    }
}

/// The bytes the parser looks for.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let e = UInt8(ascii: "e")
    static let capitalE = UInt8(ascii: "E")
    static let b = UInt8(ascii: "b")
    static let f = UInt8(ascii: "f")
    static let n = UInt8(ascii: "n")
    static let r = UInt8(ascii: "r")
    static let t = UInt8(ascii: "t")
    static let u = UInt8(ascii: "u")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
