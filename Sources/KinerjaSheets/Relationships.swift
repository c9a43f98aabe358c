import Foundation

/// A `.rels` part of the package (OPC: ECMA-376 Part 2, "Relationships"): which part a relationship id
/// or type points to. Targets are resolved against the folder of the part they belong to.
struct Relationships {
    struct Relationship {
        let id: String
        /// The type's last path segment (`worksheet`, `sharedStrings`, `styles`,
        /// `officeDocument`): transitional and strict OOXML differ only before it.
        let kind: Substring
        /// The target's part name, without the leading `/`.
        let target: String
    }

    let all: [Relationship]

    /// The relationships of the part named `source` (`""` for the package itself), read from `data`.
    init(_ data: Data, part: String, source: String) throws(WorkbookError) {
        let handler = Handler(base: Relationships.folder(of: source))
        try XMLPartReader.read(data, part: part, into: handler)
        all = handler.found
    }

    func target(id: String) -> String? { all.first { $0.id == id }?.target }
    func target(kind: String) -> String? { all.first { $0.kind == kind }?.target }

    /// `_rels/NAME.rels` beside a part: where its relationships are.
    static func part(of source: String) -> String {
        let folder = folder(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        return folder + "_rels/" + name + ".rels"
    }

    /// `xl/` of `xl/workbook.xml`, `""` of a part at the root.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A target as a part name: absolute (`/xl/worksheets/sheet1.xml`) or relative to
    /// `base`, with `..` and `.` segments resolved.
    static func resolve(_ target: String, base: String) -> String {
        let path = target.hasPrefix("/") ? target : base + target
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    private final class Handler: XMLPartHandler {
        let base: String
        var found: [Relationship] = []

        init(base: String) { self.base = base }

        func start(_ name: String, attributes: [String: String]) throws(WorkbookError) {
            // External targets (a hyperlink's URL) are not parts of the package.
            guard name == "Relationship", attributes["TargetMode"] != "External",
                  let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"]
            else { return }
            let kind = type.split(separator: "/").last ?? ""
            found.append(Relationship(id: id, kind: kind, target: Relationships.resolve(target, base: base)))
        }
    }
}
