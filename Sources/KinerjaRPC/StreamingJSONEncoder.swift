import FoundationEssentials
import KinerjaJSON

/// Encodes a value as compact JSON, writing bytes while the value's `encode(to:)` runs
/// instead of building a tree first: a listing's reply (hundreds of KiB) took longer in
/// Foundation's `JSONEncoder` than all the daemon's other work for it.
///
/// The output is the JSON `JSONEncoder` with `.withoutEscapingSlashes` writes, escaped and
/// formatted the same, with one difference: members come in the order the value encodes
/// them (declaration order), where `JSONEncoder`'s order follows a hash table and changes
/// from process to process. What it does not stream — floating point, dictionaries, `Date`, `Data`, `URL`,
/// `Decimal` (which `JSONEncoder` formats its own way), nested containers and super
/// encoders, a value that encodes nothing — makes it hand the whole value to `JSONEncoder`.
public enum StreamingJSONEncoder {
    /// `prefix` followed by the JSON of `value`: a reply's envelope goes in front without
    /// copying a listing's hundreds of KiB once more.
    public static func encode<T: Encodable>(_ value: T, after prefix: [UInt8] = []) throws -> [UInt8] {
        let writer = JSONByteWriter(prefix: prefix)
        do {
            try writer.value(value, codingPath: [])
            if !writer.unstreamable { return writer.bytes }
        } catch is Unstreamable {}
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return prefix + Array(try encoder.encode(value))
    }
}

/// Thrown (or flagged, where the protocol cannot throw) when a value needs `JSONEncoder`.
struct Unstreamable: Error {}

/// Types `JSONEncoder` writes in its own way rather than through their `encode(to:)`.
protocol JSONEncoderSpecialCase {}
extension Date: JSONEncoderSpecialCase {}
extension Data: JSONEncoderSpecialCase {}
extension URL: JSONEncoderSpecialCase {}
extension Decimal: JSONEncoderSpecialCase {}
extension Double: JSONEncoderSpecialCase {}
extension Float: JSONEncoderSpecialCase {}
extension Dictionary: JSONEncoderSpecialCase {}

/// The bytes, and the containers open in them (innermost last; true once it has a member).
final class JSONByteWriter {
    // Unchecked: only the one encoding that owns the writer touches it, and the runtime's
    // exclusivity checks on every append were a tenth of encoding a listing.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var open: [Bool] = []
    var unstreamable = false

    init(prefix: [UInt8] = []) {
        bytes.reserveCapacity(4096)
        bytes.append(contentsOf: prefix)
    }

