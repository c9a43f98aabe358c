import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a part's reader does with the events of its XML. Element names come without their
/// prefix: SpreadsheetML is written with a default namespace by Excel and LibreOffice and
/// with `x:` by other writers, and strict OOXML uses another namespace URI for the same names.
protocol XMLPartHandler: AnyObject {
    func start(_ name: String, attributes: [String: String]) throws(WorkbookError)
    func end(_ name: String) throws(WorkbookError)
    func characters(_ text: String)
}

extension XMLPartHandler {
    func end(_ name: String) throws(WorkbookError) {}
    func characters(_ text: String) {}
}

/// Reads one XML part through Foundation's streaming XMLParser (libxml2's SAX): a sheet's
/// rows are counted and bounded as they arrive, and no tree of the document is built.
enum XMLPartReader {
    static func read(_ data: Data, part: String, into handler: some XMLPartHandler) throws(WorkbookError) {
        // OPC (ECMA-376 Part 2, "XML Usage", [M1.18]): a DTD in a package's XML is an error, for the
        // entity expansion attacks it allows.
        if declaresDTD(data) {
            throw .damaged(part, "DTD")
        }
        // Through a stream, which XMLParser feeds to libxml2 in pieces: given all of a part's
        // Data at once, libxml2 refuses any over 10 MB ("huge input lookup"), a sheet of
        // about 20,000 rows.
        let parser = XMLParser(stream: InputStream(data: data))
        let bridge = Bridge(handler)
        parser.delegate = bridge
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let error = bridge.error { throw error }
        guard parsed else {
            let reason = parser.parserError.map { "XML, baris \(parser.lineNumber): \($0.localizedDescription)" } ?? "XML"
            throw .damaged(part, reason)
        }
    }

    /// Whether the prolog (what comes before the root element) holds a `<!DOCTYPE`: the
    /// only markup starting `<!` there that is not a comment.
    static func declaresDTD(_ data: Data) -> Bool {
        let lt = UInt8(ascii: "<"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
        var index = data.startIndex
        func skip(past end: [UInt8]) {
            while index < data.endIndex, !data[index...].starts(with: end) { index += 1 }
            index = min(index + end.count, data.endIndex)
        }
        while index < data.endIndex {
            guard data[index] == lt else {
                index += 1
                continue
            }
            let next = index + 1 < data.endIndex ? data[index + 1] : 0
            if next == question {
                skip(past: Array("?>".utf8))
            } else if data[index...].starts(with: Array("<!--".utf8)) {
                skip(past: Array("-->".utf8))
            } else {
                return next == bang
            }
        }
        return false
    }

    /// XMLParser's delegate, handing the events on; the first error stops the parse.
    private final class Bridge<Handler: XMLPartHandler>: NSObject, XMLParserDelegate {
        let handler: Handler
        var error: WorkbookError?

        init(_ handler: Handler) { self.handler = handler }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            perform(parser) { () throws(WorkbookError) in try handler.start(elementName, attributes: attributes) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            perform(parser) { () throws(WorkbookError) in try handler.end(elementName) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if error == nil { handler.characters(string) }
        }

        private func perform(_ parser: XMLParser, _ body: () throws(WorkbookError) -> Void) {
            guard error == nil else { return }
            do { try body() } catch {
                self.error = error
                parser.abortParsing()
            }
        }
    }
}
