import Foundation

/// One measured figure: what, how much, and the command or call that produced it, so that
/// every number in the table can be reproduced by hand.
struct Figure: Codable {
    var section: String
    var name: String
    var value: Double
    var unit: String
    var how: String
}

/// The figures of one run: printed as a table as they come (a long run shows progress) and
/// written as JSON at the end.
final class Report {
    private(set) var figures: [Figure] = []
    private var section = ""
    let started = Date()

    func begin(_ section: String) {
        self.section = section
        Report.emit("\n\(section)")
    }

    func add(_ name: String, _ value: Double, _ unit: String, how: String) {
        figures.append(Figure(section: section, name: name, value: value, unit: unit, how: how))
        Report.emit("  " + name.padding(toLength: 66, withPad: " ", startingAt: 0) + Report.format(value, unit))
    }

    /// A note line in the table (counts, sizes) that is not a figure.
    func note(_ text: String) { Report.emit("    \(text)") }

    /// One line on stdout, unbuffered even into a file or pipe: a long run shows where it is.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func format(_ value: Double, _ unit: String) -> String {
        let number: String
        switch abs(value) {
        case 0: number = "0"
        case ..<10: number = String(format: "%.2f", value)
        case ..<100: number = String(format: "%.1f", value)
        default: number = String(format: "%.0f", value)
        }
        return unit == "×" ? "\(number)×" : "\(number) \(unit)"
    }

    func write(to path: String, machine: String) throws {
        struct Document: Codable {
            var started: String
            var machine: String
            var figures: [Figure]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(started: ISO8601DateFormatter().string(from: started), machine: machine, figures: figures)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try encoder.encode(document).write(to: URL(fileURLWithPath: path))
    }
}
