import KinerjaJSON
import KinerjaRPC

/// JSON as `Printer.json` prints it (`JSONEncoder` with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`: two spaces, `"key" : value`, an empty array or object over two
/// lines), written from the reply as parsed, without decoding it into the wire types and
/// encoding it again: a country's `people list --json` prints 200,000 objects.
enum PrettyJSON {
    static func append(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)).utf8)
        case .string(let s): JSONString.append(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            if items.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (index, item) in items.enumerated() {
                spaces(indent + 1, &out)
                append(item, indent: indent + 1, to: &out)
                if index < items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            spaces(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            if members.isEmpty { out.append(UInt8(ascii: "\n")) }
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                spaces(indent + 1, &out)
                JSONString.append(key, to: &out)
                out.append(contentsOf: " : ".utf8)
                append(members[key]!, indent: indent + 1, to: &out)
                if index < keys.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            spaces(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func spaces(_ level: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}

/// A JSON array printed element by element as the pieces of a list arrive: `[`, the
/// elements, `]`, as `Printer.json` prints the whole array.
struct PrettyJSONArray {
    private var count = 0

    mutating func print(_ items: [JSONValue]) {
        var out: [UInt8] = []
        for item in items {
            out.append(contentsOf: (count == 0 ? "[\n  " : ",\n  ").utf8)
            PrettyJSON.append(item, indent: 1, to: &out)
            count += 1
            if out.count >= 1 << 16 {
                FileHandleOut.write(bytes: out, fd: 1)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { FileHandleOut.write(bytes: out, fd: 1) }
    }

    func finish() {
        FileHandleOut.write(bytes: Array((count == 0 ? "[\n\n]\n" : "\n]\n").utf8), fd: 1)
    }
}
