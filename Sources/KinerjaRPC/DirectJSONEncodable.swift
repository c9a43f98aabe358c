/// A wire type that writes its JSON members itself instead of through Codable's keyed
/// container, whose dispatch for each member was half the CPU of a district's listing
/// (hundreds of rows of twenty members). Only ``StreamingJSONEncoder`` takes this path;
/// `JSONEncoder` and decoders still use the type's Codable conformance, and a test of each
/// conforming type checks that both write the same members.
public protocol DirectJSONEncodable: Encodable, Sendable {
    /// Writes every member `encode(to:)` would write, with the same keys; `nil` optionals
    /// are left out, as `encodeIfPresent` does.
    func writeMembers(to object: inout JSONObjectWriter)
}

/// The members of one JSON object being written by ``StreamingJSONEncoder``.
public struct JSONObjectWriter {
    let writer: JSONByteWriter
    private var empty = true

    init(writer: JSONByteWriter) {
        self.writer = writer
    }

    private mutating func key(_ key: some CodingKey) {
        if empty { empty = false } else { writer.bytes.append(UInt8(ascii: ",")) }
        writer.string(key.stringValue)
        writer.bytes.append(UInt8(ascii: ":"))
    }

    public mutating func member(_ key: some CodingKey, _ value: String) {
        self.key(key)
        writer.string(value)
    }

    public mutating func member(_ key: some CodingKey, _ value: String?) {
        guard let value else { return }
        member(key, value)
    }

    public mutating func member(_ key: some CodingKey, _ value: Int) {
        self.key(key)
        writer.integer(value)
    }

    public mutating func member(_ key: some CodingKey, _ value: Int?) {
        guard let value else { return }
        member(key, value)
    }

    public mutating func member(_ key: some CodingKey, _ value: Bool) {
        self.key(key)
        writer.bool(value)
    }

    public mutating func member(_ key: some CodingKey, _ value: [String]) {
        array(key, value, writer.string)
    }

    public mutating func member(_ key: some CodingKey, _ value: [Int]) {
        array(key, value, writer.integer)
    }

    private mutating func array<Item>(_ key: some CodingKey, _ items: [Item], _ write: (Item) -> Void) {
        self.key(key)
        writer.bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            write(item)
        }
        writer.bytes.append(UInt8(ascii: "]"))
    }

    public mutating func member<Item: DirectJSONEncodable>(_ key: some CodingKey, _ value: [Item]) {
        let writer = writer
        array(key, value) { writer.object($0) }
    }

    public mutating func member(_ key: some CodingKey, _ value: (some DirectJSONEncodable)?) {
        guard let value else { return }
        self.key(key)
        writer.object(value)
    }
}

extension DirectJSONEncodable {
    /// The value's JSON object as ``StreamingJSONEncoder`` writes it inside a reply, for
    /// replies assembled from objects encoded once and kept. It cannot fail: a direct type
    /// writes only strings, integers, booleans, their arrays and direct objects.
    public var jsonObject: [UInt8] {
        let writer = JSONByteWriter()
        writer.object(self)
        // Exactly sized: the writer reserves 4 KiB, and thousands of these are kept.
        return Array(writer.bytes)
    }
}
