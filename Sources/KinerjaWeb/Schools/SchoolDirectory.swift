import Foundation
import KinerjaCore

/// What the roster does not say about a school yet: its kecamatan and its jenjang, read
/// from an office's own CSV (`--schools FILE`: columns `npsn`, `kecamatan`, `jenjang`, as a
/// Dapodik export has them; any delimiter the roster import accepts). A school the file
/// does not name shows no kecamatan, and the jenjang its name begins with (SD, SMP, ...).
public struct SchoolDirectory: Sendable {
    public struct Entry: Sendable, Hashable {
        public var kecamatan: String?
        public var jenjang: String?
    }

    let entries: [String: Entry]

    public static let empty = SchoolDirectory(entries: [:])

    init(entries: [String: Entry]) { self.entries = entries }

    /// Reads `path`; a missing column or a row without an NPSN is refused with its line.
    public init(path: String) throws {
        let table = try CSVTable(parsing: String(contentsOfFile: path, encoding: .utf8))
        guard let npsn = table.header.firstIndex(of: "npsn") else {
            throw SchoolDirectoryError(path: path, line: 1, reason: "no npsn column")
        }
        let kecamatan = table.header.firstIndex(of: "kecamatan"), jenjang = table.header.firstIndex(of: "jenjang")
        var entries: [String: Entry] = [:]
        for row in table.rows {
            func field(_ index: Int?) -> String? {
                guard let index, index < row.fields.count else { return nil }
                let value = row.fields[index].trimmedOfWhitespace()
                return value.isEmpty ? nil : value
            }
            guard let key = field(npsn) else { throw SchoolDirectoryError(path: path, line: row.line, reason: "no npsn") }
            entries[key] = Entry(kecamatan: field(kecamatan), jenjang: field(jenjang))
        }
        self.entries = entries
    }

    /// The school's kecamatan and jenjang: from the file, or the jenjang from its name.
    public func entry(npsn: String, name: String?) -> Entry {
        var entry = entries[npsn] ?? Entry()
        if entry.jenjang == nil { entry.jenjang = name.flatMap(Self.jenjang(fromName:)) }
        return entry
    }

    /// Indonesian schools are named by their form first ("SD Negeri 1 Sukamaju", "SMP
    /// Negeri 2 ...", "SD Islam Terpadu ..."): the first word when it is one of the forms.
    static func jenjang(fromName name: String) -> String? {
        guard let first = name.split(separator: " ").first.map({ $0.uppercased() }) else { return nil }
        let forms = ["TK", "PAUD", "SD", "MI", "SMP", "MTS", "SMA", "MA", "SMK", "SLB", "SDLB", "SMPLB", "SMALB"]
        guard forms.contains(first) else { return nil }
        return first == "MTS" ? "MTs" : first
    }
}

/// A schools file that cannot be used, with its line.
public struct SchoolDirectoryError: Error, CustomStringConvertible {
    let path: String
    let line: Int
    let reason: String
    public var description: String { "\(path):\(line): \(reason)" }
}
