import Foundation

/// The shared string table (`xl/sharedStrings.xml`): the text of every `t="s"` cell, by
/// index. An item is plain (`<si><t>…</t></si>`) or rich text, runs of formatted text
/// (`<si><r><t>Hj.</t></r><r><t> Siti</t></r></si>`) that read as one text; phonetic
/// guides (`<rPh>`, for East Asian readings) are not part of the text.
struct SharedStrings {
    let items: [String]

    init(_ data: Data, part: String) throws(WorkbookError) {
        let handler = Handler()
        try XMLPartReader.read(data, part: part, into: handler)
        items = handler.items
    }

    private final class Handler: XMLPartHandler {
        var items: [String] = []
        var text = RichText()

        func start(_ name: String, attributes: [String: String]) throws(WorkbookError) {
            text.start(name)
        }

        func end(_ name: String) throws(WorkbookError) {
            text.end(name)
            if name == "si" { items.append(text.take()) }
        }

        func characters(_ string: String) { text.characters(string) }
    }
}

/// The text of a string item, shared (`<si>`) or inline (`<is>`): every `<t>` in it, in
/// order, outside phonetic runs (`<rPh>`).
struct RichText {
    private var value = ""
    private var inText = false
    private var phonetic = 0

    mutating func start(_ name: String) {
        if name == "t" { inText = phonetic == 0 }
        if name == "rPh" { phonetic += 1 }
    }

    mutating func end(_ name: String) {
        if name == "t" { inText = false }
        if name == "rPh" { phonetic -= 1 }
    }

    mutating func characters(_ string: String) {
        if inText { value += string }
    }

    /// The text so far, and a fresh start for the next item.
    mutating func take() -> String {
        defer { value = "" }
        return value
    }
}
