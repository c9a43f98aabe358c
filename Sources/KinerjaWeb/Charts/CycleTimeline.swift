import KinerjaCore
import KinerjaRPC

/// The cycle as a bar of its six months: a mark at each deadline (their dates are in the
/// table beside it), the part already behind shaded, and today. Drawn wide and narrow like
/// ``ProgressChart``.
enum CycleTimeline {
    static func render(_ cycle: CycleInfo, today: LocalDate, words: Words) -> Markup {
        guard let start = LocalDate(cycle.start), let end = LocalDate(cycle.end) else { return .empty }
        let dues = Set(cycle.deadlines.compactMap { LocalDate($0.due) }).filter { $0 >= start && $0 <= end }.sorted()
        func drawing(narrow: Bool) -> Markup {
            let width = narrow ? 360.0 : 760.0, left = 6.0, right = 6.0, barTop = 22.0, barHeight = 16.0
            let font = narrow ? 11.0 : 12.0
            let span = Double(start.days(until: end) + 1)
            func x(_ date: LocalDate) -> Double { left + (width - left - right) * Double(start.days(until: date)) / span }
            let f = ProgressChart.f
            var svg = "<svg class=\"\(narrow ? "narrow" : "wide")\" viewBox=\"0 0 \(f(width)) 64\" role=\"img\" aria-label=\"\(Markup.escape(words(.cycleLabel, cycle.cycle, words.date(cycle.start), words.date(cycle.end))))\" font-size=\"\(f(font))\" font-family=\"system-ui,sans-serif\">"
            svg += "<rect x=\"\(f(left))\" y=\"\(f(barTop))\" width=\"\(f(width - left - right))\" height=\"\(f(barHeight))\" fill=\"#e4e8ec\"/>"
            if today >= start {
                let until = min(today, end)
                svg += "<rect x=\"\(f(left))\" y=\"\(f(barTop))\" width=\"\(f(x(until) - left))\" height=\"\(f(barHeight))\" fill=\"#9ecae1\"/>"
            }
            for month in 0..<6 {
                let first = start.adding(months: month)
                let position = x(first)
                svg += "<line x1=\"\(f(position))\" x2=\"\(f(position))\" y1=\"\(f(barTop))\" y2=\"\(f(barTop + barHeight + 4))\" stroke=\"#57606a\"/>"
                let name = String(ReminderText.date(first, language: words.language).split(separator: " ")[1].prefix(3))
                svg += "<text x=\"\(f(position + 2))\" y=\"\(f(barTop + barHeight + font + 4))\" fill=\"#57606a\">\(Markup.escape(name))</text>"
            }
            for due in dues {
                let position = x(due)
                svg += "<path d=\"M\(f(position - 4)) \(f(barTop - 7)) L\(f(position + 4)) \(f(barTop - 7)) L\(f(position)) \(f(barTop - 1))Z\" fill=\"#0b3d62\"/>"
            }
            if today >= start, today <= end {
                let position = x(today)
                svg += "<line x1=\"\(f(position))\" x2=\"\(f(position))\" y1=\"\(f(barTop - 2))\" y2=\"\(f(barTop + barHeight + 2))\" stroke=\"#c62828\" stroke-width=\"2.5\"/>"
                let anchor = position > width * 0.8 ? "end" : "start"
                svg += "<text x=\"\(f(position + (anchor == "end" ? -4 : 4)))\" y=\"\(f(barTop - 9))\" text-anchor=\"\(anchor)\" fill=\"#c62828\">\(Markup.escape(words[.today]))</text>"
            }
            return Markup(trusted: svg + "</svg>")
        }
        return "<div class=\"chart timeline\">\(drawing(narrow: false))\(drawing(narrow: true))</div>"
    }
}
