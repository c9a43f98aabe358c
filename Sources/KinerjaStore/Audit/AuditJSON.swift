import KinerjaJSON

/// The JSON objects of an audit row's `before` and `after`: the fields a change touched, in
/// the order given, each a string or null. Written member by member (`JSONString` escapes
/// as `JSONEncoder` does): an import writes one per changed person, position or plan.
package enum AuditJSON {
    package static func object(_ members: [(key: String, value: String?)]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(member.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if let value = member.value { JSONString.append(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Counts, as numbers, in key order.
    package static func counts(_ values: [String: Int], extra: [(key: String, value: String)] = []) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for (key, value) in extra {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONString.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONString.append(value, to: &bytes)
        }
        for key in values.keys.sorted() {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONString.append(key, to: &bytes)
            bytes.append(contentsOf: ":\(values[key]!)".utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Which fields of two values differ, collected as `before` and `after` members. Compact:
/// `before` names only the fields that had a value (one `after` names and not `before` had
/// none), and notes (the import a change came from) are in `after` only.
package struct FieldChanges {
    package private(set) var before: [(key: String, value: String?)] = []
    package private(set) var after: [(key: String, value: String?)] = []

    package var isEmpty: Bool { after.isEmpty }

    package init() {}

    package mutating func compare(_ key: @autoclosure () -> String, _ old: String?, _ new: String?) {
        guard old != new else { return }
        let key = key()
        if old != nil { before.append((key, old)) }
        after.append((key, new))
    }

    /// Compares two values, and words them (`text`) only when they differ.
    package mutating func compare<T: Equatable>(_ key: @autoclosure () -> String, _ old: T?, _ new: T?, _ text: (T) -> String) {
        guard old != new else { return }
        compare(key(), old.map(text), new.map(text))
    }

    /// A member of `after` that is not a field of the value: where the change came from.
    package mutating func note(_ key: String, _ value: String) {
        after.append((key, value))
    }

    /// `before` as JSON; nil when no changed field had a value before (something new).
    package var beforeJSON: String? { before.isEmpty ? nil : AuditJSON.object(before) }
    package var afterJSON: String { AuditJSON.object(after) }
}
