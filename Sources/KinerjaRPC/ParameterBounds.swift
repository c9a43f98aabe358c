/// The documented bound of one call parameter: how long a text, how large a number, how
/// many elements a list may be. Each method declares the bound of every parameter it takes
/// (``VarlinkBoundedMethod``), the IDL's comments state the same bound, and the server
/// checks a call against them before any handler runs: a parameter out of bounds is
/// answered `org.varlink.service.InvalidParameter` naming it, so no handler ever sees a
/// negative limit, a 100,000-character id or a century-long preview.
///
/// A value of another JSON type than the bound expects is left to decoding, which names the
/// parameter too.
public indirect enum ParameterBound: Sendable, Hashable {
    /// A string of at most `maxBytes` UTF-8 bytes.
    case text(maxBytes: Int)
    /// A whole number in `range`.
    case integer(ClosedRange<Int64>)
    /// `true` or `false`: nothing to bound.
    case flag
    /// A list of at most `maxCount` elements, each within `element`.
    case list(maxCount: Int, element: ParameterBound)
    /// A map of at most `maxCount` entries, keys of at most `keyBytes` bytes, values within `value`.
    case map(maxCount: Int, keyBytes: Int, value: ParameterBound)
    /// An object whose members are within their bounds.
    case object([String: ParameterBound])

    /// The largest JSON-safe integer (2^53 − 1): what a Varlink client in any language can hold.
    public static let maxSafeInteger: Int64 = 9_007_199_254_740_991
}

/// The bounds of one method's parameters, and what they must satisfy together.
public struct ParameterBounds: Sendable, Hashable {
    /// Every parameter the method takes, with its bound.
    public var parameters: [String: ParameterBound]
    /// Two date parameters at most this far apart.
    public var span: DaySpan?

    /// Two date parameters (`YYYY-MM-DD`) at most `maxDays` days apart: the span a caller may
    /// ask about at once; `narrowedBy`, when the call gives that parameter, allows
    /// `narrowedDays` (a question about one person costs a fraction of one about everyone).
    /// Out of it, the `to` parameter is named.
    public struct DaySpan: Sendable, Hashable {
        public var from: String
        public var to: String
        public var maxDays: Int
        public var narrowedBy: String?
        public var narrowedDays: Int

        public init(from: String, to: String, maxDays: Int, narrowedBy: String? = nil, narrowedDays: Int = 0) {
            self.from = from
            self.to = to
            self.maxDays = maxDays
            self.narrowedBy = narrowedBy
            self.narrowedDays = narrowedDays
        }

        /// The days allowed for a call with these parameters.
        func days(for values: [String: JSONValue]) -> Int {
            guard let narrowedBy, let value = values[narrowedBy], !value.isNull else { return maxDays }
            return max(maxDays, narrowedDays)
        }
    }

    /// Parameters every method of the interface takes, whose bound the interface's header
    /// states once rather than each method's comment (`id.kinerja.Kinerja`'s `language`).
    public var shared: Set<String>

    public init(_ parameters: [String: ParameterBound] = [:], span: DaySpan? = nil, shared: Set<String> = []) {
        self.parameters = parameters
        self.span = span
        self.shared = shared
    }

    /// No parameters.
    public static let none = ParameterBounds()

    /// Checks a call's parameter object; throws `InvalidParameter` naming the first parameter
    /// (by name, sorted; `details.catatan` for a member of an object) out of its bound.
    /// Unknown parameters are not this check's business: decoding refuses them.
    public func check(_ values: [String: JSONValue]) throws(VarlinkError) {
        for name in values.keys.sorted() {
            guard let bound = parameters[name], let value = values[name] else { continue }
            try Self.check(value, against: bound, path: name)
        }
        if let span, case .string(let from)? = values[span.from], case .string(let to)? = values[span.to],
           let first = Self.dayNumber(from), let last = Self.dayNumber(to), last - first > span.days(for: values) {
            throw .invalidParameter(span.to)
        }
    }

    private static func check(_ value: JSONValue, against bound: ParameterBound, path: String) throws(VarlinkError) {
        switch (bound, value) {
        case (.text(let maxBytes), .string(let text)):
            if text.utf8.count > maxBytes { throw .invalidParameter(path) }
        case (.integer(let range), .int(let number)):
            if !range.contains(number) { throw .invalidParameter(path) }
        case (.integer, .double):
            // Not a whole number in Int64: out of every integer bound.
            throw .invalidParameter(path)
        case (.list(let maxCount, let element), .array(let items)):
            if items.count > maxCount { throw .invalidParameter(path) }
            for item in items { try check(item, against: element, path: path) }
        case (.map(let maxCount, let keyBytes, let element), .object(let members)):
            if members.count > maxCount { throw .invalidParameter(path) }
            for key in members.keys.sorted() {
                if key.utf8.count > keyBytes { throw .invalidParameter(path) }
                try check(members[key]!, against: element, path: path)
            }
        case (.object(let fields), .object(let members)):
            for key in members.keys.sorted() {
                guard let field = fields[key] else { continue }
                try check(members[key]!, against: field, path: path + "." + key)
            }
        default:
            // null (an optional left out), or another type than the bound's: decoding decides.
            return
        }
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), nil when the text
    /// is not one: the handler then refuses it with its own words.
    static func dayNumber(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A method the server serves: besides its name and types, the bound of every parameter.
public protocol VarlinkBoundedMethod: VarlinkMethod {
    /// Every parameter of the method with its bound (the IDL's comments document the same).
    static var bounds: ParameterBounds { get }
}

extension ParameterBound {
    /// The bound in the words of the IDL's comments, e.g. "at most 64 bytes", "1 to 1000".
    public var summary: String {
        switch self {
        case .text(let maxBytes): "at most \(Self.bytes(maxBytes))"
        case .integer(let range): "\(range.lowerBound) to \(range.upperBound)"
        case .flag: "true or false"
        case .list(let maxCount, let element): "at most \(maxCount) items, each \(element.summary)"
        case .map(let maxCount, let keyBytes, let value):
            "at most \(maxCount) entries, keys at most \(Self.bytes(keyBytes)), values \(value.summary)"
        case .object(let members):
            "(" + members.keys.sorted().map { "\($0) \(members[$0]!.summary)" }.joined(separator: ", ") + ")"
        }
    }

    private static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1024, count % 1024 == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}

extension ParameterBounds {
    /// The `Bounds:` sentence the IDL's comment carries for a method whose parameters come
    /// in `order` (flags, which need none, left out), or nil when nothing is bounded.
    public func documentation(order: [String]) -> String? {
        var parts: [String] = []
        for name in order where !shared.contains(name) {
            guard let bound = parameters[name] else { continue }
            switch bound {
            case .flag: continue
            case .object: parts.append("\(name) within the bounds of its type")
            default: parts.append("\(name) \(bound.summary)")
            }
        }
        if let span {
            let narrowed = span.narrowedBy.map { " (\(span.narrowedDays) with \($0))" } ?? ""
            parts.append("\(span.to) at most \(span.maxDays) days after \(span.from)\(narrowed)")
        }
        return parts.isEmpty ? nil : "Bounds: " + parts.joined(separator: "; ") + "."
    }
}
