import KinerjaCore
import KinerjaRPC

/// The share of a role's plans past each step of its workflow, week by week, as stacked
/// bands drawn in SVG on the server: the top band's upper edge is the share past the first
/// step, the lowest band is the share past the last. The x axis is the whole cycle, so the
/// empty weeks to its end show how much time is left. Planning steps in blues,
/// implementation steps in greens. Two drawings of the same data: a wide one, and a narrow
/// one whose labels stay readable on a phone; the stylesheet shows one.
enum ProgressChart {
    static let planningColors = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
    static let implementationColors = ["#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"]

    /// The color of each step, in order.
    static func colors(of steps: [String]) -> [String] {
        let planning = steps.filter { Step(rawValue: $0)?.isPlanning ?? true }.count
        return steps.indices.map { index in
            index < planning
                ? planningColors[min(index, planningColors.count - 1) + max(0, planningColors.count - planning) / 2]
                : implementationColors[min(index - planning, implementationColors.count - 1)]
        }
    }

    static func render(_ role: RoleProgress, weeksInCycle: Int, cycle: CycleInfo, today: LocalDate, words: Words) -> Markup {
        let title = words(.progressFor, words.role(role.role, plural: true))
        let colors = colors(of: role.steps.map(\.step))
        let legend = Markup.joined(zip(role.steps, colors).map { step, color in
            "<li><i style=\"background:\(color)\"></i>\(words(.pastStep, words.step(step.step)))</li>"
        })
        let wide = drawing(role, colors: colors, weeksInCycle: weeksInCycle, cycle: cycle, today: today, words: words, narrow: false)
        let narrow = drawing(role, colors: colors, weeksInCycle: weeksInCycle, cycle: cycle, today: today, words: words, narrow: true)
        return """
            <figure class="chart"><figcaption><h3>\(title)</h3></figcaption>\(wide)\(narrow)<ul class="legend">\(legend)</ul></figure>
            """
    }

    private static func drawing(
        _ role: RoleProgress, colors: [String], weeksInCycle: Int, cycle: CycleInfo, today: LocalDate, words: Words, narrow: Bool
    ) -> Markup {
        let width = narrow ? 360.0 : 760.0, height = narrow ? 230.0 : 280.0
        let left = narrow ? 38.0 : 48.0, right = 12.0, top = 14.0, bottom = narrow ? 40.0 : 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let font = narrow ? 11.0 : 12.0
        let plans = max(role.counts.plans, 1)
        let span = Double(max(weeksInCycle, 1))
        func x(_ week: Double) -> Double { left + plotWidth * week / span }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - share) }

        var svg = "<svg class=\"\(narrow ? "narrow" : "wide")\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(Markup.escape(words(.progressFor, words.role(role.role, plural: true))))\" font-size=\"\(f(font))\" font-family=\"system-ui,sans-serif\">"
        // Grid and the share axis.
        for share in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(share)))\" y2=\"\(f(y(share)))\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y(share) + font / 3))\" text-anchor=\"end\" fill=\"#57606a\">\(Int(share * 100))%</text>"
        }
        // Bands: from each step's curve down to the next one's (or the axis), end of week w at x(w + 1).
        let weeks = role.steps.first?.past.count ?? 0
        var curves = role.steps.map { step in step.past.map { Double($0) / Double(plans) } }
        for k in curves.indices.dropFirst() {
            curves[k] = zip(curves[k], curves[k - 1]).map { min($0, $1) }
        }
        // A week's end, but the current week's at today: nothing is drawn ahead of today.
        let start = LocalDate(cycle.start) ?? today
        let todayWeek = Double(start.days(until: today) + 1) / 7
        func end(_ week: Int) -> Double { x(min(Double(week + 1), max(todayWeek, Double(week)))) }
        if weeks > 0 {
            for (k, curve) in curves.enumerated() {
                let lower = k + 1 < curves.count ? curves[k + 1] : [Double](repeating: 0, count: weeks)
                var points = [(x(0), y(0))]
                points += curve.enumerated().map { (end($0.offset), y($0.element)) }
                points += lower.enumerated().reversed().map { (end($0.offset), y($0.element)) }
                let path = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
                svg += "<polygon points=\"\(path)\" fill=\"\(colors[k])\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>"
            }
        }
        // Months along the bottom: a tick at each month's first day, its name under it.
        for month in 0..<6 {
            let first = start.adding(months: month)
            let position = x(Double(start.days(until: first)) / 7)
            svg += "<line x1=\"\(f(position))\" x2=\"\(f(position))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#57606a\"/>"
            let name = String(ReminderText.date(first, language: words.language).split(separator: " ")[1].prefix(3))
            svg += "<text x=\"\(f(position + 2))\" y=\"\(f(top + plotHeight + font + 4))\" fill=\"#57606a\">\(Markup.escape(name))</text>"
        }
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 4))\" text-anchor=\"middle\" fill=\"#57606a\">\(Markup.escape(words[.progressAxisWeeks]))</text>"
        // Today.
        if todayWeek >= 0, todayWeek <= span {
            let position = x(todayWeek)
            svg += "<line x1=\"\(f(position))\" x2=\"\(f(position))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            let anchor = todayWeek > span * 0.8 ? "end" : "start"
            let offset = anchor == "end" ? -4.0 : 4.0
            svg += "<text x=\"\(f(position + offset))\" y=\"\(f(top + font))\" text-anchor=\"\(anchor)\" fill=\"#c62828\">\(Markup.escape(words[.today]))</text>"
        }
        svg += "</svg>"
        return Markup(trusted: svg)
    }

    /// A coordinate with at most one decimal.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
