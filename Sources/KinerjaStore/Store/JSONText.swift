import Foundation
import KinerjaJSON

/// The JSON form of values in the store: a position's lists, the small audit rows of a
/// silence or an acknowledgement, and the plans of migration 2 read by migration 6. Keys are
/// sorted so that the same value always gives the same text. One encoder and decoder for
/// the process: making one per value costs more than the encoding when a roster of a
/// province is imported.
package enum JSONText {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()

    package static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A position's list as its column keeps it: a JSON array of strings, compact.
    static func list(_ items: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(item, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON array of strings (ids in a position's columns). The store writes these lists
    /// compactly and ids have nothing to escape, so they are split without a decoder (which
    /// cost more than the rest of reading a position); anything else goes to the decoder.
    static func decodeList(_ text: String, table: String, key: String) throws -> [String] {
        if let plain = plainList(text) { return plain }
        return try decode([String].self, from: text, table: table, key: key)
    }

    /// `["a","b"]` with no escapes and no whitespace, or nil. Read in place on the string's
    /// UTF-8 storage.
    static func plainList(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { plainList(bytes: $0) }
    }

    private static func plainList(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        if bytes.count == 2 { return [] }
        var items: [String] = []
        var index = 1
        while true {
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var end = start
            while end < bytes.count - 1, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
                end += 1
            }
            guard end < bytes.count - 1, bytes[end] == UInt8(ascii: "\"") else { return nil }
            items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            index = end + 1
            if bytes[index] == UInt8(ascii: "]") { return index == bytes.count - 1 ? items : nil }
            guard bytes[index] == UInt8(ascii: ","), index + 1 < bytes.count - 1 else { return nil }
            index += 1
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, key: String) throws -> T {
        try decode(type, from: Data(text.utf8), table: table, key: key)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: Data, table: String, key: String) throws -> T {
        do {
            return try decoder.decode(type, from: text)
        } catch {
            throw StoreError.damagedRow(table: table, key: key, reason: "\(error)")
        }
    }
}
