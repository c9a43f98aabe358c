/// Cuts text to a number of UTF-8 bytes for storage, on character boundaries. It keeps the
/// start (where the daemon says what ran) and the end (where a failing program prints its
/// final error), with a marker between them.
package enum BoundedText {
    static let marker = "\n[…]\n"

    package static func bounded(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let budget = maxBytes - marker.utf8.count
        guard budget > 0 else { return prefix(of: text, bytes: maxBytes) }
        let head = prefix(of: text, bytes: budget / 4)
        let tail = suffix(of: text, bytes: budget - head.utf8.count)
        return head + marker + tail
    }

    private static func prefix(of text: String, bytes: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            guard used + size <= bytes else { break }
            used += size
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private static func suffix(of text: String, bytes: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let size = text[previous].utf8.count
            guard used + size <= bytes else { break }
            used += size
            start = previous
        }
        return String(text[start...])
    }
}
