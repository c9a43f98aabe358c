import Foundation
import KinerjaCore
import Testing

@Suite("Trimming a field")
struct TrimmingTests {
    @Test("the same as Foundation's trimming of whitespace and newlines", arguments: [
        "", " ", "\t\r\n", "abc", "  abc  ", "\tabc\r\n", "a b c", " a\u{A0}b ", "\u{A0}abc\u{A0}", "\u{3000}NIP\u{2003}",
        " \u{A0} ", "\u{2028}x", "x\u{85}", " \u{301}a", "é ", " Ñandú", "\r\n", " \"kutip\" ", "\u{FEFF}x", "🇮🇩 ",
    ])
    func likeFoundation(text: String) {
        #expect(text.trimmedOfWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmedOfWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
