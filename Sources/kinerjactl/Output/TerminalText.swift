/// Text for the administrator's terminal. What comes from the daemon (names, reasons, a
/// hook's stderr, an error's message) is interpolated with its control characters escaped:
/// an escape sequence or a line break stored in a name cannot recolour the terminal, hide a
/// line or forge one. The literal parts, kinerjactl's own words and layout, pass as written.
/// `--json` needs none of this: JSON escapes control characters itself.
struct TerminalText: ExpressibleByStringInterpolation {
    var text: String

    init(stringLiteral value: String) { text = value }

    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Text already made safe, e.g. a rendered ``Table``.
    init(safe text: String) { self.text = text }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { text += literal }

        mutating func appendInterpolation(_ value: some CustomStringConvertible) { text += TerminalText.escaped(value.description) }

        /// A part that is terminal text itself (a table, a line built before).
        mutating func appendInterpolation(_ value: TerminalText) { text += value.text }
    }

    /// `text` with every control character (C0, DEL, C1) and every bidirectional override
    /// written as an escape: `\n`, `\t`, `\r`, `\x1B`, `\u{202E}`.
    static func escaped(_ text: String) -> String {
        // Printable ASCII (almost every cell of a table) is looked at byte by byte only.
        guard !text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F
    }
}