    func value<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        // Comparing metatypes first spares the common values the runtime's dynamic casts.
        if T.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return integer(unsafeBitCast(value, to: Int.self)) }
        switch value {
        case let v as any DirectJSONEncodable: object(v)
        case let v as any DirectJSONArray: v.write(to: self)
        case let v as String: string(v)
        case let v as Bool: bool(v)
        case let v as any BinaryInteger: integer(v)
        case is JSONEncoderSpecialCase: throw Unstreamable()
        default:
            let slot = Slot()
            try value.encode(to: StreamEncoder(writer: self, slot: slot, codingPath: codingPath))
            try close(slot)
        }
    }

    func object(_ value: some DirectJSONEncodable) {
        bytes.append(UInt8(ascii: "{"))
        var members = JSONObjectWriter(writer: self)
        value.writeMembers(to: &members)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Ends what `slot`'s encoder opened; an encoder that wrote nothing is unstreamable.
    func close(_ slot: Slot) throws {
        switch slot.kind {
        case .object?: end(UInt8(ascii: "}"))
        case .array?: end(UInt8(ascii: "]"))
        case .single?: break
        case nil: throw Unstreamable()
        }
    }

    func begin(_ byte: UInt8, _ slot: Slot, as kind: Slot.Kind) {
        guard slot.kind == nil else {
            if slot.kind != kind { unstreamable = true }
            return
        }
        bytes.append(byte)
        open.append(false)
        slot.kind = kind
        slot.depth = open.count
    }

    private func end(_ byte: UInt8) {
        bytes.append(byte)
        open.removeLast()
    }

    /// Before a member of the container `slot` opened: it must be the innermost one.
    func member(of slot: Slot) {
        guard slot.depth > 0, open.count == slot.depth else {
            unstreamable = true
            return
        }
        if open[open.count - 1] { bytes.append(UInt8(ascii: ",")) } else { open[open.count - 1] = true }
    }

    func key(_ key: some CodingKey, of slot: Slot) {
        member(of: slot)
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    func null() { bytes.append(contentsOf: "null".utf8) }
    func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    func integer(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

    /// Escapes as `JSONEncoder` does (see `JSONString`).
    func string(_ value: String) {
        JSONString.append(value, to: &bytes)
    }
}

/// An array whose elements write themselves: each without the runtime's casts, and a long
/// one (a listing's hundreds of rows) in pieces written on all cores at once.
protocol DirectJSONArray {
    func write(to writer: JSONByteWriter)
}

extension Array: DirectJSONArray where Element: DirectJSONEncodable {
    func write(to writer: JSONByteWriter) {
        let pieces = ParallelChunks.flatMap(self, minimumChunk: 256) { elements in
            let piece = JSONByteWriter()
            for element in elements {
                if !piece.bytes.isEmpty { piece.bytes.append(UInt8(ascii: ",")) }
                piece.object(element)
            }
            return [(bytes: piece.bytes, unstreamable: piece.unstreamable)]
        }
        writer.bytes.append(UInt8(ascii: "["))
        for (index, piece) in pieces.enumerated() {
            if index > 0 && !piece.bytes.isEmpty { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: piece.bytes)
            if piece.unstreamable { writer.unstreamable = true }
        }
        writer.bytes.append(UInt8(ascii: "]"))
    }
}

/// What one encoder (one JSON value) opened, and at which depth.
final class Slot {
    enum Kind { case object, array, single }
    var kind: Kind?
    var depth = 0
    var count = 0
}

struct StreamEncoder: Encoder {
    let writer: JSONByteWriter
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.begin(UInt8(ascii: "{"), slot, as: .object)
        return KeyedEncodingContainer(KeyedStream<Key>(writer: writer, slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.begin(UInt8(ascii: "["), slot, as: .array)
        return UnkeyedStream(writer: writer, slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleStream(writer: writer, slot: slot, codingPath: codingPath)
    }
}

struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        writer.key(key, of: slot)
        writer.null()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.key(key, of: slot)
        writer.bool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.key(key, of: slot)
        writer.string(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        writer.key(key, of: slot)
        writer.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key, of: slot)
        try writer.value(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.unstreamable = true
        return KeyedEncodingContainer(KeyedStream<NestedKey>(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unstreamable = true
        return UnkeyedStream(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unstreamable = true
        return StreamEncoder(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct UnkeyedStream: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    mutating func encodeNil() throws {
        writer.member(of: slot)
        slot.count += 1
        writer.null()
    }

    mutating func encode(_ value: String) throws {
        writer.member(of: slot)
        slot.count += 1
        writer.string(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.member(of: slot)
        slot.count += 1
        try writer.value(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unstreamable = true
        return KeyedEncodingContainer(KeyedStream<NestedKey>(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unstreamable = true
        return UnkeyedStream(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unstreamable = true
        return StreamEncoder(writer: JSONByteWriter(), slot: Slot(), codingPath: codingPath)
    }
}

struct SingleStream: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    let slot: Slot
    let codingPath: [any CodingKey]

    /// A single value container holds one value, written where the encoder's value goes.
    private func claim() {
        if slot.kind != nil { writer.unstreamable = true }
        slot.kind = .single
    }

    mutating func encodeNil() throws {
        claim()
        writer.null()
    }

    mutating func encode(_ value: Bool) throws {
        claim()
        writer.bool(value)
    }

    mutating func encode(_ value: String) throws {
        claim()
        writer.string(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        claim()
        try writer.value(value, codingPath: codingPath)
    }
}
