import FoundationEssentials

/// Decodes a `Decodable` value straight from a ``JSONValue`` tree, where every call's
/// parameters used to be written out with `JSONEncoder` and read back with `JSONDecoder`.
///
/// It reads what `JSONDecoder` (default strategies) read from the tree's JSON text:
/// - numbers convert as there: an `.int` into a floating-point type, an integral `.double`
///   into an integer type, and a value out of the target type's range is an error;
/// - a `Date` decodes through its own `Decodable` conformance, as `JSONDecoder`'s default
///   `.deferredToDate` does; `Data`, `URL` and `Decimal`, which `JSONDecoder` reads in its
///   own way (base64, a string, the number's text), are refused with an error saying so:
///   no wire type uses them;
/// - errors are the same `DecodingError` cases with the same coding paths (an array element
///   is `Index N`), which ``VarlinkParameters/offendingField(of:)`` reads to name the field;
///   but a number out of its type's range keeps its path, where `JSONDecoder` gave an empty
///   one (and a call was refused naming `parameters` rather than the field).
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Decodes `T` from `value`, found at `codingPath`.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [any CodingKey] = []) throws -> T {
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw DecodingError.typeMismatch(T.self, .init(
                codingPath: codingPath,
                debugDescription: "\(T.self) is not supported: JSONDecoder reads it in its own way; declare the field as String"))
        }
        return try T(from: JSONValueDecoder(value: value, codingPath: codingPath))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw value.mismatch([String: Any].self, codingPath, "Cannot get keyed decoding container")
        }
        return KeyedDecodingContainer(KeyedJSONValueContainer(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw value.mismatch([Any].self, codingPath, "Cannot get unkeyed decoding container")
        }
        return UnkeyedJSONValueContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
}

extension JSONValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.decodedBool(codingPath) }
    func decode(_ type: String.Type) throws -> String { try value.decodedString(codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try value.decodedFloatingPoint(codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try value.decodedFloatingPoint(codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try value.decodedInteger(codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.decodedInteger(codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.decodedInteger(codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.decodedInteger(codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.decodedInteger(codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.decodedInteger(codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.decodedInteger(codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.decodedInteger(codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.decodedInteger(codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.decodedInteger(codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(T.self, from: value, codingPath: codingPath) }
}

// MARK: - Keyed

struct KeyedJSONValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath,
                debugDescription: "No value associated with key \(key.stringValue.debugDescription)."))
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decodedBool(path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decodedString(path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decodedFloatingPoint(path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decodedFloatingPoint(path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decodedInteger(path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decodedInteger(path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decodedInteger(path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decodedInteger(path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONValueDecoder.decode(T.self, from: member(key), codingPath: path(key))
    }

    // The optional fields of every wire type come here: one lookup instead of the default
    // implementation's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key)?.decodedBool(path(key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key)?.decodedString(path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key)?.decodedInteger(path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try JSONValueDecoder.decode(T.self, from: value, codingPath: path(key))
    }

    /// The member's value unless it is absent or `null`.
    private func present(_ key: Key) -> JSONValue? {
        guard let value = members[key.stringValue], !value.isNull else { return nil }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoder(value: member(key), codingPath: path(key)).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoder(value: member(key), codingPath: path(key)).unkeyedContainer()
    }

    /// As in `JSONDecoder`: the value under `super`, or `null` when there is none.
    func superDecoder() throws -> any Decoder {
        let key = JSONValueCodingKey(stringValue: "super")
        return JSONValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoder(value: members[key.stringValue] ?? .null, codingPath: path(key))
    }
}

// MARK: - Unkeyed

struct UnkeyedJSONValueContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var path: [any CodingKey] { codingPath + [JSONValueCodingKey(intValue: currentIndex)] }

    /// The current element, for a decode that moves past it only if it succeeds.
    private func current<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    /// Decodes the current element with `decode`, which gets the element's coding path as a
    /// closure: scalars build it only for an error.
    private mutating func next<T>(_ decode: (JSONValue, () -> [any CodingKey]) throws -> T) throws -> T {
        let value = try decode(current(T.self)) { path }
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(JSONValue.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.decodedBool($1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.decodedString($1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.decodedFloatingPoint($1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.decodedFloatingPoint($1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.decodedInteger($1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.decodedInteger($1()) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next { try JSONValueDecoder.decode(T.self, from: $0, codingPath: $1()) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { try JSONValueDecoder(value: $0, codingPath: $1()).container(keyedBy: NestedKey.self) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try JSONValueDecoder(value: $0, codingPath: $1()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next { JSONValueDecoder(value: $0, codingPath: $1()) }
    }
}

/// A key of a coding path that no `CodingKeys` type declares: `super`, or an array index
/// (named `Index N`, as `JSONDecoder` names it).
struct JSONValueCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

// MARK: - Scalars

extension JSONValue {
    func decodedBool(_ codingPath: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let value) = self else { throw mismatch(Bool.self, codingPath()) }
        return value
    }

    func decodedString(_ codingPath: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let value) = self else { throw mismatch(String.self, codingPath()) }
        return value
    }

    /// An integer, or an integral double, that `T` can hold exactly.
    func decodedInteger<T: FixedWidthInteger>(_ codingPath: @autoclosure () -> [any CodingKey]) throws -> T {
        let converted: T?
        switch self {
        case .int(let value): converted = T(exactly: value)
        case .double(let value): converted = T(exactly: value)
        default: throw mismatch(T.self, codingPath())
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath(), debugDescription: "Parsed JSON number <\(self)> does not fit in \(T.self)."))
        }
        return converted
    }

    /// A number, read as a `Double` first and then narrowed, as `JSONDecoder` reads it.
    func decodedFloatingPoint<T: BinaryFloatingPoint>(_ codingPath: @autoclosure () -> [any CodingKey]) throws -> T {
        let double: Double
        switch self {
        case .int(let value): double = Double(value)
        case .double(let value): double = value
        default: throw mismatch(T.self, codingPath())
        }
        let converted = T(double)
        guard converted.isFinite else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath(), debugDescription: "Parsed JSON number <\(self)> does not fit in \(T.self)."))
        }
        return converted
    }

    /// `valueNotFound` for `null`, `typeMismatch` for any other value of the wrong type.
    func mismatch(_ type: Any.Type, _ codingPath: [any CodingKey], _ what: String? = nil) -> DecodingError {
        let description = "\(what.map { "\($0) -- " } ?? "")Expected to decode \(type) but found \(kindName) instead."
        if isNull {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: description))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: description))
    }

    private var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}
