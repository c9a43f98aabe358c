/// Reading a JSON value straight into a type's members, without a ``JSONValue`` tree or
/// Codable's containers in between (see ``DirectJSONDecodable``). Each method reads the
/// value that starts at the parser's position and refuses one of another JSON type.
extension JSONParser {
    mutating func readString() throws(JSONParsingError) -> String {
        guard peek() == ASCII.quote else { throw fault(.content, "expected a string") }
        return try string()
    }

    mutating func readInt() throws(JSONParsingError) -> Int {
        guard let first = peek(), first == ASCII.minus || (ASCII.zero...ASCII.nine).contains(first),
              case .int(let value) = try number(), let int = Int(exactly: value)
        else { throw fault(.content, "expected an integer") }
        return int
    }

    mutating func readBool() throws(JSONParsingError) -> Bool {
        switch peek() {
        case ASCII.t:
            try literal("true")
            return true
        case ASCII.f:
            try literal("false")
            return false
        default:
            throw fault(.content, "expected true or false")
        }
    }

    mutating func readStrings() throws(JSONParsingError) -> [String] {
        var strings: [String] = []
        try forEachElement { parser throws(JSONParsingError) in strings.append(try parser.readString()) }
        return strings
    }

    mutating func readArray<Element: DirectJSONDecodable>(of type: Element.Type) throws(JSONParsingError) -> [Element] {
        var elements: [Element] = []
        try forEachElement { parser throws(JSONParsingError) in elements.append(try Element(reading: &parser)) }
        return elements
    }

    /// The object of one member `key` holding an array of `Element` (a listing's result),
    /// other members skipped.
    mutating func readArrayMember<Element: DirectJSONDecodable>(
        _ key: some CodingKey, of type: Element.Type
    ) throws(JSONParsingError) -> [Element] {
        var elements: [Element]?
        try forEachMember { name, parser throws(JSONParsingError) in
            if name == key.stringValue { elements = try parser.readArray(of: type) } else { try parser.skipValue() }
        }
        return try required(elements, key)
    }

    /// nil for `null` (as `decodeIfPresent` reads it), else what `read` reads.
    mutating func readOptional<T>(_ read: (inout JSONParser) throws(JSONParsingError) -> T) throws(JSONParsingError) -> T? {
        if peek() == ASCII.n {
            try literal("null")
            return nil
        }
        return try read(&self)
    }

    /// Reads and drops the value (a member the reading type does not know).
    mutating func skipValue() throws(JSONParsingError) {
        _ = try value()
    }

    /// `value`, or the error `JSONDecoder` would give for a member that is missing.
    func required<T>(_ value: T?, _ key: some CodingKey) throws(JSONParsingError) -> T {
        guard let value else { throw fault(.content, "the member \"\(key.stringValue)\" is missing") }
        return value
    }
}

/// A wire type that reads its members from the JSON text itself: `kinerjactl people list`
/// spent half its time in `JSONDecoder` (a district's overdue list: 800 rows, 400 KB, 8 to
/// 14 ms), whose keyed containers cost more than the reading. Only ``VarlinkClient``'s
/// replies take this path; a test of each conforming type checks it reads what
/// `JSONDecoder` reads. As with `decodeIfPresent`, an optional member may be missing or
/// `null`; unknown members are skipped; a repeated member's last value counts.
protocol DirectJSONDecodable: Decodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError)
}

/// The untyped client API's parameter objects, read by the project's parser too: a
/// country's `people list --json` is 111 MB of replies.
extension Dictionary: DirectJSONDecodable where Key == String, Value == JSONValue {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        guard case .object(let object) = try parser.value() else { throw parser.fault(.content, "the parameters are not an object") }
        self = object
    }
}
