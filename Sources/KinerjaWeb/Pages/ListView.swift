import KinerjaCore

/// A list on a page: its downloads (the same view as CSV and .xlsx), its row count, and
/// the table, whose headers sort it (`?urut=KEY&arah=turun`) and whose cells carry their
/// column's name for the one-card-per-row layout of a narrow screen.
enum ListView {
    static func render(_ table: ListTable, downloadPath: String, context: PageContext) -> Markup {
        let w = context.words
        var html: Markup = """
            <p class="downloads"><a href="\(context.withQuery(path: downloadPath + ".csv"))">\(w[.downloadCSV])</a>\
            <a href="\(context.withQuery(path: downloadPath + ".xlsx"))">\(w[.downloadXLSX])</a>\
            <span class="muted">\(w(.rows, String(table.rows.count)))</span></p>
            """
        guard !table.rows.isEmpty else { return html + "<p>\(w[.noRows])</p>" }
        html += "<table class=\"list\"><thead><tr>"
        let sortKey = context.filter("urut"), descending = context.filter("arah") == "turun"
        for column in table.columns {
            let numeric: Markup = column.numeric ? " class=\"num\"" : ""
            guard let key = column.sortKey else {
                html += "<th\(numeric) scope=\"col\">\(column.title)</th>"
                continue
            }
            let active = sortKey == key
            let next = active && !descending ? "turun" : nil
            let arrow = active ? (descending ? " ▼" : " ▲") : ""
            let sort: Markup = active ? " aria-sort=\"\(descending ? "descending" : "ascending")\"" : ""
            html += "<th\(numeric)\(sort) scope=\"col\"><a href=\"\(context.withQuery(["urut": key, "arah": next]))\">\(column.title)\(arrow)</a></th>"
        }
        html += "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let column = table.columns[index]
                let numeric: Markup = column.numeric ? " class=\"num\"" : ""
                html += "<td\(numeric) data-label=\"\(column.title)\">\(content(cell, words: w))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    static func content(_ cell: ListTable.Cell, words: Words) -> Markup {
        switch cell {
        case .text(let text): "\(text)"
        case .link(let text, let href): "<a href=\"\(href)\">\(text)</a>"
        case .number(let n): "\(n.map(String.init) ?? "")"
        case .date(let date): "\(words.date(date))"
        case .track(let track, let label): badge(track, label)
        case .share(let done, let of): bar(done: done, of: of)
        }
    }

    static func badge(_ track: PlanTrack, _ label: String) -> Markup {
        "<span class=\"badge \(track.rawValue)\">\(label)</span>"
    }

    /// A share as a bar drawn in SVG and its percentage.
    static func bar(done: Int, of total: Int) -> Markup {
        let percent = ListTable.Cell.percent(done, total)
        return """
            <span class="bar"><svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="\(percent)%">\
            <rect width="100" height="10" fill="#e4e8ec"/><rect width="\(percent)" height="10" fill="#1565c0"/></svg></span> \(percent)%
            """
    }
}
