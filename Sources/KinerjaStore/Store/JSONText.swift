import Foundation

/// The JSON form of Core values in the store: plan state and audit before/after. Keys are
/// sorted so that the same value always gives the same text (audit rows compare, diffs
/// read well). One encoder and decoder for the process: making one per value costs more
/// than the encoding when a roster of a province is imported.
enum JSONText {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON array of strings (ids in a position's columns). The empty list, which every
    /// principal's `sekolah_binaan` holds, is read without a decoder.
    static func decodeList(_ text: String, table: String, key: String) throws -> [String] {
        text == "[]" ? [] : try decode([String].self, from: text, table: table, key: key)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, key: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.damagedRow(table: table, key: key, reason: "\(error)")
        }
    }
}
