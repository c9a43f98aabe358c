/// A piece of HTML. Written as a string literal, its interpolated `String`s are escaped and
/// interpolated `Markup` is not, so text from the daemon (names, notes) can only reach a
/// page as text: `"<td>\(person.nama)</td>" as Markup`.
public struct Markup: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var html: String

    public init(stringLiteral value: String) { html = value }

    public init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

    /// HTML written by the program itself, never from data.
    public init(trusted html: String) { self.html = html }

    public static let empty = Markup(trusted: "")

    public var description: String { html }

    public static func + (a: Markup, b: Markup) -> Markup { Markup(trusted: a.html + b.html) }

    public static func += (a: inout Markup, b: Markup) { a.html += b.html }

    /// `parts` one after the other.
    public static func joined(_ parts: some Sequence<Markup>, separator: Markup = .empty) -> Markup {
        Markup(trusted: parts.map(\.html).joined(separator: separator.html))
    }

    public struct Interpolation: StringInterpolationProtocol {
        var html = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { html += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { html += Markup.escape(text) }

        public mutating func appendInterpolation(_ number: Int) { html += String(number) }

        public mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        public mutating func appendInterpolation(_ markup: Markup?) { html += markup?.html ?? "" }
    }

    /// `text` with `& < > " '` as character references: safe in element content and in
    /// quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
