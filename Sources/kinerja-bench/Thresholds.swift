import Foundation

/// The figures a run must hold (Benchmarks/Thresholds/kinerja.json, as swift-nio keeps its
/// own under Benchmarks/Thresholds): after the run, each is printed beside its threshold,
/// those over it marked, and the bench fails if any is. A threshold whose figure the run did
/// not measure (`--only`, Taskwarrior missing) is listed as not measured, not failed.
struct Thresholds: Decodable {
    struct Threshold: Decodable {
        var section: String
        var figure: String
        var max: Double
        var unit: String
        var goal: String
    }

    var thresholds: [Threshold]

    static func load(_ path: String) throws -> Thresholds {
        try JSONDecoder().decode(Thresholds.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Prints the comparison; returns how many figures are over their threshold.
    func compare(_ figures: [Figure]) -> Int {
        Report.emit("\nThresholds (\(thresholds.count), Benchmarks/Thresholds/kinerja.json)")
        var over = 0
        for t in thresholds {
            let label = "\(t.section): \(t.figure)".padding(toLength: 66, withPad: " ", startingAt: 0)
            let limit = "≤ " + Report.format(t.max, t.unit)
            guard let figure = figures.last(where: { $0.section.hasPrefix(t.section) && $0.name == t.figure }) else {
                Report.emit("  \(label)  not measured  (\(limit))")
                continue
            }
            let value = Report.format(figure.value, figure.unit).padding(toLength: 12, withPad: " ", startingAt: 0)
            let ok = figure.value <= t.max
            if !ok { over += 1 }
            Report.emit("  \(label)\(value) \(limit.padding(toLength: 14, withPad: " ", startingAt: 0)) \(ok ? "ok" : "OVER")")
        }
        Report.emit(over == 0 ? "  every measured figure holds" : "  \(over) figure\(over == 1 ? "" : "s") over the threshold")
        return over
    }
}
